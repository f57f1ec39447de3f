using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Campaigns;

public enum CampaignNeed
{
    /// <summary>The campaign's definition and completeness: accounts inside its owner's subtree (they report in it), and staff above the owner.</summary>
    Read,
}

/// <summary>The access rule of a review campaign: a commune's internal campaign is the commune's and its cells', nobody else's.</summary>
public class CampaignAccess(AppDbContext db, UserScope scope) : IAccessRule<CampaignNeed>
{
    public async Task<Access> ForAsync(int id, CampaignNeed need, CancellationToken ct = default)
    {
        var owner = await db.Campaigns.Where(c => c.Id == id).Select(c => (int?)c.OwnerUnitId).FirstOrDefaultAsync(ct);
        return owner is { } o && await CanReadOwnedByAsync(o, ct) ? Access.Allow : Access.Hidden;
    }

    public async Task<bool> CanReadOwnedByAsync(int ownerUnitId, CancellationToken ct = default)
    {
        if (!scope.IsAuthenticated || scope.IsMonitoringOnly) return false;
        if (await scope.CanSeeUnitAsync(ownerUnitId, null, ct)) return true;
        var today = scope.Today;
        var root = scope.RootUnitId;
        return await db.UnitClosures.ValidOn(today).AnyAsync(c => c.AncestorId == ownerUnitId && c.DescendantId == root, ct);
    }

    /// <summary>The campaigns of a query the account may read (lists, the dashboard): the rule once per owner, campaigns being few.</summary>
    public async Task<List<Campaign>> ReadableAsync(IQueryable<Campaign> campaigns, CancellationToken ct = default)
    {
        var list = await campaigns.ToListAsync(ct);
        var owners = new Dictionary<int, bool>();
        foreach (var o in list.Select(c => c.OwnerUnitId).Distinct()) owners[o] = await CanReadOwnedByAsync(o, ct);
        return list.Where(c => owners[c.OwnerUnitId]).ToList();
    }
}

public enum ReportNeed
{
    /// <summary>Read the report (and comment on it: members of the unit discuss their draft).</summary>
    Read,
    /// <summary>Write the report's text, refresh figures, answer comments, compile: the unit's secretary or staff at or above it.</summary>
    Draft,
    /// <summary>Submit it and record its conference: the unit's own step.</summary>
    Own,
    /// <summary>Accept or return it, and write the concluding document: staff acting for the level directly above the unit.</summary>
    Review,
}

/// <summary>The one access rule of a unit's campaign report.</summary>
public class ReportAccess(AppDbContext db, UserScope scope) : IAccessRule<ReportNeed>
{
    public async Task<Access> ForAsync(int id, ReportNeed need, CancellationToken ct = default)
    {
        var r = await db.CampaignReports.Where(x => x.Id == id).Select(x => new { x.UnitId }).FirstOrDefaultAsync(ct);
        if (r is null || scope.IsMonitoringOnly || !await scope.CanSeeUnitAsync(r.UnitId, null, ct)) return Access.Hidden;
        switch (need)
        {
            case ReportNeed.Read: return Access.Allow;
            case ReportNeed.Draft:
                return Access.When(await scope.CanEditUnitAsync(r.UnitId, ct), "Chỉ bí thư chi bộ hoặc cán bộ cấp ủy của đơn vị mới soạn được báo cáo này.");
            case ReportNeed.Own:
                return Access.When(scope.ActsFor(r.UnitId), "Nộp báo cáo và ghi hội nghị là việc của chính đơn vị báo cáo.");
            case ReportNeed.Review:
                var parent = await db.ParentIdAsync(r.UnitId, scope.Today, ct);
                return Access.When(parent is { } p && scope.ActsFor(p) && scope.IsStaff,
                    "Tiếp nhận hoặc trả lại báo cáo do cấp ủy trực tiếp cấp trên của đơn vị thực hiện.");
            default: return Access.Hidden;
        }
    }
}
