using ChiBo.Data;
using ChiBo.Features.Reminders;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Inspections;

/// <summary>
/// The inspections' share of the due lists: open remedies due within a week or overdue (for the inspected cell and for the
/// inspecting committee), and, for the committee, planned inspections whose month has passed without a conclusion.
/// </summary>
public static class InspectionDues
{
    public static async Task<List<DueItem>> RemediesAsync(AppDbContext db, int? cellId, int? committeeId, DateOnly today, CancellationToken ct = default)
    {
        var soon = today.AddDays(DueList.SoonDays);
        var rows = await db.Remedies.Where(r => r.Status == RemedyStatus.Open && r.DueOn <= soon)
            .Join(db.Inspections, r => r.InspectionId, i => i.Id, (r, i) => new { r.Id, r.Action, r.DueOn, i.CellId, i.UnitId, InspectionId = i.Id })
            .Where(x => (cellId != null && x.CellId == cellId) || (committeeId != null && x.UnitId == committeeId))
            .OrderBy(x => x.DueOn).ToListAsync(ct);
        return rows.Select(x => new DueItem($"remedy:{x.Id}", $"Khắc phục sau kiểm tra: {x.Action} (hạn {x.DueOn.Vn()})", x.DueOn, today >= x.DueOn,
            $"/Inspections/{x.InspectionId}")).ToList();
    }

    public static async Task<List<DueItem>> UnconcludedAsync(AppDbContext db, int committeeId, DateOnly today, CancellationToken ct = default)
    {
        var rows = await db.Inspections.Where(i => i.UnitId == committeeId && i.Status != InspectionStatus.Concluded)
            .Join(db.InspectionPlans.Where(p => p.Year >= today.Year - 1 && p.Year <= today.Year), i => i.PlanId, p => p.Id, (i, p) => new { i.Id, i.CellId, i.PlannedMonth, p.Year })
            .ToListAsync(ct);
        var late = rows.Select(x => (x.Id, x.CellId, End: new DateOnly(x.Year, x.PlannedMonth, 1).AddMonths(1).AddDays(-1))).Where(x => x.End < today).ToList();
        if (late.Count == 0) return [];
        var ids = late.Select(x => x.CellId).Distinct().ToList();
        var names = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return late.Select(x => new DueItem($"inspection:{x.Id}", $"Kiểm tra {names.GetValueOrDefault(x.CellId)} theo kế hoạch tháng {x.End:MM/yyyy} chưa có kết luận",
            x.End, true, $"/Inspections/{x.Id}")).ToList();
    }
}
