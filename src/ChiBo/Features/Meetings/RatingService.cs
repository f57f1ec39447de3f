using System.Globalization;
using ChiBo.Data;
using ChiBo.Features.Rules;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Meetings;

public record SheetLine(int CriterionId, string Code, RubricPart Part, string Title, int MaxPoints, bool Gating, bool Automatic, decimal? Points, string? Basis);

public record RatingSheet(int RuleSetId, string RuleSetName, List<SheetLine> Lines, decimal Total, RatingLevel Level, bool Capped, string? CapReason);

/// <summary>
/// Scores a meeting against the rubric in force on its date: measurable criteria from the record,
/// the others from the committee's proposal. Then the cell votes and the upper level confirms.
/// </summary>
public class RatingService(AppDbContext db, MinutesSeal seal, TimeProvider clock, IHttpContextAccessor http)
{
    static readonly CultureInfo Vn = new("vi-VN");
    DateTime Now => clock.GetUtcNow().UtcDateTime;
    string Actor => http.HttpContext?.User.Identity?.Name ?? "hệ thống";

    public Task<Meeting> LoadAsync(int id, CancellationToken ct = default) => db.Meetings
        .Include(x => x.Agenda).ThenInclude(a => a.Remarks).Include(x => x.Attendance).Include(x => x.Votes).Include(x => x.Documents)
        .AsSplitQuery().FirstAsync(x => x.Id == id, ct);

    /// <summary>The sheet: automatic scores computed now, manual ones as given (or as stored in the proposal).</summary>
    public async Task<RatingSheet> SheetAsync(Meeting m, IReadOnlyDictionary<string, decimal>? manual, CancellationToken ct = default)
    {
        var rules = await RuleSets.InForceAsync(db, m.CellId, m.Date, ct);
        var lines = rules.Criteria.OrderBy(c => c.Order).Select(c =>
        {
            if (c.Measure == Measure.Manual)
                return new SheetLine(c.Id, c.Code, c.Part, c.Title, c.MaxPoints, c.Gating, false, manual?.GetValueOrDefault(c.Code), null);
            var (points, basis) = Score(c, m, rules);
            return new SheetLine(c.Id, c.Code, c.Part, c.Title, c.MaxPoints, c.Gating, true, points, basis);
        }).ToList();
        var total = lines.Sum(l => l.Points ?? 0);
        var level = total >= rules.GoodMin ? RatingLevel.Good : total >= rules.FairMin ? RatingLevel.Fair : total >= rules.AverageMin ? RatingLevel.Average : RatingLevel.Poor;
        var shortfalls = lines.Where(l => l.Gating && l.Points != l.MaxPoints).Select(l => l.Title).ToList();
        var capped = level == RatingLevel.Good && shortfalls.Count > 0;
        return new RatingSheet(rules.Id, rules.Name, lines, total, capped ? RatingLevel.Fair : level, capped,
            capped ? "Chỉ xếp Tốt khi đạt điểm tối đa ở: " + string.Join("; ", shortfalls) + ". Xếp loại tối đa Khá." : null);
    }

