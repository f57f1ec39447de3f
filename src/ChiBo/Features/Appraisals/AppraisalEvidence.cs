using ChiBo.Data;
using ChiBo.Features.Meetings;
using ChiBo.Features.Organization;
using ChiBo.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Appraisals;

public record MemberYear(int MemberId, int Counted, int Present, int AbsentExcused, int AbsentUnexcused)
{
    public decimal? Rate => Counted > 0 ? Math.Round(100m * Present / Counted, 1) : null;
    public string Summary => Counted == 0 ? "Chưa có buổi sinh hoạt nào được điểm danh trong năm."
        : $"Có mặt {Present}/{Counted} buổi = {MeetingYear.Percent(Rate!.Value)}; vắng có lý do {AbsentExcused}, vắng không lý do {AbsentUnexcused}.";
}

/// <summary>What the records say about a subject's year, and the score each computed criterion proposes from it.</summary>
/// <summary>Meetings is the cell's year for an annual rating; Years holds each year of a cell's term (or the one year).</summary>
public record AppraisalFacts(MeetingYear? Meetings, List<MeetingYear> Years, MemberYear? Member, Dictionary<int, (decimal Points, string Evidence)> Computed);

public static class AppraisalEvidence
{
    static readonly MeetingStatus[] Held = [MeetingStatus.Held, MeetingStatus.Adopted];

    /// <summary>A committee's organization rating reads its cells' years; above this many cells it is left to people (and noted).</summary>
    public const int MaxCellsComputed = 500;

    /// <summary>
    /// The facts of a year (fromYear = year) or of a term (fromYear..year, each year judged on its own and then combined).
    /// A cell is judged on its own meetings; a committee on its cells' (the cells under it at the end of each year).
    /// </summary>
    public static async Task<AppraisalFacts> ComputeAsync(AppDbContext db, PlanService plans, AppraisalScheme scheme, int unitId, int? memberId, int fromYear, int year, DateOnly asOf, CancellationToken ct = default)
    {
        var isCell = await db.Units.Where(u => u.Id == unitId).Select(u => u.UnitType!.IsCell).FirstAsync(ct);
        var term = fromYear < year;
        var computed = new Dictionary<int, (decimal, string)>();
        var wantsCells = memberId is null && scheme.Criteria.Any(c => c.Source is CriterionSource.MeetingQuality or CriterionSource.CellAttendance or CriterionSource.ThematicPlan);
        var years = new List<(MeetingYear Meetings, int Counted, int Present, PlanPractice Practice)>();
        MemberYear? member = null;
        var tooMany = 0;
        for (var y = fromYear; y <= year; y++)
        {
            var yearEnd = new DateOnly(y, 12, 31);
            var day = asOf < yearEnd ? asOf : yearEnd;
            if (memberId is { } mid)
            {
                var m = await MemberAsync(db, mid, y, day, ct);
                member = member is null ? m : member with { Counted = member.Counted + m.Counted, Present = member.Present + m.Present,
                    AbsentExcused = member.AbsentExcused + m.AbsentExcused, AbsentUnexcused = member.AbsentUnexcused + m.AbsentUnexcused };
            }
            if (!wantsCells) continue;
            var cellIds = isCell ? [unitId] : await db.CellIdsUnder(unitId, day).ToListAsync(ct);
            if (cellIds.Count > MaxCellsComputed) { tooMany = cellIds.Count; break; }
            foreach (var id in cellIds)
            {
                var my = await MeetingYear.ComputeAsync(db, scheme, id, y, day, ct);
                var att = await CellAttendanceAsync(db, id, y, my.AsOf, ct);
                years.Add((my, att.Counted, att.Present, await plans.PracticeAsync(id, y, day, ct)));
            }
        }
        var span = term ? $"Nhiệm kỳ {fromYear}–{year}" : $"Năm {year}";
        foreach (var c in scheme.Criteria.Where(c => c.Source != CriterionSource.Manual))
        {
            decimal Share(decimal fraction) => Math.Round(c.MaxPoints * Math.Clamp(fraction, 0, 1) * 2, MidpointRounding.AwayFromZero) / 2;   // half points
            if (c.Source == CriterionSource.MemberAttendance)
            {
                if (member is not null) computed[c.Id] = (member.Rate is { } r ? Share(r / 100m) : 0, (term ? span + ": " : "") + member.Summary);
                continue;
            }
            if (memberId is not null) continue;
            if (tooMany > 0) { computed[c.Id] = (0, $"Đơn vị có {tooMany} chi bộ (quá {MaxCellsComputed}): tiêu chí này do cấp ủy chấm theo báo cáo của các đơn vị trực thuộc."); continue; }
            if (years.Count == 0) { computed[c.Id] = (0, "Không có chi bộ trực thuộc trong kỳ đánh giá."); continue; }
            switch (c.Source)
            {
                case CriterionSource.MeetingQuality when isCell && !term:
                    var percent = scheme.MeetingYearPercent(years[0].Meetings.Level);
                    computed[c.Id] = (Share(percent / 100m), years[0].Meetings.Summary + $" Điểm đề xuất: {percent}% số điểm của tiêu chí.");
                    break;
                case CriterionSource.MeetingQuality:
                    var average = years.Average(y => (decimal)scheme.MeetingYearPercent(y.Meetings.Level));
                    int Of(RatingLevel l) => years.Count(y => y.Meetings.Level == l);
                    var what = isCell
                        ? $"{span}, chất lượng sinh hoạt từng năm: " + string.Join("; ", years.Select(y => $"{y.Meetings.Year} {y.Meetings.Level.Vietnamese()}")) + "."
                        : $"{span}, chất lượng sinh hoạt cả năm của {years.Select(y => y.Meetings.CellId).Distinct().Count()} chi bộ trực thuộc{(term ? " (cộng các năm)" : "")}: " +
                          $"{Of(RatingLevel.Good)} Tốt, {Of(RatingLevel.Fair)} Khá, {Of(RatingLevel.Average)} Trung bình, {Of(RatingLevel.Poor)} Kém.";
                    computed[c.Id] = (Share(average / 100m), what + $" Điểm đề xuất: bình quân {MeetingYear.Percent(Math.Round(average, 1))} số điểm của tiêu chí.");
                    break;
                case CriterionSource.CellAttendance:
                    var (counted, present) = (years.Sum(y => y.Counted), years.Sum(y => y.Present));
                    computed[c.Id] = counted == 0 ? (0, "Chưa có buổi sinh hoạt nào được điểm danh trong kỳ đánh giá.")
                        : (Share((decimal)present / counted), $"{span}, tỷ lệ dự họp{(isCell ? "" : " của các chi bộ")}: {present}/{counted} lượt = {MeetingYear.Percent(Math.Round(100m * present / counted, 1))} (không tính đảng viên miễn sinh hoạt, đi công tác đặc biệt).");
                    break;
                case CriterionSource.ThematicPlan:
                    var planned = years.Sum(y => y.Practice.Lines.Count(l => l.ItemId is not null && l.Result != PracticeResult.Pending));
                    var (onTime, late, notHeld) = (years.Sum(y => y.Practice.HeldOnTime), years.Sum(y => y.Practice.HeldLate), years.Sum(y => y.Practice.NotHeld));
                    var anyPlan = years.Any(y => y.Practice.Lines.Any(l => l.ItemId is not null));
                    computed[c.Id] = planned == 0
                        ? (0, anyPlan ? "Chưa đến hạn chuyên đề nào trong kế hoạch." : $"{span}: không có kế hoạch sinh hoạt chuyên đề.")
                        : (Share((onTime + 0.5m * late) / planned),
                           $"{span}, kế hoạch chuyên đề{(isCell ? "" : " của các chi bộ")}: {onTime} đúng hạn, {late} muộn (tính nửa điểm), {notHeld} không sinh hoạt / {planned} chuyên đề đến hạn.");
                    break;
            }
        }
        var cellYears = isCell ? years.Select(y => y.Meetings).ToList() : [];
        return new AppraisalFacts(cellYears.Count == 1 ? cellYears[0] : null, cellYears, member, computed);
    }


