using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Plans;

public enum PlanNeed
{
    /// <summary>The plan, its history and its practice: whoever sees the cell.</summary>
    Read,
    /// <summary>Approve or return it: committee staff acting for the committee the plan goes to (its reviewer unit).</summary>
    Review,
}

/// <summary>
/// The access rule of a cell's annual thematic plan by its id. Drafting and submitting are addressed through the cell
/// (<c>units/{cellId}/plans/{year}</c>: UnitNeed.Run drafts, UnitNeed.Own submits); the review is the level above's step.
/// </summary>
public class PlanAccess(AppDbContext db, UserScope scope) : IAccessRule<PlanNeed>
{
    public async Task<Access> ForAsync(int id, PlanNeed need, CancellationToken ct = default)
    {
        var p = await db.ThematicPlans.Where(x => x.Id == id).Select(x => new { x.CellId, x.ReviewerUnitId }).FirstOrDefaultAsync(ct);
        if (p is null || !await scope.CanSeeUnitAsync(p.CellId, null, ct)) return Access.Hidden;
        return need switch
        {
            PlanNeed.Read => Access.Allow,
            PlanNeed.Review => Access.When(scope.ActsFor(p.ReviewerUnitId) && scope.IsInRole(Roles.CommitteeStaff),
                "Phê duyệt hoặc trả lại kế hoạch do cán bộ của cấp ủy duyệt kế hoạch (cấp ủy trực tiếp cấp trên của chi bộ) thực hiện."),
            _ => Access.Hidden,
        };
    }
}
