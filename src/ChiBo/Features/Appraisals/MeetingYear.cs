using System.Globalization;
using ChiBo.Data;
using ChiBo.Features.Meetings;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Appraisals;

public record RatedMeeting(int MeetingId, DateOnly Date, MeetingKind Kind, RatingLevel? Level, RatingStatus? Status);

/// <summary>
/// A cell's year of meetings judged as a whole: the input the annual rating takes from the meeting records
/// (seed 003: "lấy tiêu chí nâng cao chất lượng sinh hoạt chi bộ để đánh giá, xếp loại tổ chức đảng và đảng viên hằng năm").
/// </summary>
public record MeetingYear(int CellId, int Year, DateOnly AsOf, int ExpectedMonthly, int HeldMonthly, int Thematic,
    int Good, int Fair, int Average, int Poor, int Unrated, int RequiredGood, RatingLevel Level, List<string> Reasons, List<RatedMeeting> Meetings)
{
    static readonly CultureInfo Vn = new("vi-VN");

    /// <summary>One line a person can check against the meeting book.</summary>
    public string Summary =>
        $"Năm {Year} (đến {AsOf.Vn()}): sinh hoạt thường kỳ {HeldMonthly}/{ExpectedMonthly} tháng; chuyên đề {Thematic}; " +
        $"xếp loại buổi sinh hoạt: {Good} Tốt, {Fair} Khá, {Average} Trung bình, {Poor} Kém" + (Unrated > 0 ? $", {Unrated} chưa xếp loại" : "") +
        $" (cần ít nhất {RequiredGood} Tốt). Cả năm: {Level.Vietnamese()}. " + string.Join(" ", Reasons);

    public static string Percent(decimal v) => v.ToString("0.#", Vn) + "%";

    static readonly MeetingStatus[] Held = [MeetingStatus.Held, MeetingStatus.Adopted];

    /// <summary>
    /// Expected monthly meetings are the months the cell existed in the year up to <paramref name="asOf"/>; a meeting counts
    /// with its latest rating once the cell has voted it (a mere committee proposal is not yet the cell's rating).
    /// </summary>
    public static async Task<MeetingYear> ComputeAsync(AppDbContext db, AppraisalScheme scheme, int cellId, int year, DateOnly asOf, CancellationToken ct = default)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        if (asOf > end) asOf = end;
        var unit = await db.Units.Where(u => u.Id == cellId).Select(u => new { u.EffectiveFrom, u.EffectiveTo }).FirstAsync(ct);
        var from = unit.EffectiveFrom > start ? unit.EffectiveFrom : start;
        var to = unit.EffectiveTo is { } e && e.AddDays(-1) < asOf ? e.AddDays(-1) : asOf;
        var meetings = await db.Meetings.Where(m => m.CellId == cellId && m.Date >= start && m.Date <= to && Held.Contains(m.Status)
                && m.Kind != MeetingKind.Committee)
            .OrderBy(m => m.Date).Select(m => new { m.Id, m.Date, m.Kind }).ToListAsync(ct);
        // A month is expected when the cell existed on its first day (or was created by the 15th) and the month has ended by
        // the as-of date; the running month counts once its meeting has been held.
        var months = 0;
        for (var m = start; m <= to; m = m.AddMonths(1))
        {
            var monthEnd = m.AddMonths(1).AddDays(-1);
            var exists = from <= m || (from <= monthEnd && from.Day <= 15);
            var due = monthEnd <= to || meetings.Any(x => x.Date.Month == m.Month && x.Kind is MeetingKind.Periodic or MeetingKind.Combined);
            if (exists && due) months++;
        }
        var ids = meetings.Select(m => m.Id).ToList();
        var ratings = (await db.MeetingRatings.Where(r => ids.Contains(r.MeetingId) && r.Status != RatingStatus.Proposed)
                .Select(r => new { r.Id, r.MeetingId, r.Level, r.Status }).ToListAsync(ct))
            .GroupBy(r => r.MeetingId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Id).First());
        var rated = meetings.Select(m => ratings.TryGetValue(m.Id, out var r)
            ? new RatedMeeting(m.Id, m.Date, m.Kind, r.Level, r.Status) : new RatedMeeting(m.Id, m.Date, m.Kind, null, null)).ToList();
        var monthly = rated.Where(m => m.Kind is MeetingKind.Periodic or MeetingKind.Combined).Select(m => (m.Date.Year, m.Date.Month)).Distinct().Count();
        int Count(RatingLevel l) => rated.Count(m => m.Level == l);
        var (good, fair, average, poor, unrated) = (Count(RatingLevel.Good), Count(RatingLevel.Fair), Count(RatingLevel.Average), Count(RatingLevel.Poor), rated.Count(m => m.Level is null));
        // "At least 7 Tốt" is for a whole year; a cell that existed part of the year needs the same share of its months.
        var required = (int)Math.Ceiling(scheme.GoodYearMinGoodMeetings * months / 12m);
        var reasons = new List<string>();
        RatingLevel level;
        var missed = Math.Max(0, months - monthly);
        if (months == 0) { level = RatingLevel.Poor; reasons.Add("Chưa có tháng nào phải sinh hoạt trong năm."); }
        else if (missed == 0 && unrated == 0 && average == 0 && poor == 0 && good >= required) level = RatingLevel.Good;
        else
        {
            if (missed > 0) reasons.Add($"Thiếu {missed} tháng không sinh hoạt thường kỳ.");
            if (unrated > 0) reasons.Add($"{unrated} buổi chưa được chi bộ biểu quyết xếp loại.");
            if (average + poor > 0) reasons.Add($"{average + poor} buổi dưới mức Khá.");
            if (good < required) reasons.Add($"Chỉ {good} buổi Tốt, cần {required}.");
            level = poor == 0 && 100m * (good + fair) >= scheme.FairYearMinPercent * months ? RatingLevel.Fair
                : 100m * monthly >= scheme.AverageYearMinHeldPercent * months ? RatingLevel.Average : RatingLevel.Poor;
        }
        return new MeetingYear(cellId, year, asOf, months, monthly, rated.Count(m => m.Kind is MeetingKind.Thematic or MeetingKind.Combined),
            good, fair, average, poor, unrated, required, level, reasons, rated);
    }
}
