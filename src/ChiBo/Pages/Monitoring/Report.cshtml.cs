using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Monitoring;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Monitoring;

/// <summary>The group's six-month or annual report: drafted from the records, edited by the leader, submitted.</summary>
[AnyAccount("transitional: the handlers check the group")]
public class ReportModel(AppDbContext db, UserScope scope, GroupReportService reports) : PageModel
{
    public MonitoringGroup Group { get; private set; } = null!;
    public MonitoringApi.Access Access { get; private set; } = null!;
    public GroupReport? Report { get; private set; }
    public int Year { get; private set; }
    public ReportPeriod Period { get; private set; }
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    async Task<IActionResult?> LoadAsync(int groupId, int year, ReportPeriod period)
    {
        var g = await db.MonitoringGroups.FirstOrDefaultAsync(x => x.Id == groupId);
        if (g is null) return NotFound();
        Group = g; Year = year; Period = period;
        Access = await MonitoringApi.AccessAsync(g, scope, User, db);
        if (!Access.Read) return Forbid();
        Report = await db.GroupReports.AsNoTracking().FirstOrDefaultAsync(r => r.GroupId == groupId && r.Year == year && r.Period == period);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int groupId, int year, ReportPeriod period, string? done)
    {
        Done = done;
        return await LoadAsync(groupId, year, period) ?? Page();
    }

    async Task<IActionResult> StepAsync(int groupId, int year, ReportPeriod period, Func<Task<Outcome<GroupReport>>> step, string done)
    {
        if (await LoadAsync(groupId, year, period) is { } refused) return refused;
        if (!Access.Leader) return Forbid();
        var r = await step();
        if (r.Ok) return Redirect($"/Monitoring/Reports/{groupId}/{year}/{period}?done={Uri.EscapeDataString(done)}");
        Error = r.Error;
        db.ChangeTracker.Clear();
        await LoadAsync(groupId, year, period);
        return Page();
    }

    public Task<IActionResult> OnPostDraftAsync(int groupId, int year, ReportPeriod period, int? version) =>
        StepAsync(groupId, year, period, () => reports.DraftAsync(groupId, year, period, version), "Đã soạn dự thảo từ số liệu.");

    public Task<IActionResult> OnPostSaveAsync(int groupId, int year, ReportPeriod period, int version, string body) =>
        StepAsync(groupId, year, period, () => reports.EditAsync(Report?.Id ?? 0, body, version), "Đã lưu báo cáo.");

    public Task<IActionResult> OnPostSubmitAsync(int groupId, int year, ReportPeriod period, int version) =>
        StepAsync(groupId, year, period, () => reports.SubmitAsync(Report?.Id ?? 0, version), "Đã gửi báo cáo.");
}
