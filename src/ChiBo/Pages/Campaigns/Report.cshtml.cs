using System.Security.Claims;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Campaigns;
using ChiBo.Features.Meetings;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Campaigns;

/// <summary>One unit's report: sections along the outline with their figures, members' comments and answers, conference, submission and review.</summary>
[Require<ReportAccess, ReportNeed>(ReportNeed.Read, "rid")]
public class ReportModel(AppDbContext db, UserScope scope, CampaignService campaigns) : PageModel
{
    public CampaignsApi.ReportDto R { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanReview { get; private set; }
    public bool HoldsConference { get; private set; }
    public bool HasLevelBelow { get; private set; }
    public bool CanConclude { get; private set; }
    /// <summary>For a compiling level: the accepted reports of the level below, section by section, side by side.</summary>
    public Dictionary<int, List<(string Unit, string? Text)>> Children { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    async Task<IActionResult?> LoadAsync(int rid)
    {
        var unit = await db.CampaignReports.Where(r => r.Id == rid).Select(r => (int?)r.UnitId).FirstOrDefaultAsync();
        if (unit is null) return NotFound();
        if (!await scope.CanSeeUnitAsync(unit.Value)) return Forbid();
        R = (await CampaignsApi.LoadAsync(db, rid))!;
        var open = R.Status is ReportStatus.Draft or ReportStatus.Returned;
        CanEdit = open && await scope.CanRunAsync(unit.Value);
        CanReview = R.Status == ReportStatus.Submitted && scope.IsStaff && scope.RootUnitId != unit.Value;
        var report = await db.CampaignReports.Where(r => r.Id == rid).Select(r => new { r.LevelId, r.CampaignId }).FirstAsync();
        var level = report.LevelId is null ? null : await db.CampaignLevels.FirstAsync(l => l.Id == report.LevelId);
        // The organizing committee's own report (no level) holds the final conference and compiles the top level.
        HoldsConference = level?.HoldsConference ?? true;
        HasLevelBelow = await db.CampaignLevels.AnyAsync(l => l.CampaignId == report.CampaignId && l.Order < (level == null ? int.MaxValue : level.Order));
        CanConclude = await scope.CanRunAsync(unit.Value);
        if (HasLevelBelow && CanEdit)
        {
            var entity = await db.CampaignReports.AsNoTracking().FirstAsync(x => x.Id == rid);
            var children = await campaigns.ChildReportsAsync(entity);
            var ids = children.Select(c => c.UnitId).ToList();
            var names = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
            Children = children.SelectMany(c => c.Sections.Where(x => x.Text != null).Select(x => (x.SectionId, Unit: names[c.UnitId], x.Text)))
                .GroupBy(x => x.SectionId).ToDictionary(g => g.Key, g => g.Select(x => (x.Unit, x.Text)).ToList());
        }
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int rid, string? done)
    {
        Done = done;
        return await LoadAsync(rid) ?? Page();
    }

    async Task<IActionResult> StepAsync<T>(int rid, Func<bool> allowed, Func<Task<Outcome<T>>> step, string done)
    {
        if (await LoadAsync(rid) is { } refused) return refused;
        if (!allowed()) return Forbid();
        var r = await step();
        if (r.Ok) return Redirect($"/CampaignReports/{rid}?done={Uri.EscapeDataString(done)}");
        Error = r.Error;
        db.ChangeTracker.Clear();
        await LoadAsync(rid);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int rid, int version, Dictionary<int, string?> text) =>
        StepAsync(rid, () => CanEdit, () => campaigns.SaveAsync(rid, version, text.Select(t => new SectionText(t.Key, t.Value)).ToList()), "Đã lưu báo cáo.");

    public Task<IActionResult> OnPostRefreshAsync(int rid, int version) =>
        StepAsync(rid, () => CanEdit, () => campaigns.RefreshFiguresAsync(rid, version), "Đã tính lại số liệu.");

    public Task<IActionResult> OnPostCompileAsync(int rid, int version) =>
        StepAsync(rid, () => CanEdit, () => campaigns.CompileAsync(rid, version), "Đã tổng hợp từ báo cáo cấp dưới.");

    public Task<IActionResult> OnPostCommentAsync(int rid, int? sectionId, string? comment) =>
        StepAsync(rid, () => true, () => campaigns.CommentAsync(rid, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            User.FindFirstValue("chibo:fullname") ?? scope.Name, sectionId, comment ?? ""), "Đã gửi ý kiến góp ý.");

    public Task<IActionResult> OnPostAnswerAsync(int rid, int commentId, string? answer) =>
        StepAsync(rid, () => CanEdit, () => campaigns.AnswerAsync(rid, commentId, answer ?? ""), "Đã ghi tiếp thu, giải trình.");

    public Task<IActionResult> OnPostConferenceAsync(int rid, int version, string? date, string? attendees, string? discussion, string? conclusion) =>
        StepAsync(rid, () => CanEdit, () => Dates.TryParseVn(date, out var d)
            ? campaigns.ConferenceAsync(rid, new CampaignService.ConferenceInput(version, d, attendees, discussion, conclusion))
            : Task.FromResult(Outcome<CampaignReport>.Fail("date", "Ngày hội nghị không hợp lệ (dd/MM/yyyy).")), "Đã ghi hội nghị.");

    public Task<IActionResult> OnPostConclusionAsync(int rid, int version) =>
        StepAsync(rid, () => CanConclude, () => campaigns.DraftConclusionAsync(rid, version), "Đã dự thảo kết luận.");

    public Task<IActionResult> OnPostConclusionSaveAsync(int rid, int version, string? conclusionText) =>
        StepAsync(rid, () => CanConclude, () => campaigns.EditConclusionAsync(rid, version, conclusionText ?? ""), "Đã lưu kết luận.");

    public Task<IActionResult> OnPostSubmitAsync(int rid, int version) =>
        StepAsync(rid, () => CanEdit, () => campaigns.SubmitAsync(rid, version), "Đã gửi báo cáo lên cấp trên.");

    public Task<IActionResult> OnPostReviewAsync(int rid, int version, bool accept, string? reviewComment) =>
        StepAsync(rid, () => CanReview, () => campaigns.ReviewAsync(rid, accept, reviewComment, version), accept ? "Đã tiếp nhận báo cáo." : "Đã trả lại báo cáo.");
}
