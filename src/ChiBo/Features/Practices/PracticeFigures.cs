using System.Globalization;
using ChiBo.Data;
using ChiBo.Features.Meetings;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Practices;

/// <summary>
/// "Số liệu từ sổ sách": figures about the source cell's meetings over a period, computed from the records
/// (meetings held, attendance, confirmed Tốt ratings, remarks) so the committee need not count by hand.
/// </summary>
public static class PracticeFigures
{
    static readonly CultureInfo Vn = new("vi-VN");

    public static async Task<List<FigureInput>> FromRecordsAsync(AppDbContext db, int cellId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var meetings = await db.Meetings.Where(m => m.CellId == cellId && m.Date >= from && m.Date <= to && m.Kind != MeetingKind.Committee
                && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Adopted))
            .Select(m => new { m.Id, m.Kind }).ToListAsync(ct);
        var ids = meetings.Select(m => m.Id).ToList();
        var attendance = await db.Attendances.Where(a => ids.Contains(a.MeetingId)).Select(a => a.Status).ToListAsync(ct);
        var expected = attendance.Count(s => s is not (AttendanceStatus.Exempt or AttendanceStatus.SpecialDuty));
        var present = attendance.Count(s => s == AttendanceStatus.Present);
        var ratings = await db.MeetingRatings.Where(r => ids.Contains(r.MeetingId) && r.Status == RatingStatus.Confirmed).Select(r => r.Level).ToListAsync(ct);
        var remarks = await db.Remarks.CountAsync(r => db.AgendaItems.Any(a => a.Id == r.AgendaItemId && ids.Contains(a.MeetingId)), ct);
        var period = $" ({from.Vn()}–{to.Vn()})";
        return
        [
            new("Số buổi sinh hoạt thường kỳ đã tổ chức" + period, meetings.Count(m => m.Kind.IsRegular()).ToString(Vn)),
            new("Số buổi sinh hoạt chuyên đề" + period, meetings.Count(m => m.Kind.IsThematic()).ToString(Vn)),
            new("Tỷ lệ đảng viên dự sinh hoạt" + period, expected > 0 ? $"{(100m * present / expected).ToString("0.#", Vn)}% ({present}/{expected} lượt)" : "chưa có"),
            new("Số buổi được xếp loại Tốt (đã xác nhận)" + period, $"{ratings.Count(l => l == RatingLevel.Good)}/{ratings.Count}"),
            new("Số lượt ý kiến phát biểu trong biên bản" + period, remarks.ToString(Vn)),
        ];
    }
}
