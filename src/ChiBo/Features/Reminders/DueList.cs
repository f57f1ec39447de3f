using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Meetings;
using ChiBo.Features.Monitoring;
using ChiBo.Features.Organization;
using ChiBo.Features.Plans;
using ChiBo.Features.Rules;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Reminders;

/// <summary>One thing an account must do: what, by when, whether it is already late, and where to do it.</summary>
public record DueItem(string Key, string Title, DateOnly Due, bool Overdue, string Link);

/// <summary>
/// What is due soon or overdue for an account on a date, from its place in the tree and its roles:
/// a cell's plan, meetings not held and notices not sent; a grassroots committee's schedule for the month and the
/// plans waiting for its review; a monitoring group leader's reports. Computed, never stored: the records are the truth.
/// </summary>
public class DueList(AppDbContext db)
{
    /// <summary>How far ahead "due soon" looks.</summary>
    public const int SoonDays = 7;

    public async Task<List<DueItem>> ForUserAsync(AppUser user, IList<string> roles, DateOnly today, CancellationToken ct = default)
    {
        var items = new List<DueItem>();
        var unit = await db.Units.Include(u => u.UnitType).FirstOrDefaultAsync(u => u.Id == user.UnitId, ct);
        if (unit is null) return items;
        var runsCell = unit.UnitType!.IsCell && (roles.Contains(Roles.CellSecretary) || roles.Contains(Roles.CommitteeStaff) || roles.Contains(Roles.Admin));
        var runsCommittee = unit.UnitType.IsGrassroots && !unit.UnitType.IsCell && (roles.Contains(Roles.CommitteeStaff) || roles.Contains(Roles.Admin));
        if (runsCell) items.AddRange(await CellAsync(unit.Id, today, ct));
        if (runsCommittee) items.AddRange(await CommitteeAsync(unit.Id, today, ct));
        items.AddRange(await GroupLeaderAsync(user.Id, today, ct));
        return items.OrderByDescending(i => i.Overdue).ThenBy(i => i.Due).ToList();
    }

    static DueItem? Deadline(string key, string title, DateOnly due, DateOnly today, string link) =>
        today >= due ? new DueItem(key, title, due, true, link) : today >= due.AddDays(-SoonDays) ? new DueItem(key, title, due, false, link) : null;