    static async Task<(int Counted, int Present)> CellAttendanceAsync(AppDbContext db, int cellId, int year, DateOnly to, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var rows = await (from a in db.Attendances
                          join m in db.Meetings on a.MeetingId equals m.Id
                          where m.CellId == cellId && m.Date >= start && m.Date <= to && Held.Contains(m.Status) && m.Kind != MeetingKind.Committee
                          group a by a.Status into g
                          select new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(AttendanceStatus s) => rows.Where(r => r.Status == s).Sum(r => r.Count);
        var present = Of(AttendanceStatus.Present);
        return (present + Of(AttendanceStatus.AbsentExcused) + Of(AttendanceStatus.AbsentUnexcused), present);
    }

    /// <summary>The member's own attendance in the year, in whichever cells they belonged to.</summary>
    public static async Task<MemberYear> MemberAsync(AppDbContext db, int memberId, int year, DateOnly asOf, CancellationToken ct = default)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31) < asOf ? new DateOnly(year, 12, 31) : asOf;
        var rows = await (from a in db.Attendances
                          join m in db.Meetings on a.MeetingId equals m.Id
                          where a.MemberId == memberId && m.Date >= start && m.Date <= end && Held.Contains(m.Status) && m.Kind != MeetingKind.Committee
                          select a.Status).ToListAsync(ct);
        int Of(AttendanceStatus s) => rows.Count(r => r == s);
        var present = Of(AttendanceStatus.Present);
        return new MemberYear(memberId, present + Of(AttendanceStatus.AbsentExcused) + Of(AttendanceStatus.AbsentUnexcused), present,
            Of(AttendanceStatus.AbsentExcused), Of(AttendanceStatus.AbsentUnexcused));
    }
}
