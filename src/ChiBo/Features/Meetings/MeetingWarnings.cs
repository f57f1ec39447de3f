using ChiBo.Data;
using ChiBo.Features.Rules;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Meetings;

/// <summary>What the secretary should fix, measured against the rule set in force on the meeting date.</summary>
public static class MeetingWarnings
{

    public static List<string> ForMeeting(Meeting m, RuleSet rules, List<DocumentDto> docs, AttendanceSummary att,
        List<ExcusedStreak> streaks, List<AttendanceDto> attendance, DateOnly today)
    {
        var w = new List<string>();
        if (m.Status == MeetingStatus.Cancelled) return w;
        var deadline = m.Date.AddDays(-rules.NoticeDays);
        if (m.NoticeSentAt is { } sent)
        {
            if (Accounts.VnTime.Day(sent) > deadline) w.Add($"Thông báo gửi muộn: ngày {Accounts.VnTime.Day(sent).Vn()}, hạn {deadline.Vn()} (trước ngày họp {rules.NoticeDays} ngày).");
        }
        else if (m.Status == MeetingStatus.Planned && today >= deadline)
            w.Add($"Chưa gửi thông báo cho đảng viên và cấp ủy viên, tổ theo dõi được phân công; hạn gửi {deadline.Vn()}.");
        if (docs.Count == 0)
        {
            if (m.Status is MeetingStatus.Planned or MeetingStatus.Notified && today >= deadline)
                w.Add($"Chưa có tài liệu, dự thảo nghị quyết cho đảng viên; hạn {deadline.Vn()}.");
        }
        else if (Accounts.VnTime.Day(docs.Min(d => d.UploadedAt)) > deadline)
            w.Add($"Tài liệu đến đảng viên muộn: ngày {Accounts.VnTime.Day(docs.Min(d => d.UploadedAt)).Vn()}, hạn {deadline.Vn()}.");
        if (m.Kind.IsThematic() && m.PaperDrafterId is null && m.Status is MeetingStatus.Planned or MeetingStatus.Notified)
            w.Add("Chưa phân công đảng viên chuẩn bị bản đề dẫn cho nội dung chuyên đề.");
        if (m.ContentPreparerId is null && m.Status is MeetingStatus.Planned or MeetingStatus.Notified)
            w.Add("Chưa phân công người chuẩn bị nội dung và dự thảo nghị quyết.");
        if (m.Status is MeetingStatus.Held or MeetingStatus.Adopted)
        {
            var need = m.Kind == MeetingKind.Combined ? rules.MinMinutesCombined : rules.MinMinutes;
            if (m.DurationMinutes is { } d && d < need && m.Kind != MeetingKind.Committee)
                w.Add($"Thời lượng {d} phút, dưới mức tối thiểu {need} phút.");
            if (att.Rate is { } rate && rate < rules.AttendancePercent)
                w.Add($"Tỷ lệ dự họp {att.RateText}, dưới ngưỡng {rules.AttendancePercent}%.");
            var unexcused = attendance.Where(a => a.Status == AttendanceStatus.AbsentUnexcused).Select(a => a.FullName).ToList();
            if (unexcused.Count > 0) w.Add("Vắng không lý do: " + string.Join(", ", unexcused) + ".");
            foreach (var s in streaks) w.Add($"{s.FullName} vắng có lý do {s.Count} lần liên tiếp trong năm (quá {rules.MaxExcusedInRow} lần).");
        }
        return w;
    }

    /// <summary>
    /// The month about to end without a periodic meeting, the quarter without a thematic one: shown on the cell's
    /// meeting page from a week (month) or a month (quarter) before the end, and after the Party-wide meeting day.
    /// </summary>
    public static async Task<List<string>> ForCellAsync(AppDbContext db, int cellId, DateOnly today, CancellationToken ct = default)
    {
        var rules = await RuleSets.InForceAsync(db, cellId, today, ct);
        var w = new List<string>();
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var monthEnd = monthStart.AddMonths(1);
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        var quarterEnd = quarterStart.AddMonths(3);
        var meetings = await db.Meetings.Where(m => m.CellId == cellId && m.Status != MeetingStatus.Cancelled && m.Date >= quarterStart && m.Date < quarterEnd)
            .Select(m => new { m.Kind, m.Date }).ToListAsync(ct);
        var regular = meetings.Where(m => m.Kind.IsRegular() && m.Date >= monthStart && m.Date < monthEnd).ToList();
        var pastDay = rules.MeetingDay is { } day && today.Day > day;
        if (regular.Count == 0 && (pastDay || monthEnd.DayNumber - today.DayNumber <= 7))
            w.Add($"Tháng {today:MM/yyyy} chưa có kế hoạch sinh hoạt thường kỳ" + (rules.MeetingDay is { } md ? $" (ngày sinh hoạt chung: mùng {md})." : "."));
        var thematic = meetings.Count(m => m.Kind.IsThematic());
        if (thematic < rules.ThematicPerQuarter && quarterEnd.DayNumber - today.DayNumber <= 31)
            w.Add($"Quý {(today.Month - 1) / 3 + 1}/{today.Year} chưa có buổi sinh hoạt chuyên đề (tối thiểu {rules.ThematicPerQuarter} buổi mỗi quý); quý kết thúc ngày {quarterEnd.AddDays(-1).Vn()}.");
        return w;
    }
}