    public async Task<List<DueItem>> CellAsync(int cellId, DateOnly today, CancellationToken ct = default)
    {
        var items = new List<DueItem>();
        var rules = await RuleSets.InForceAsync(db, cellId, today, ct);
        // The year's thematic plan, until it is first submitted.
        var planDue = rules.PlanDue(today.Year);
        var submitted = await db.ThematicPlans.AnyAsync(p => p.CellId == cellId && p.Year == today.Year && p.FirstSubmittedAt != null, ct);
        if (!submitted && Deadline($"plan:{cellId}:{today.Year}", $"Gửi kế hoạch sinh hoạt chuyên đề năm {today.Year} (hạn trước {planDue.Vn()})",
                planDue, today, $"/Cells/{cellId}/Plans/{today.Year}") is { } p) items.Add(p);
        var returned = await db.ThematicPlans.AnyAsync(p => p.CellId == cellId && p.Year == today.Year && p.Status == PlanStatus.Returned, ct);
        if (returned) items.Add(new DueItem($"plan-returned:{cellId}:{today.Year}", $"Kế hoạch sinh hoạt chuyên đề năm {today.Year} bị trả lại: sửa và gửi lại", planDue, today >= planDue, $"/Cells/{cellId}/Plans/{today.Year}"));

        var meetings = await db.Meetings.Where(m => m.CellId == cellId && (m.Status == MeetingStatus.Planned || m.Status == MeetingStatus.Notified)
                && m.Date <= today.AddDays(SoonDays + rules.NoticeDays) && m.Date >= today.AddYears(-1))
            .OrderBy(m => m.Date).ToListAsync(ct);
        foreach (var m in meetings)
        {
            if (m.Date < today)
                items.Add(new DueItem($"held:{m.Id}", $"Buổi sinh hoạt ngày {m.Date.Vn()} chưa điểm danh, chưa ghi biên bản", m.Date, true, $"/Meetings/{m.Id}"));
            else if (m.NoticeSentAt is null && Deadline($"notice:{m.Id}", $"Gửi thông báo, tài liệu buổi sinh hoạt ngày {m.Date.Vn()}",
                         m.Date.AddDays(-rules.NoticeDays), today, $"/Meetings/{m.Id}") is { } n) items.Add(n);
        }
        // A month or quarter about to pass without the required meeting.
        foreach (var w in await MeetingWarnings.ForCellAsync(db, cellId, today, ct))
            items.Add(new DueItem($"warn:{cellId}:{today:yyyy-MM}:{(w.StartsWith("Quý") ? "q" : "m")}", w, w.StartsWith("Quý")
                ? new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).AddMonths(3).AddDays(-1)
                : new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1), false, $"/Cells/{cellId}/Meetings"));
        items.AddRange(await Inspections.InspectionDues.RemediesAsync(db, cellId, null, today, ct));
        return items;
    }

    public async Task<List<DueItem>> CommitteeAsync(int committeeId, DateOnly today, CancellationToken ct = default)
    {
        var items = new List<DueItem>();
        var rules = await RuleSets.InForceAsync(db, committeeId, today, ct);
        // This month's schedule until sent; from the last week of the month, next month's too.
        var months = new List<DateOnly> { new(today.Year, today.Month, 1) };
        if (new DateOnly(today.Year, today.Month, 1).AddMonths(1).DayNumber - today.DayNumber <= SoonDays) months.Add(months[0].AddMonths(1));
        foreach (var first in months)
        {
            var sent = await db.MonthlySchedules.AnyAsync(s => s.CommitteeId == committeeId && s.Year == first.Year && s.Month == first.Month, ct);
            var due = rules.ScheduleDue(first.Year, first.Month);
            if (!sent && Deadline($"schedule:{committeeId}:{first:yyyy-MM}", $"Gửi lịch sinh hoạt chi bộ tháng {first:MM/yyyy} cho tổ theo dõi (hạn trước {due.Vn()})",
                    due, today, $"/Units/{committeeId}/Schedule?year={first.Year}&month={first.Month}") is { } s) items.Add(s);
        }
        var waiting = await db.ThematicPlans.Where(p => p.ReviewerUnitId == committeeId && p.Status == PlanStatus.Submitted).CountAsync(ct);
        if (waiting > 0)
            items.Add(new DueItem($"review:{committeeId}:{today.Year}", $"{waiting} kế hoạch sinh hoạt chuyên đề chờ phê duyệt", today, false, $"/Units/{committeeId}/Plans?year={today.Year}"));
        items.AddRange(await Inspections.InspectionDues.RemediesAsync(db, null, committeeId, today, ct));
        items.AddRange(await Inspections.InspectionDues.UnconcludedAsync(db, committeeId, today, ct));
        return items;
    }

    public async Task<List<DueItem>> GroupLeaderAsync(string userId, DateOnly today, CancellationToken ct = default)
    {
        var items = new List<DueItem>();
        var groups = await db.MonitoringGroups.Where(g => g.LeaderUserId == userId && (g.To == null || g.To > today)).ToListAsync(ct);
        foreach (var g in groups)
        {
            var rules = await RuleSets.InForceAsync(db, g.OwnerUnitId, today, ct);
            foreach (var (period, due, label) in new[] { (ReportPeriod.HalfYear, rules.HalfYearReportDue(today.Year), "6 tháng"), (ReportPeriod.Year, rules.YearReportDue(today.Year), "năm") })
            {
                var done = await db.GroupReports.AnyAsync(r => r.GroupId == g.Id && r.Year == today.Year && r.Period == period && r.Status == ReportStatus.Submitted, ct);
                var start = period == ReportPeriod.HalfYear ? new DateOnly(today.Year, 1, 1) : new DateOnly(today.Year, 7, 1);
                if (!done && today >= start && Deadline($"report:{g.Id}:{today.Year}:{period}", $"{g.Name}: báo cáo {label} {today.Year} (hạn trước {due.Vn()})",
                        due, today, $"/Monitoring/Reports/{g.Id}/{today.Year}/{period}") is { } r) items.Add(r);
            }
        }
        return items;
    }
}
