using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Meetings;
using ChiBo.Features.Members;
using ChiBo.Features.Shared;
using ChiBo.Features.Topics;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Meetings;

/// <summary>
/// One meeting from plan to confirmed rating. Every form posts to a handler that calls the same service as the
/// API, carries the version it was drawn from, and comes back to the section it was sent from.
/// </summary>
[Require<MeetingAccess, MeetingNeed>(MeetingNeed.Read)]
public class DetailsModel(AppDbContext db, UserScope scope, MeetingAccess access, MeetingService meetings, MinutesService minutes, RatingService ratings,
    ChiBo.Features.Monitoring.MonitoringService monitoring) : PageModel
{
    /// <summary>The signed-in account belongs to a monitoring group covering this cell (or was assigned): it may record a visit.</summary>
    public bool CanVisit { get; private set; }
    public ChiBo.Features.Monitoring.Visit? MyVisit { get; private set; }
    public MeetingDto M { get; private set; } = null!;
    public List<RollEntry> RollOnDate { get; private set; } = [];
    public List<Topic> Topics { get; private set; } = [];
    public RatingSheet? Sheet { get; private set; }
    public bool CanRun { get; private set; }
    public bool CanConfirm { get; private set; }
    /// <summary>The cell's own steps on the rating (proposal, vote): its secretary.</summary>
    public bool CanCellStep { get; private set; }
    public bool MemberOnly => scope.IsMemberOnly();
    public int? MyMemberId => scope.MemberId;
    public DateOnly Today => scope.Today;
    public string? Error { get; private set; }
    public string? Done { get; private set; }
    public string? Section { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? done)
    {
        Done = done;
        await LoadAsync(id);
        return Page();
    }

    async Task LoadAsync(int id)
    {
        M = (await MeetingQueries.LoadAsync(db, scope, id))!;
        CanRun = (await access.ForAsync(id, MeetingNeed.Run)).Allowed;
        CanConfirm = (await access.ForAsync(id, MeetingNeed.Confirm)).Allowed;
        CanCellStep = (await access.ForAsync(id, MeetingNeed.CellStep)).Allowed;
        if (CanRun) RollOnDate = await Roll.OnAsync(db, M.CellId, M.Date);
        Topics = await db.Topics.Where(t => t.Active).OrderBy(t => t.Order).ToListAsync();
        var me = User.FindFirstValue(System.Security.Claims.ClaimTypes.NameIdentifier) ?? "";
        var assignment = await db.VisitAssignments.Include(a => a.Visit).FirstOrDefaultAsync(a => a.MeetingId == id && a.UserId == me);
        MyVisit = assignment?.Visit;
        if (assignment is not null) CanVisit = true;
        else
            foreach (var g in await db.MonitoringGroupMembers.Where(x => x.UserId == me).Select(x => x.GroupId).ToListAsync())
                if (await monitoring.CoversAsync(g, M.CellId, M.Date)) { CanVisit = true; break; }
        if (CanCellStep && M.Status == MeetingStatus.Adopted && M.Rating?.Status != RatingStatus.Confirmed)
            Sheet = await ratings.SheetAsync(await ratings.LoadAsync(id), M.Rating?.Scores.Where(s => !s.Automatic).ToDictionary(s => s.Code, s => s.Points));
    }

    /// <summary>Runs one step; on success back to the page (PRG), on failure the page again with the message beside the section.</summary>
    async Task<IActionResult> StepAsync(int id, string section, Func<Task<(bool Ok, string? Error)>> step, string done)
    {
        var (ok, error) = await step();
        if (ok) return Redirect($"/Meetings/{id}?done={Uri.EscapeDataString(done)}#{section}");
        db.ChangeTracker.Clear();
        Error = error;
        Section = section;
        await LoadAsync(id);
        return Page();
    }

    static (bool, string?) R<T>(Outcome<T> o) => (o.Ok, o.Error);

    // Preparation
    [Require<MeetingAccess, MeetingNeed>(MeetingNeed.Run)]
    public Task<IActionResult> OnPostPlanAsync(int id, int version, string? date, string? time, string? place, string? title, int? topicId,
        int? contentPreparerId, int? resolutionDrafterId, int? paperDrafterId, string? agenda, MeetingKind kind) =>
        StepAsync(id, "chuan-bi", async () =>
        {
            if (!Dates.TryParseVn(date, out var d)) return (false, "Ngày họp không hợp lệ (dd/MM/yyyy).");
            if (!TimeOnly.TryParse(time, out var t)) return (false, "Giờ họp không hợp lệ (HH:mm).");
            var lines = (agenda ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l =>
                l.StartsWith("Mở đầu:") ? new MeetingService.AgendaLine(AgendaSection.Opening, l["Mở đầu:".Length..].Trim())
                : l.StartsWith("Kết thúc:") ? new MeetingService.AgendaLine(AgendaSection.Closing, l["Kết thúc:".Length..].Trim())
                : new MeetingService.AgendaLine(AgendaSection.Content, l, topicId)).ToList();
            return R(await meetings.UpdatePlanAsync(id, new MeetingService.PlanRequest(kind, d, t, place ?? "", title ?? "", topicId, contentPreparerId,
                resolutionDrafterId, paperDrafterId, lines.Count > 0 ? lines : null), version));
        }, "Đã lưu kế hoạch.");

    [Require<MeetingAccess, MeetingNeed>(MeetingNeed.Run)]
    public Task<IActionResult> OnPostNoticeAsync(int id) => StepAsync(id, "chuan-bi", async () =>
    {
        var r = await meetings.SendNoticeAsync(id);
        return (r.Ok, r.Error);
    }, "Đã gửi thông báo.");

    [Require<MeetingAccess, MeetingNeed>(MeetingNeed.Run)]
    public Task<IActionResult> OnPostUploadAsync(int id, DocumentKind docKind, IFormFile? file) => StepAsync(id, "chuan-bi", async () =>
    {
        if (file is null) return (false, "Chọn tệp để tải lên.");
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms);
        return R(await meetings.AddDocumentAsync(id, docKind, file.FileName, file.ContentType, ms.ToArray()));
    }, "Đã đính kèm tài liệu.");

    [Require<MeetingAccess, MeetingNeed>(MeetingNeed.Read)]
    public Task<IActionResult> OnPostAbsenceAsync(int id, AbsenceReason reason, string? reasonText) => StepAsync(id, "bao-vang", async () =>
        scope.MemberId is { } me ? R(await meetings.AnnounceAbsenceAsync(id, me, reason, reasonText, scope.Today)) : (false, "Tài khoản không gắn với đảng viên."),
        "Đã báo vắng.");

    // Attendance: one status (and reason) per member on the roll.
    [Require<MeetingAccess, MeetingNeed>(MeetingNeed.Run)]
    public Task<IActionResult> OnPostAttendanceAsync(int id, int version, Dictionary<int, AttendanceStatus>? status,
        Dictionary<int, AbsenceReason?> reason, Dictionary<int, string?> reasonText, Dictionary<int, string?> note) =>
        StepAsync(id, "diem-danh", async () => R(await meetings.RecordAttendanceAsync(id, version,
            (status ?? []).Select(s => new MeetingService.AttendanceEntry(s.Key, s.Value, reason.GetValueOrDefault(s.Key), reasonText.GetValueOrDefault(s.Key), note.GetValueOrDefault(s.Key))).ToList(),
            scope.Today)), "Đã lưu điểm danh.");

    // Minutes
    [Require<MeetingAccess, MeetingNeed>(MeetingNeed.Run)]
    public Task<IActionResult> OnPostMinutesAsync(int id, int version, string? startedAt, string? endedAt, int? chairId, int? minutesSecretaryId,
        string? guests, string? resolution, Dictionary<int, string?> conclusion) => StepAsync(id, "bien-ban", async () =>
    {
        TimeOnly? Parse(string? s) => TimeOnly.TryParse(s, out var t) ? t : null;
        if (!string.IsNullOrWhiteSpace(startedAt) && Parse(startedAt) is null || !string.IsNullOrWhiteSpace(endedAt) && Parse(endedAt) is null)
            return (false, "Giờ bắt đầu, kết thúc ghi dạng HH:mm.");
        var current = (await MeetingQueries.LoadAsync(db, scope, id))!;
        if (current.Minutes is null) return (false, "Buổi sinh hoạt chưa điểm danh nên chưa ghi biên bản.");
        var agenda = current.Minutes.Agenda.Select(a => new MinutesService.AgendaInput(a.Id, a.Section, a.Title, a.TopicId,
            conclusion.TryGetValue(a.Id, out var c) ? c : a.Conclusion, null)).ToList();
        return R(await minutes.SaveAsync(id, new MinutesService.MinutesInput(version, Parse(startedAt), Parse(endedAt), chairId, minutesSecretaryId, guests, resolution, agenda)));
    }, "Đã lưu biên bản.");

    [Require<MeetingAccess, MeetingNeed>(MeetingNeed.Run)]
    public Task<IActionResult> OnPostRemarkAsync(int id, int version, int itemId, int? speakerId, string? guestName, string? text, int? remarkTopicId) =>
        StepAsync(id, "muc-" + itemId, async () =>
            R(await minutes.AddRemarkAsync(id, itemId, version, new MinutesService.RemarkInput(speakerId, guestName, text ?? "", remarkTopicId))),
            "Đã ghi ý kiến phát biểu.");

    [Require<MeetingAccess, MeetingNeed>(MeetingNeed.Run)]
    public Task<IActionResult> OnPostVotesAsync(int id, int version, Dictionary<int, VoteChoice?> vote, Dictionary<int, string?> opinion) =>
        StepAsync(id, "bieu-quyet", async () => R(await minutes.CastVotesAsync(id, version,
            vote.Where(v => v.Value is not null).Select(v => new MinutesService.VoteInput(v.Key, v.Value!.Value, opinion.GetValueOrDefault(v.Key))).ToList())),
            "Đã ghi kết quả biểu quyết.");

    [Require<MeetingAccess, MeetingNeed>(MeetingNeed.Run)]
    public Task<IActionResult> OnPostAdoptAsync(int id, int version) =>
        StepAsync(id, "bien-ban", async () => R(await minutes.AdoptAsync(id, version)), "Biên bản đã được thông qua.");

    [Require<MeetingAccess, MeetingNeed>(MeetingNeed.Read)]
    public async Task<IActionResult> OnPostSignAsync(int id, MinutesService.SignRole role)
    {
        var canRecord = (await access.ForAsync(id, MeetingNeed.Run)).Allowed;
        return await StepAsync(id, "bien-ban", async () => R(await minutes.SignAsync(id, role, scope.MemberId, canRecord)), "Đã ký biên bản.");
    }

    [Require<MeetingAccess, MeetingNeed>(MeetingNeed.Run)]
    public Task<IActionResult> OnPostAddendumAsync(int id, string? date, string? text) => StepAsync(id, "phu-luc", async () =>
        Dates.TryParseVn(date, out var d) ? R(await minutes.AddAddendumAsync(id, d, text ?? "")) : (false, "Ngày phụ lục không hợp lệ (dd/MM/yyyy)."),
        "Đã lập phụ lục.");

    [Require<MeetingAccess, MeetingNeed>(MeetingNeed.Run)]
    public Task<IActionResult> OnPostSignAddendumAsync(int id, int addendumId) =>
        StepAsync(id, "phu-luc", async () => R(await minutes.SignAddendumAsync(id, addendumId)), "Đã ký phụ lục.");

    // A monitoring group member's record of the visit; confirming the rating here is the upper-level confirmation.
    [Require<MeetingAccess, MeetingNeed>(MeetingNeed.Visit)]
    public Task<IActionResult> OnPostVisitAsync(int id, bool attended, string? absenceReason, string? observationPreparation, string? observationAttendance,
        string? observationConduct, string? observationClosing, string? guidance, bool confirmRating, RatingLevel? level, string? confirmationNote) =>
        StepAsync(id, "du-sinh-hoat", async () => R(await monitoring.RecordVisitAsync(id, User.FindFirstValue(System.Security.Claims.ClaimTypes.NameIdentifier) ?? "",
            new ChiBo.Features.Monitoring.VisitInput(attended, absenceReason, observationPreparation, observationAttendance, observationConduct, observationClosing,
                guidance, confirmRating, level, confirmationNote))), "Đã ghi kết quả dự sinh hoạt.");

    // Rating
    [Require<MeetingAccess, MeetingNeed>(MeetingNeed.CellStep)]
    public Task<IActionResult> OnPostProposeAsync(int id, Dictionary<string, decimal> score, string? proposalNote) =>
        StepAsync(id, "danh-gia", async () => R(await ratings.ProposeAsync(id, score, proposalNote)), "Chi ủy đã đề xuất xếp loại.");

    [Require<MeetingAccess, MeetingNeed>(MeetingNeed.CellStep)]
    public Task<IActionResult> OnPostRatingVoteAsync(int id, int votesFor, int votesAgainst) =>
        StepAsync(id, "danh-gia", async () => R(await ratings.VoteAsync(id, votesFor, votesAgainst)), "Đã ghi kết quả biểu quyết xếp loại.");

    [Require<MeetingAccess, MeetingNeed>(MeetingNeed.Confirm)]
    public async Task<IActionResult> OnPostConfirmAsync(int id, RatingLevel? level, string? confirmationNote)
    {
        return await StepAsync(id, "danh-gia", async () => R(await ratings.ConfirmAsync(id, level, confirmationNote)), "Đã xác nhận xếp loại.");
    }
}
