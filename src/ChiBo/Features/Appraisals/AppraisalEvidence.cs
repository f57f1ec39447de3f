using ChiBo.Data;
using ChiBo.Features.Meetings;
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
public record AppraisalFacts(MeetingYear? Meetings, MemberYear? Member, Dictionary<int, (decimal Points, string Evidence)> Computed);

public static class AppraisalEvidence
{
    static readonly MeetingStatus[] Held = [MeetingStatus.Held, MeetingStatus.Adopted];

    public static async Task<AppraisalFacts> ComputeAsync(AppDbContext db, PlanService plans, AppraisalScheme scheme, int cellId, int? memberId, int year, DateOnly asOf, CancellationToken ct = default)
    {
        var isCell = await db.Units.Where(u => u.Id == cellId).Select(u => u.UnitType!.IsCell).FirstAsync(ct);
        var meetings = isCell ? await MeetingYear.ComputeAsync(db, scheme, cellId, year, asOf, ct) : null;
        var member = memberId is { } mid ? await MemberAsync(db, mid, year, asOf, ct) : null;
        var computed = new Dictionary<int, (decimal, string)>();
        foreach (var c in scheme.Criteria.Where(c => c.Source != CriterionSource.Manual))
        {
            decimal Share(decimal fraction) => Math.Round(c.MaxPoints * Math.Clamp(fraction, 0, 1) * 2, MidpointRounding.AwayFromZero) / 2;   // half points
            switch (c.Source)
            {
                case CriterionSource.MeetingQuality when meetings is not null:
                    var percent = scheme.MeetingYearPercent(meetings.Level);
                    computed[c.Id] = (Share(percent / 100m), meetings.Summary + $" Điểm đề xuất: {percent}% số điểm của tiêu chí.");
                    break;
                case CriterionSource.CellAttendance when meetings is not null:
                    var att = await CellAttendanceAsync(db, cellId, year, meetings.AsOf, ct);
                    computed[c.Id] = att.Counted == 0 ? (0, "Chưa có buổi sinh hoạt nào được điểm danh trong năm.")
                        : (Share((decimal)att.Present / att.Counted), $"Tỷ lệ dự họp cả năm: {att.Present}/{att.Counted} lượt = {MeetingYear.Percent(Math.Round(100m * att.Present / att.Counted, 1))} (không tính đảng viên miễn sinh hoạt, đi công tác đặc biệt).");
                    break;
                case CriterionSource.ThematicPlan when isCell:
                    var practice = await plans.PracticeAsync(cellId, year, asOf, ct);
                    var planned = practice.Lines.Count(l => l.ItemId is not null && l.Result != PracticeResult.Pending);
                    computed[c.Id] = planned == 0
                        ? (0, practice.Lines.Any(l => l.ItemId is not null) ? "Chưa đến hạn chuyên đề nào trong kế hoạch." : $"Không có kế hoạch sinh hoạt chuyên đề năm {year}.")
                        : (Share((practice.HeldOnTime + 0.5m * practice.HeldLate) / planned),
                           $"Kế hoạch chuyên đề: {practice.HeldOnTime} đúng hạn, {practice.HeldLate} muộn (tính nửa điểm), {practice.NotHeld} không sinh hoạt / {planned} chuyên đề đến hạn.");
                    break;
                case CriterionSource.MemberAttendance when member is not null:
                    computed[c.Id] = (member.Rate is { } r ? Share(r / 100m) : 0, member.Summary);
                    break;
            }
        }
        return new AppraisalFacts(meetings, member, computed);
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
