using ChiBo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Meetings;

public record AttendanceSummary(int Roll, int Exempt, int SpecialDuty, int Present, int AbsentExcused, int AbsentUnexcused)
{
    /// <summary>The denominator of the attendance rate: the roll without exempt and special-duty members.</summary>
    public int Expected => Roll - Exempt - SpecialDuty;
    public decimal? Rate => Expected > 0 ? Math.Round(100m * Present / Expected, 1) : null;
    public string RateText => Rate is { } r ? $"{Present}/{Expected} = {r.ToString("0.#", Vn)}%" : "chưa có";
    static readonly System.Globalization.CultureInfo Vn = new("vi-VN");
}

/// <summary>A member absent with reason at this and the previous meetings of the year, in a row.</summary>
public record ExcusedStreak(int MemberId, string FullName, int Count);

public static class AttendanceStats
{
    public static AttendanceSummary Summarize(IEnumerable<Attendance> rows)
    {
        var list = rows.ToList();
        return new AttendanceSummary(list.Count,
            list.Count(a => a.Status == AttendanceStatus.Exempt), list.Count(a => a.Status == AttendanceStatus.SpecialDuty),
            list.Count(a => a.Status == AttendanceStatus.Present), list.Count(a => a.Status == AttendanceStatus.AbsentExcused),
            list.Count(a => a.Status == AttendanceStatus.AbsentUnexcused));
    }

    /// <summary>
    /// For each member absent with reason at the meeting, how many meetings in a row (this year, in any cell
    /// they belonged to, cell-committee meetings excluded) they have been absent with reason up to and including this one.
    /// Only those above <paramref name="max"/> are returned: Hướng dẫn 12 flags "more than 3 times in a row".
    /// </summary>
    public static async Task<List<ExcusedStreak>> StreaksAsync(AppDbContext db, Meeting meeting, int max, CancellationToken ct = default)
    {
        var absent = meeting.Attendance.Where(a => a.Status == AttendanceStatus.AbsentExcused).Select(a => a.MemberId).ToList();
        if (absent.Count == 0) return [];
        var yearStart = new DateOnly(meeting.Date.Year, 1, 1);
        var history = await (from a in db.Attendances
                             join m in db.Meetings on a.MeetingId equals m.Id
                             where absent.Contains(a.MemberId) && m.Date >= yearStart && m.Date <= meeting.Date
                                && m.Kind != MeetingKind.Committee && m.Status != MeetingStatus.Cancelled
                                && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Adopted)
                             select new { a.MemberId, a.Status, m.Date, m.StartTime, MeetingId = m.Id }).ToListAsync(ct);
        var names = await db.Members.Where(x => absent.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.FullName, ct);
        var result = new List<ExcusedStreak>();
        foreach (var g in history.GroupBy(h => h.MemberId))
        {
            var streak = 0;
            foreach (var h in g.Where(h => h.Date < meeting.Date || h.MeetingId == meeting.Id || (h.Date == meeting.Date && h.StartTime <= meeting.StartTime))
                               .OrderByDescending(h => h.Date).ThenByDescending(h => h.StartTime))
            {
                if (h.Status != AttendanceStatus.AbsentExcused) break;
                streak++;
            }
            if (streak > max) result.Add(new ExcusedStreak(g.Key, names[g.Key], streak));
        }
        return result.OrderBy(r => r.FullName).ToList();
    }
}
