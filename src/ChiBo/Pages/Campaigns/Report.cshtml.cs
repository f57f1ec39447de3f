using System.Security.Claims;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Campaigns;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Campaigns;

/// <summary>One unit's report: sections along the outline with their figures, members' comments and answers, conference, submission and review.</summary>
[Require<ReportAccess, ReportNeed>(ReportNeed.Read, "rid")]
public class ReportModel(AppDbContext db, UserScope scope, ReportAccess access, CampaignService campaigns) : PageModel
{
    public CampaignsApi.ReportDto R { get; private set; } = null!;
    /// <summary>Write the text, refresh, compile, answer comments: the unit's drafters, while the report is open.</summary>
    public bool CanEdit { get; private set; }
    /// <summary>Submit and record the conference: the unit's own accounts.</summary>
    public bool CanSubmit { get; private set; }
    public bool CanReview { get; private set; }
    public bool HoldsConference { get; private set; }
    public bool HasLevelBelow { get; private set; }
    public bool CanConclude { get; private set; }
    /// <summary>For a compiling level: the accepted reports of the level below, section by section, side by side.</summary>
    public Dictionary<int, List<(string Unit, string? Text)>> Children { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    async Task LoadAsync(int rid)
    {
        R = (await CampaignsApi.LoadAsync(db, rid))!;
        var open = R.Status is ReportStatus.Draft or ReportStatus.Returned;
        var own = (await access.ForAsync(rid, ReportNeed.Own)).Allowed;
        CanEdit = open && (await access.ForAsync(rid, ReportNeed.Draft)).Allowed;
        CanSubmit = open && own;
        CanReview = R.Status == ReportStatus.Submitted && (await access.ForAsync(rid, ReportNeed.Review)).Allowed;
        CanConclude = own;
        var report = await db.CampaignReports.Where(r => r.Id == rid).Select(r => new { r.LevelId, r.CampaignId }).FirstAsync();
        var level = report.LevelId is null ? null : await db.CampaignLevels.FirstAsync(l => l.Id == report.LevelId);
        // The organizing committee's own report (no level) holds the final conference and compiles the top level.
        HoldsConference = level?.HoldsConference ?? true;
        HasLevelBelow = await db.CampaignLevels.AnyAsync(l => l.CampaignId == report.CampaignId && l.Order < (level == null ? int.MaxValue : level.Order));
        if (HasLevelBelow && CanEdit)
        {
            var entity = await db.CampaignReports.AsNoTracking().FirstAsync(x => x.Id == rid);
            var children = await campaigns.ChildReportsAsync(entity);
            var ids = children.Select(c => c.UnitId).ToList();
            var names = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
            Children = children.SelectMany(c => c.Sections.Where(x => x.Text != null).Select(x => (x.SectionId, Unit: names[c.UnitId], x.Text)))
                .GroupBy(x => x.SectionId).ToDictionary(g => g.Key, g => g.Select(x => (x.Unit, x.Text)).ToList());
        }
    }

    public async Task<IActionResult> OnGetAsync(int rid, string? done)
    {
        Done = done;
        await LoadAsync(rid);
        return Page();
    }

    async Task<IActionResult> StepAsync<T>(int rid, Func<Task<Outcome<T>>> step, string done)
    {
        var r = await step();
        if (r.Ok) return Redirect($"/CampaignReports/{rid}?done={Uri.EscapeDataString(done)}");
        Error = r.Error;
        db.ChangeTracker.Clear();
        await LoadAsync(rid);
        return Page();
    }

    [Require<ReportAccess, ReportNeed>(ReportNeed.Draft, "rid")]
    public Task<IActionResult> OnPostSaveAsync(int rid, int version, Dictionary<int, string?> text) =>
        StepAsync(rid, () => campaigns.SaveAsync(rid, version, text.Select(t => new SectionText(t.Key, t.Value)).ToList()), "Đã lưu báo cáo.");

    [Require<ReportAccess, ReportNeed>(ReportNeed.Draft, "rid")]
    public Task<IActionResult> OnPostRefreshAsync(int rid, int version) =>
        StepAsync(rid, () => campaigns.RefreshFiguresAsync(rid, version), "Đã tính lại số liệu.");

    [Require<ReportAccess, ReportNeed>(ReportNeed.Draft, "rid")]
    public Task<IActionResult> OnPostCompileAsync(int rid, int version) =>
        StepAsync(rid, () => campaigns.CompileAsync(rid, version), "Đã tổng hợp từ báo cáo cấp dưới.");

    public Task<IActionResult> OnPostCommentAsync(int rid, int? sectionId, string? comment) =>
        StepAsync(rid, () => campaigns.CommentAsync(rid, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            User.FindFirstValue("chibo:fullname") ?? scope.Name, sectionId, comment ?? ""), "Đã gửi ý kiến góp ý.");

    [Require<ReportAccess, ReportNeed>(ReportNeed.Draft, "rid")]
    public Task<IActionResult> OnPostAnswerAsync(int rid, int commentId, string? answer) =>
        StepAsync(rid, () => campaigns.AnswerAsync(rid, commentId, answer ?? ""), "Đã ghi tiếp thu, giải trình.");

    [Require<ReportAccess, ReportNeed>(ReportNeed.Own, "rid")]
    public Task<IActionResult> OnPostConferenceAsync(int rid, int version, string? date, string? attendees, string? discussion, string? conclusion) =>
        StepAsync(rid, () => Dates.TryParseVn(date, out var d)
            ? campaigns.ConferenceAsync(rid, new CampaignService.ConferenceInput(version, d, attendees, discussion, conclusion))
            : Task.FromResult(Outcome<CampaignReport>.Fail("date", "Ngày hội nghị không hợp lệ (dd/MM/yyyy).")), "Đã ghi hội nghị.");

    [Require<ReportAccess, ReportNeed>(ReportNeed.Own, "rid")]
    public Task<IActionResult> OnPostConclusionAsync(int rid, int version) =>
        StepAsync(rid, () => campaigns.DraftConclusionAsync(rid, version), "Đã dự thảo kết luận.");

    [Require<ReportAccess, ReportNeed>(ReportNeed.Own, "rid")]
    public Task<IActionResult> OnPostConclusionSaveAsync(int rid, int version, string? conclusionText) =>
        StepAsync(rid, () => campaigns.EditConclusionAsync(rid, version, conclusionText ?? ""), "Đã lưu kết luận.");

    [Require<ReportAccess, ReportNeed>(ReportNeed.Own, "rid")]
    public Task<IActionResult> OnPostSubmitAsync(int rid, int version) =>
        StepAsync(rid, () => campaigns.SubmitAsync(rid, version), "Đã gửi báo cáo lên cấp trên.");

    [Require<ReportAccess, ReportNeed>(ReportNeed.Review, "rid")]
    public Task<IActionResult> OnPostReviewAsync(int rid, int version, bool accept, string? reviewComment) =>
        StepAsync(rid, () => campaigns.ReviewAsync(rid, accept, reviewComment, version), accept ? "Đã tiếp nhận báo cáo." : "Đã trả lại báo cáo.");
}
