using System.Globalization;
using ChiBo.Data;
using ChiBo.Features.Meetings;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Campaigns;

/// <summary>
/// The figures seed 002's outline asks for, from the meetings of the cells under a unit — each meeting counted with
/// the tree as it was on its date — over a period, split at the pivot date when there is one.
/// </summary>
public static class CampaignStats
{
    static readonly CultureInfo Vn = new("vi-VN");

    record Row(int Id, int CellId, DateOnly Date, MeetingKind Kind, int Present, int Expected);

    static async Task<List<Row>> MeetingsAsync(AppDbContext db, int unitId, DateOnly start, DateOnly end, CancellationToken ct) =>
        await (from m in db.Meetings
               where m.Date >= start && m.Date < end && m.Kind != MeetingKind.Committee && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Adopted)
               where db.UnitClosures.Any(c => c.AncestorId == unitId && c.DescendantId == m.CellId && c.ValidFrom <= m.Date && (c.ValidTo == null || c.ValidTo > m.Date))
               select new Row(m.Id, m.CellId, m.Date, m.Kind,
                   m.Attendance.Count(a => a.Status == AttendanceStatus.Present),
                   m.Attendance.Count(a => a.Status != AttendanceStatus.Exempt && a.Status != AttendanceStatus.SpecialDuty))).ToListAsync(ct);

    public static async Task<string> ComputeAsync(AppDbContext db, Statistic statistic, int unitId, DateOnly start, DateOnly end, DateOnly? pivot, CancellationToken ct = default)
    {
        if (statistic == Statistic.None) return "";
        var parts = pivot is { } p && p > start && p < end ? new[] { (start, p, $"trước {p.Vn()}"), (p, end, $"từ {p.Vn()}") } : [(start, end, "")];
        var lines = new List<string>();
        foreach (var (a, b, label) in parts)
        {
            var text = await OneAsync(db, statistic, unitId, a, b, ct);
            lines.Add((label.Length > 0 ? $"{char.ToUpper(label[0])}{label[1..]}: " : "") + text);
        }
        return string.Join("\n", lines) + $"\n(Tính từ dữ liệu sinh hoạt của các chi bộ thuộc đơn vị, {start.Vn()} – {end.AddDays(-1).Vn()}, theo cây tổ chức tại ngày của từng buổi sinh hoạt.)";
    }

    static async Task<string> OneAsync(AppDbContext db, Statistic statistic, int unitId, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var rows = await MeetingsAsync(db, unitId, start, end, ct);
        if (rows.Count == 0) return "chưa có dữ liệu buổi sinh hoạt.";
        switch (statistic)
        {
            case Statistic.AttendanceRate:
                var years = rows.Where(r => r.Expected > 0).GroupBy(r => r.Date.Year).OrderBy(g => g.Key)
                    .Select(g => $"năm {g.Key}: {(100m * g.Sum(r => r.Present) / g.Sum(r => r.Expected)).ToString("0.#", Vn)}% ({g.Sum(r => r.Present)}/{g.Sum(r => r.Expected)} lượt, {g.Count()} buổi)");
                return "tỷ lệ đảng viên dự sinh hoạt trung bình " + string.Join("; ", years) + ".";
            case Statistic.ThematicPerCell:
                var per = rows.GroupBy(r => r.Date.Year).OrderBy(g => g.Key).Select(g =>
                {
                    var cells = g.Select(r => r.CellId).Distinct().Count();
                    var thematic = g.Count(r => r.Kind.IsThematic());
                    return $"năm {g.Key}: {thematic} buổi chuyên đề / {cells} chi bộ = {((decimal)thematic / cells).ToString("0.#", Vn)} buổi mỗi chi bộ";
                });
                return string.Join("; ", per) + ".";
            case Statistic.TopTopic:
                var ids = rows.Select(r => r.Id).ToList();
                var topics = await (from r in db.Remarks
                                    join i in db.AgendaItems on r.AgendaItemId equals i.Id
                                    join m in db.Meetings on i.MeetingId equals m.Id
                                    where ids.Contains(m.Id)
                                    let topic = r.TopicId ?? i.TopicId ?? m.TopicId
                                    where topic != null
                                    group r by topic into g
                                    select new { Topic = g.Key, Count = g.Count() }).OrderByDescending(x => x.Count).Take(3).ToListAsync(ct);
                if (topics.Count == 0) return "chưa có ý kiến phát biểu gắn chủ đề.";
                var names = await db.Topics.ToDictionaryAsync(t => t.Id, t => t.Name, ct);
                return "chủ đề được góp ý nhiều nhất: " + string.Join("; ", topics.Select(t => $"{names.GetValueOrDefault(t.Topic!.Value)} ({t.Count} ý kiến)")) + ".";
            case Statistic.RatingDistribution:
                var rated = rows.Select(r => r.Id).ToList();
                var levels = await db.MeetingRatings.Where(r => rated.Contains(r.MeetingId)).GroupBy(r => r.Level)
                    .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                var total = levels.Sum(l => l.Count);
                return $"xếp loại {total}/{rows.Count} buổi sinh hoạt: " + string.Join(", ", Enum.GetValues<RatingLevel>()
                    .Select(l => $"{l.Vietnamese()} {levels.FirstOrDefault(x => x.Key == l)?.Count ?? 0}")) + ".";
            default:
                return "";
        }
    }
}
