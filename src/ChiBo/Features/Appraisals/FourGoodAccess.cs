using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Appraisals;

public enum FourGoodNeed
{
    /// <summary>The cell's "4 tốt" record: whoever sees the cell.</summary>
    Read,
    /// <summary>The cell reports the four with their evidence: its own step (its secretary).</summary>
    Record,
    /// <summary>Recognition: committee staff acting for the level directly above the cell.</summary>
    Recognize,
}

/// <summary>
/// The access rule of a cell's "Chi bộ 4 tốt" (by cell id). The level above is the cell's parent today (or on its
/// last day, for a cell that has ended): the committee that now holds the cell also holds its past years.
/// </summary>
public class FourGoodAccess(AppDbContext db, UserScope scope) : IAccessRule<FourGoodNeed>
{
    public async Task<Access> ForAsync(int id, FourGoodNeed need, CancellationToken ct = default)
    {
        var unit = await db.Units.Where(u => u.Id == id).Select(u => new { u.EffectiveTo }).FirstOrDefaultAsync(ct);
        if (unit is null || !await scope.CanSeeUnitAsync(id, null, ct)) return Access.Hidden;
        switch (need)
        {
            case FourGoodNeed.Read: return Access.Allow;
            case FourGoodNeed.Record:
                return Access.When(scope.ActsFor(id), "Báo cáo “Chi bộ 4 tốt” là việc của chính chi bộ (bí thư chi bộ), không do cấp trên làm thay.");
            case FourGoodNeed.Recognize:
                var day = unit.EffectiveTo is { } end && end <= scope.Today ? end.AddDays(-1) : scope.Today;
                var parent = await db.ParentIdAsync(id, day, ct);
                return Access.When(parent is { } p && scope.ActsFor(p) && scope.IsInRole(Roles.CommitteeStaff),
                    "Công nhận “Chi bộ 4 tốt” do cán bộ của cấp ủy trực tiếp cấp trên của chi bộ thực hiện.");
            default: return Access.Hidden;
        }
    }
}