    static (decimal Points, string Basis) Score(RubricCriterion c, Meeting m, RuleSet rules)
    {
        decimal max = c.MaxPoints;
        decimal Share(decimal got, decimal need) => need <= 0 ? max : Math.Round(max * Math.Min(1, got / need), 1);
        var deadline = m.Date.AddDays(-rules.NoticeDays);
        var att = AttendanceStats.Summarize(m.Attendance);
        switch (c.Measure)
        {
            case Measure.NoticeOnTime:
                if (m.NoticeSentAt is not { } sent) return (0, "Chưa gửi thông báo");
                var sentDay = Accounts.VnTime.Day(sent);
                return sentDay <= deadline ? (max, $"Gửi ngày {sentDay.Vn()}, hạn {deadline.Vn()}") : (0, $"Gửi muộn ngày {sentDay.Vn()}, hạn {deadline.Vn()}");
            case Measure.DocumentsOnTime:
                var docs = m.Documents.Select(d => Accounts.VnTime.Day(d.UploadedAt)).ToList();
                if (docs.Count == 0) return (0, "Không có tài liệu, dự thảo gửi trước");
                var first = docs.Min();
                return first <= deadline ? (max, $"Tài liệu có từ ngày {first.Vn()}, hạn {deadline.Vn()}") : (0, $"Tài liệu đưa lên muộn ngày {first.Vn()}, hạn {deadline.Vn()}");
            case Measure.AttendanceRate:
                if (att.Rate is not { } rate) return (0, "Chưa điểm danh");
                return rate >= rules.AttendancePercent ? (max, $"{att.RateText} (ngưỡng {rules.AttendancePercent}%)")
                    : (Share(rate, rules.AttendancePercent), $"{att.RateText}, dưới ngưỡng {rules.AttendancePercent}%");
            case Measure.NoUnexcused:
                if (att.Roll == 0) return (0, "Chưa điểm danh");
                return att.AbsentUnexcused == 0 ? (max, "Không có") : (0, $"{att.AbsentUnexcused} đảng viên vắng không lý do");
            case Measure.Duration:
                var need = m.Kind == MeetingKind.Combined ? rules.MinMinutesCombined : rules.MinMinutes;
                if (m.DurationMinutes is not { } minutes) return (0, "Chưa ghi giờ bắt đầu, kết thúc");
                return (Share(minutes, need), $"{minutes} phút (tối thiểu {need} phút)");
            case Measure.Participation:
                if (att.Present == 0) return (0, "Chưa điểm danh");
                var presentIds = m.Attendance.Where(a => a.Status == AttendanceStatus.Present).Select(a => a.MemberId).ToHashSet();
                var spoke = m.Agenda.SelectMany(a => a.Remarks).Where(r => r.MemberId is { } id && presentIds.Contains(id)).Select(r => r.MemberId).Distinct().Count();
                var pct = Math.Round(100m * spoke / att.Present, 1);
                return (Share(pct, rules.ParticipationPercent), $"{spoke}/{att.Present} đảng viên có mặt phát biểu = {pct.ToString("0.#", Vn)}% (cần {rules.ParticipationPercent}%)");
            case Measure.Conclusions:
                var content = m.Agenda.Where(a => a.Section == AgendaSection.Content).ToList();
                if (content.Count == 0) return (0, "Chương trình không có nội dung");
                var concluded = content.Count(a => !string.IsNullOrWhiteSpace(a.Conclusion));
                return (Share(concluded, content.Count), $"{concluded}/{content.Count} nội dung có kết luận");
            case Measure.ResolutionVoted:
                if (string.IsNullOrWhiteSpace(m.Resolution)) return (0, "Chưa có nghị quyết");
                var officialPresent = m.Attendance.Count(a => a.Status == AttendanceStatus.Present && a.Official);
                var yes = m.Votes.Count(v => v.Choice == VoteChoice.For);
                return yes * 2 > officialPresent ? (max, $"{yes}/{officialPresent} đảng viên chính thức có mặt tán thành")
                    : (0, $"Chưa quá nửa tán thành ({yes}/{officialPresent})");
            case Measure.MinutesComplete:
                var checks = new (bool Ok, string What)[]
                {
                    (m.StartedAt is not null && m.EndedAt is not null, "giờ bắt đầu, kết thúc"),
                    (m.ChairId is not null, "chủ trì"), (m.MinutesSecretaryId is not null, "thư ký"),
                    (att.Roll > 0, "điểm danh"),
                    (m.Agenda.Where(a => a.Section == AgendaSection.Content).All(a => a.Remarks.Count > 0 || !string.IsNullOrWhiteSpace(a.Conclusion)), "ý kiến hoặc kết luận từng nội dung"),
                    (!string.IsNullOrWhiteSpace(m.Resolution), "nghị quyết"),
                    (m.ReadBack, "đọc và thông qua biên bản"),
                };
                var ok = checks.Count(x => x.Ok);
                var lacking = checks.Where(x => !x.Ok).Select(x => x.What).ToList();
                return (Share(ok, checks.Length), lacking.Count == 0 ? "Đủ các mục của biên bản" : "Thiếu: " + string.Join(", ", lacking));
            default:
                return (0, "");
        }
    }

    /// <summary>Two people acting on one rating at once (two confirmers, a re-proposal during the vote): the second is told, not lost.</summary>
    async Task<Outcome<MeetingRating>> SaveAsync(MeetingRating rating, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<MeetingRating>.Fail("version", "Xếp loại vừa được người khác cập nhật. Hãy tải lại trang để xem trạng thái mới.");
        }
        return Outcome<MeetingRating>.Success(rating);
    }

    /// <summary>A rating step re-seals the minutes' record in the same save (the meeting's version then guards it too).</summary>
    async Task<Outcome<MeetingRating>> ResealAndSaveAsync(MeetingRating rating, CancellationToken ct)
    {
        await seal.ResealAsync(await db.Meetings.FirstAsync(m => m.Id == rating.MeetingId, ct), rating, ct);
        return await SaveAsync(rating, ct);
    }

