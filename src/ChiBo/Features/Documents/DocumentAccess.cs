using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Documents;

public enum DocumentNeed
{
    /// <summary>
    /// An issued (or withdrawn) document: accounts that see its issuer, and the accounts under the issuer (a document
    /// is sent down the tree). A draft: only its drafter and the staff who may issue for the issuer.
    /// </summary>
    Read,
    /// <summary>Edit, issue, withdraw, link, sign: the issuer's committee staff (or a cell's secretary for the cell's own documents).</summary>
    Edit,
}

/// <summary>The one access rule of a register document, also applied to every document a request names by id or symbol.</summary>
public class DocumentAccess(AppDbContext db, UserScope scope) : IAccessRule<DocumentNeed>
{
    public async Task<Access> ForAsync(int id, DocumentNeed need, CancellationToken ct = default)
    {
        var d = await db.PartyDocuments.Where(x => x.Id == id).Select(x => new { x.IssuerUnitId, x.Status, x.CreatedBy }).FirstOrDefaultAsync(ct);
        if (d is null) return Access.Hidden;
        var canIssue = await CanIssueAsync(d.IssuerUnitId, ct);
        if (d.Status == DocumentStatus.Draft)
        {
            if (!canIssue && !(d.CreatedBy is not null && d.CreatedBy == scope.UserName)) return Access.Hidden;
        }
        else if (!await CanReadIssuedAsync(d.IssuerUnitId, ct)) return Access.Hidden;
        return need == DocumentNeed.Read ? Access.Allow
            : Access.When(canIssue, "Chỉ cán bộ của cơ quan ban hành (hoặc bí thư chi bộ với văn bản của chi bộ) mới thao tác được văn bản này.");
    }

    /// <summary>Drafting and issuing for a unit: its committee staff (or above), or a cell's secretary for the cell's own documents.</summary>
    public async Task<bool> CanIssueAsync(int unitId, CancellationToken ct = default) =>
        scope.CanManageCells && !scope.IsMonitoringOnly && await scope.CanSeeUnitAsync(unitId, null, ct);

    /// <summary>An issued document of the issuer's subtree, or one issued above the account (it was sent down to it).</summary>
    async Task<bool> CanReadIssuedAsync(int issuerId, CancellationToken ct)
    {
        if (await scope.CanSeeUnitAsync(issuerId, null, ct)) return true;
        var today = scope.Today;
        var root = scope.RootUnitId;
        return !scope.IsMonitoringOnly && await db.UnitClosures.AnyAsync(c => c.AncestorId == issuerId && c.DescendantId == root
            && c.ValidFrom <= today && (c.ValidTo == null || c.ValidTo > today), ct);
    }
}
