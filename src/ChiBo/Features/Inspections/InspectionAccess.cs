using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Inspections;

public enum InspectionNeed
{
    /// <summary>Read: accounts that see the inspected cell (its members, monitoring members covering it, staff above) or the inspecting committee.</summary>
    Read,
    /// <summary>Plan, start, record findings, conclude: the inspecting committee's own step (its staff; the commission works under it).</summary>
    Inspect,
    /// <summary>Answer with remedies and mark them done: the inspected cell's own step (its secretary).</summary>
    Answer,
}

/// <summary>
/// Who inspects and who answers, one rule for plans, inspections and remedies: the committee (or its inspection
/// commission) plans and concludes, the inspected cell answers. Neither takes the other's step, a level above the
/// committee does not plan for it, and a system administrator does neither (it keeps the data, not the party's work).
/// </summary>
public static class InspectionRules
{
    public const string NotTheInspector = "Kiểm tra, giám sát do chính cấp ủy (hoặc Ủy ban Kiểm tra của cấp ủy) tiến hành: chỉ cán bộ của cấp ủy đó thực hiện.";
    public const string NotTheCell = "Biện pháp khắc phục do chính chi bộ được kiểm tra đề ra và báo cáo: chỉ bí thư chi bộ đó thực hiện.";

    public static bool CanInspect(this UserScope scope, int inspectingUnitId) => scope.ActsFor(inspectingUnitId) && scope.IsInRole(Roles.CommitteeStaff);
    public static bool CanAnswer(this UserScope scope, int cellId) => scope.ActsFor(cellId);

    public static async Task<Access> DecideAsync(this UserScope scope, int unitId, int cellId, InspectionNeed need, CancellationToken ct)
    {
        if (!await scope.CanSeeUnitAsync(cellId, null, ct) && !await scope.CanSeeUnitAsync(unitId, null, ct)) return Access.Hidden;
        return need switch
        {
            InspectionNeed.Read => Access.Allow,
            InspectionNeed.Inspect => Access.When(scope.CanInspect(unitId), NotTheInspector),
            InspectionNeed.Answer => Access.When(scope.CanAnswer(cellId), NotTheCell),
            _ => Access.Hidden,
        };
    }
}

/// <summary>A committee's year plan (kế hoạch kiểm tra, giám sát): read by whoever sees the committee, kept by its own staff.</summary>
public class InspectionPlanAccess(AppDbContext db, UserScope scope) : IAccessRule<InspectionNeed>
{
    public async Task<Access> ForAsync(int id, InspectionNeed need, CancellationToken ct = default)
    {
        var unitId = await db.InspectionPlans.Where(p => p.Id == id).Select(p => (int?)p.UnitId).FirstOrDefaultAsync(ct);
        if (unitId is not { } u || !await scope.CanSeeUnitAsync(u, null, ct)) return Access.Hidden;
        return need == InspectionNeed.Read ? Access.Allow : Access.When(scope.CanInspect(u), InspectionRules.NotTheInspector);
    }
}

/// <summary>One inspection of a cell and everything recorded in it.</summary>
public class InspectionAccess(AppDbContext db, UserScope scope) : IAccessRule<InspectionNeed>
{
    public async Task<Access> ForAsync(int id, InspectionNeed need, CancellationToken ct = default)
    {
        var i = await db.Inspections.Where(x => x.Id == id).Select(x => new { x.UnitId, x.CellId }).FirstOrDefaultAsync(ct);
        return i is null ? Access.Hidden : await scope.DecideAsync(i.UnitId, i.CellId, need, ct);
    }
}

/// <summary>A remedy, judged by its inspection.</summary>
public class RemedyAccess(AppDbContext db, UserScope scope) : IAccessRule<InspectionNeed>
{
    public async Task<Access> ForAsync(int id, InspectionNeed need, CancellationToken ct = default)
    {
        var i = await (from r in db.Remedies
                       where r.Id == id
                       join x in db.Inspections on r.InspectionId equals x.Id
                       select new { x.UnitId, x.CellId }).FirstOrDefaultAsync(ct);
        return i is null ? Access.Hidden : await scope.DecideAsync(i.UnitId, i.CellId, need, ct);
    }
}