    /// <summary>The cell committee's proposal: manual criteria scored, automatic ones recomputed from the adopted minutes.</summary>
    public async Task<Outcome<MeetingRating>> ProposeAsync(int meetingId, Dictionary<string, decimal> manual, string? note, CancellationToken ct = default)
    {
        var m = await LoadAsync(meetingId, ct);
        if (m.Status != MeetingStatus.Adopted) return Outcome<MeetingRating>.Fail("status", "Thông qua biên bản trước khi đánh giá chất lượng buổi sinh hoạt.");
        var existing = await db.MeetingRatings.Include(r => r.Scores).FirstOrDefaultAsync(r => r.MeetingId == meetingId, ct);
        if (existing?.Status == RatingStatus.Confirmed) return Outcome<MeetingRating>.Fail("status", "Cấp trên đã xác nhận xếp loại; không đề xuất lại.");
        if (await seal.RefusalAsync(meetingId, ct) is { } refused) return Outcome<MeetingRating>.Fail("status", refused);
        var sheet = await SheetAsync(m, manual, ct);
        foreach (var l in sheet.Lines.Where(l => !l.Automatic))
        {
            if (l.Points is not { } p) return Outcome<MeetingRating>.Fail(l.Code, $"Chấm điểm tiêu chí \"{l.Title}\".");
            if (p < 0 || p > l.MaxPoints) return Outcome<MeetingRating>.Fail(l.Code, $"Điểm tiêu chí \"{l.Title}\" phải từ 0 đến {l.MaxPoints}.");
        }
        var rating = existing ?? new MeetingRating { MeetingId = meetingId };
        rating.RuleSetId = sheet.RuleSetId; rating.Total = sheet.Total; rating.Level = sheet.Level; rating.Capped = sheet.Capped;
        rating.Status = RatingStatus.Proposed; rating.ProposedBy = Actor; rating.ProposedAt = Now; rating.ProposalNote = note?.Trim();
        rating.VotesFor = null; rating.VotesAgainst = null; rating.VotedAt = null;
        rating.Scores.Clear();
        foreach (var l in sheet.Lines)
            rating.Scores.Add(new RatingScore { CriterionId = l.CriterionId, Points = l.Points ?? 0, Automatic = l.Automatic, Basis = l.Basis });
        if (existing is null) db.MeetingRatings.Add(rating);
        await seal.ResealAsync(m, rating, ct);
        return await SaveAsync(rating, ct);
    }

    /// <summary>The cell votes on the proposal; more than half of the official members present must agree.</summary>
    public async Task<Outcome<MeetingRating>> VoteAsync(int meetingId, int votesFor, int votesAgainst, CancellationToken ct = default)
    {
        var rating = await db.MeetingRatings.Include(r => r.Scores).FirstOrDefaultAsync(r => r.MeetingId == meetingId, ct);
        if (rating is null) return Outcome<MeetingRating>.Fail("status", "Chi ủy chưa đề xuất xếp loại.");
        if (rating.Status == RatingStatus.Confirmed) return Outcome<MeetingRating>.Fail("status", "Cấp trên đã xác nhận xếp loại.");
        if (await seal.RefusalAsync(meetingId, ct) is { } refused) return Outcome<MeetingRating>.Fail("status", refused);
        var voters = await db.Attendances.CountAsync(a => a.MeetingId == meetingId && a.Status == AttendanceStatus.Present && a.Official, ct);
        if (votesFor < 0 || votesAgainst < 0 || votesFor + votesAgainst > voters)
            return Outcome<MeetingRating>.Fail("votesFor", $"Số phiếu không hợp lệ: chỉ {voters} đảng viên chính thức có mặt được biểu quyết.");
        if (votesFor * 2 <= voters)
            return Outcome<MeetingRating>.Fail("votesFor", $"Đề xuất chưa được quá nửa ({votesFor}/{voters}) đảng viên chính thức có mặt tán thành: chi ủy đề xuất lại.");
        rating.VotesFor = votesFor; rating.VotesAgainst = votesAgainst; rating.VotedAt = Now; rating.VotesRecordedBy = Actor; rating.Status = RatingStatus.Voted;
        return await ResealAndSaveAsync(rating, ct);
    }

    /// <summary>The attending upper-level member confirms, or sets another level with the reason.</summary>
    public async Task<Outcome<MeetingRating>> ConfirmAsync(int meetingId, RatingLevel? level, string? note, CancellationToken ct = default)
    {
        var rating = await db.MeetingRatings.Include(r => r.Scores).FirstOrDefaultAsync(r => r.MeetingId == meetingId, ct);
        if (rating is null || rating.Status == RatingStatus.Proposed)
            return Outcome<MeetingRating>.Fail("status", "Chi bộ chưa biểu quyết đề xuất xếp loại.");
        if (rating.Status == RatingStatus.Confirmed) return Outcome<MeetingRating>.Fail("status", "Xếp loại đã được xác nhận.");
        if (await seal.RefusalAsync(meetingId, ct) is { } refused) return Outcome<MeetingRating>.Fail("status", refused);
        if (level is { } l && l != rating.Level)
        {
            if (string.IsNullOrWhiteSpace(note)) return Outcome<MeetingRating>.Fail("note", "Ghi lý do khi xác nhận mức xếp loại khác đề xuất.");
            if (l == RatingLevel.Good && rating.Capped) return Outcome<MeetingRating>.Fail("level", "Buổi sinh hoạt chưa đạt điểm tối đa ở các tiêu chí bắt buộc nên không xếp Tốt.");
            rating.Level = l;
        }
        rating.Status = RatingStatus.Confirmed; rating.ConfirmedBy = Actor; rating.ConfirmedAt = Now; rating.ConfirmationNote = note?.Trim();
        return await ResealAndSaveAsync(rating, ct);
    }
}
