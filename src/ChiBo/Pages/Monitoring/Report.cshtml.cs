using ChiBo.Data;
using ChiBo.Features.Monitoring;
using ChiBo.Features.Plans;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Monitoring;

/// <summary>The group's six-month or annual report: drafted from the records, edited by the leader, submitted.</summary>
[Require<GroupAccess, GroupNeed>(GroupNeed.Read, "groupId")]
public class ReportModel(AppDbContext db, GroupAccess access, GroupReportService reports) : PageModel
{
    public MonitoringGroup Group { get; private set; } = null!;
    public GroupRights Rights { get; private set; } = null!;
    public GroupReport? Report { get; private set; }
    public int Year { get; private set; }
    public ReportPeriod Period { get; private set; }
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    async Task LoadAsync(int groupId, int year)
    {
        Year = PageInput.Year(year);
        // The address names the period: "HalfYear" or "Year" (a number or another word is not a period).
        var raw = RouteData.Values["period"]?.ToString();
        Period = Enum.TryParse<ReportPeriod>(raw, ignoreCase: true, out var p) && Enum.IsDefined(p) && !int.TryParse(raw, out _)
            ? p : throw new RefusedException("period", "Kỳ báo cáo là HalfYear (6 tháng đầu năm) hoặc Year (cả năm).");
        Group = await db.MonitoringGroups.FirstAsync(x => x.Id == groupId);
        Rights = await access.RightsAsync(groupId);
        Report = await db.GroupReports.AsNoTracking().FirstOrDefaultAsync(r => r.GroupId == groupId && r.Year == Year && r.Period == Period);
    }

    public async Task<IActionResult> OnGetAsync([FromRoute] int groupId, [FromRoute] int year, string? done)
    {
        Done = done;
        await LoadAsync(groupId, year);
        return Page();
    }

    async Task<IActionResult> StepAsync(int groupId, int year, Func<Task<Outcome<GroupReport>>> step, string done)
    {
        await LoadAsync(groupId, year);
        var r = await step();
        if (r.Ok) return Redirect($"/Monitoring/Reports/{groupId}/{Year}/{Period}?done={Uri.EscapeDataString(done)}");
        Error = r.Error;
        db.ChangeTracker.Clear();
        await LoadAsync(groupId, year);
        return Page();
    }

    Task<Outcome<GroupReport>> OnReport(Func<GroupReport, Task<Outcome<GroupReport>>> step) =>
        Report is { } r ? step(r) : Task.FromResult(Outcome<GroupReport>.Fail("report", "Chưa có dự thảo báo cáo: hãy soạn dự thảo từ số liệu trước."));

    [Require<GroupAccess, GroupNeed>(GroupNeed.Report, "groupId")]
    public Task<IActionResult> OnPostDraftAsync([FromRoute] int groupId, [FromRoute] int year, int? version) =>
        StepAsync(groupId, year, () => reports.DraftAsync(groupId, Year, Period, version), "Đã soạn dự thảo từ số liệu.");

    [Require<GroupAccess, GroupNeed>(GroupNeed.Report, "groupId")]
    public Task<IActionResult> OnPostSaveAsync([FromRoute] int groupId, [FromRoute] int year, int? version, string? body) =>
        StepAsync(groupId, year, () => OnReport(r => reports.EditAsync(r.Id, body ?? "", PageInput.Version(version))), "Đã lưu báo cáo.");

    [Require<GroupAccess, GroupNeed>(GroupNeed.Report, "groupId")]
    public Task<IActionResult> OnPostSubmitAsync([FromRoute] int groupId, [FromRoute] int year, int? version) =>
        StepAsync(groupId, year, () => OnReport(r => reports.SubmitAsync(r.Id, PageInput.Version(version))), "Đã gửi báo cáo.");
}
