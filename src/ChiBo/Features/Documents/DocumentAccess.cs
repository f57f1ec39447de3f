using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Documents;

public enum DocumentNeed
{
    /// <summary>
    /// An issued document: accounts that see its issuer, and the accounts under the issuer (a document is sent down
    /// the tree). A draft, or a withdrawn draft (never sent anywhere): only its drafter and the staff who may issue for the issuer.
    /// </summary>
    Read,
    /// <summary>Edit, issue, withdraw, link: the issuer's committee staff (or a cell's secretary for the cell's own documents).</summary>
    Edit,
    /// <summary>Sign with the issuer's key: committee staff over the issuer (a cell has no signing key of its own).</summary>
    Sign,
}

/// <summary>One of the documents a symbol names, as a clerk tells them apart: who issued it and when.</summary>
public record LinkCandidate(int Id, string? Symbol, string Issuer, DateOnly? IssuedOn);

/// <summary>The one access rule of a register document, also applied to every document a request names by id or symbol.</summary>
public class DocumentAccess(AppDbContext db, UserScope scope) : IAccessRule<DocumentNeed>
{
    public async Task<Access> ForAsync(int id, DocumentNeed need, CancellationToken ct = default)
    {
        var d = await db.PartyDocuments.Where(x => x.Id == id).Select(x => new { x.IssuerUnitId, x.Status, x.CreatedBy }).FirstOrDefaultAsync(ct);
        if (d is null) return Access.Hidden;
        var canIssue = await CanIssueAsync(d.IssuerUnitId, ct);
        if (d.Status != DocumentStatus.Issued)
        {
            if (!canIssue && !IsDrafter(d.CreatedBy)) return Access.Hidden;
        }
        else if (!await CanReadIssuedAsync(d.IssuerUnitId, ct)) return Access.Hidden;
        return need switch
        {
            DocumentNeed.Read => Access.Allow,
            DocumentNeed.Edit => Access.When(canIssue, "Chỉ cán bộ của cơ quan ban hành (hoặc bí thư chi bộ với văn bản của chi bộ) mới thao tác được văn bản này."),
            DocumentNeed.Sign => Access.When(canIssue && scope.IsStaff, "Chỉ cán bộ cấp ủy của cơ quan ban hành mới ký số văn bản."),
            _ => Access.Hidden,
        };
    }

    public async Task<bool> CanReadAsync(int id, CancellationToken ct = default) => (await ForAsync(id, DocumentNeed.Read, ct)).Allowed;

    /// <summary>Drafting and issuing for a unit: its committee staff (or above), or a cell's secretary for the cell's own documents.</summary>
    public async Task<bool> CanIssueAsync(int unitId, CancellationToken ct = default) =>
        scope.CanManageCells && !scope.IsMonitoringOnly && await scope.CanSeeUnitAsync(unitId, null, ct);

    /// <summary>The account's name as drafts record it: a drafter keeps reading their own drafts.</summary>
    public string? UserName => scope.UserName;

    bool IsDrafter(string? createdBy) => createdBy is not null && createdBy == scope.UserName;

    /// <summary>An issued document of the issuer's subtree, or one issued above the account (it was sent down to it).</summary>
    async Task<bool> CanReadIssuedAsync(int issuerId, CancellationToken ct)
    {
        if (await scope.CanSeeUnitAsync(issuerId, null, ct)) return true;
        var today = scope.Today;
        var root = scope.RootUnitId;
        return !scope.IsMonitoringOnly && await db.UnitClosures.AnyAsync(c => c.AncestorId == issuerId && c.DescendantId == root
            && c.ValidFrom <= today && (c.ValidTo == null || c.ValidTo > today), ct);
    }

    /// <summary>
    /// The issued documents with this number and symbol that the account may read. Symbols repeat across issuers
    /// (every cell has its own 01-BB/CB), so a symbol names a document only when exactly one of these is left.
    /// </summary>
    public async Task<List<LinkCandidate>> ReadableWithSymbolAsync(string? symbol, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(symbol)) return [];
        var s = symbol.Replace(" ", "").Replace("Số", "").Trim();
        var rows = await (from d in db.PartyDocuments
                          where d.Symbol == s && d.Status == DocumentStatus.Issued
                          join u in db.Units on d.IssuerUnitId equals u.Id
                          orderby d.IssuedOn, d.Id
                          select new { d.Id, d.Symbol, d.External, d.ExternalIssuer, Unit = u.Name, d.IssuedOn }).Take(200).ToListAsync(ct);
        var readable = new List<LinkCandidate>();
        foreach (var r in rows)
            if (await CanReadAsync(r.Id, ct)) readable.Add(new LinkCandidate(r.Id, r.Symbol, r.External ? r.ExternalIssuer ?? r.Unit : r.Unit, r.IssuedOn));
        return readable;
    }
}
