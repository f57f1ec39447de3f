using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Statistics;

/// <summary>A node's figures over a period, summed from its month rows; rates are computed from the sums, never averaged.</summary>
public record Figures(int CellMonths, int PeriodicHeld, int PeriodicOnTime, int ThematicHeld, int ThematicPlanned, int Expected, int Present,
    int AbsentExcused, int AbsentUnexcused, int LongAbsences, int RatedGood, int RatedFair, int RatedAverage, int RatedPoor, int Remarks, int Visits,
    int CellsMeeting, int CellsVisited)
{
    public double? HeldRate => CellMonths == 0 ? null : Math.Round(100.0 * CellsMeeting / CellMonths, 1);
    public double? OnTimeRate => PeriodicHeld == 0 ? null : Math.Round(100.0 * PeriodicOnTime / PeriodicHeld, 1);
    public double? AttendanceRate => Expected == 0 ? null : Math.Round(100.0 * Present / Expected, 1);
    public double? GoodRate => Rated == 0 ? null : Math.Round(100.0 * RatedGood / Rated, 1);
    public int Rated => RatedGood + RatedFair + RatedAverage + RatedPoor;
    public double? VisitedRate => CellMonths == 0 ? null : Math.Round(100.0 * CellsVisited / CellMonths, 1);

    public static Figures Sum(IEnumerable<NodeMonthStat> rows)
    {
        var list = rows.ToList();
        int S(Func<NodeMonthStat, int> f) => list.Sum(f);
        return new(S(r => r.Cells), S(r => r.PeriodicHeld), S(r => r.PeriodicOnTime), S(r => r.ThematicHeld), S(r => r.ThematicPlanned), S(r => r.Expected),
            S(r => r.Present), S(r => r.AbsentExcused), S(r => r.AbsentUnexcused), S(r => r.LongAbsences), S(r => r.RatedGood), S(r => r.RatedFair),
            S(r => r.RatedAverage), S(r => r.RatedPoor), S(r => r.Remarks), S(r => r.Visits), S(r => r.CellsMeeting), S(r => r.CellsVisited));
    }
}

public record MonthPoint(DateOnly Month, Figures Figures);
public record ChildFigures(int Id, string Name, bool IsCell, Figures Figures);
/// <summary>A topic's figures over the period (counting rule on <see cref="TopicMonthFigures"/>).</summary>
public record TopicDiscussed(int TopicId, string Code, string Name, int Meetings, int AgendaItems, int Remarks);
public record DashboardDto(int NodeId, string NodeName, string TypeName, bool IsCell, DateOnly From, DateOnly To, Figures Totals, List<MonthPoint> Trend,
    List<ChildFigures> Children, List<UnitDto> Breadcrumbs, List<TopicDiscussed> Topics);

/// <summary>
/// The dashboard of any node for a period: its month rows and its children's (the children it had on the period's last day),
/// at most (1 + children) × months rows read; worst units first (fewest cells meeting, then lowest attendance).
/// </summary>
public static class Dashboard
{
    public static async Task<DashboardDto?> LoadAsync(AppDbContext db, int nodeId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var first = new DateOnly(from.Year, from.Month, 1);
        var last = new DateOnly(to.Year, to.Month, 1);
        var end = last.AddMonths(1).AddDays(-1);
        var node = await db.AsDtos(db.Units.Where(u => u.Id == nodeId), end).FirstOrDefaultAsync(ct);
        if (node is null) return null;
        var children = await db.ChildrenAsync(nodeId, end, ct);
        var childIds = children.Select(c => c.Id).ToList();
        var months = Enumerable.Range(0, (last.Year - first.Year) * 12 + last.Month - first.Month + 1).Select(i => first.AddMonths(i)).ToList();
        // The node's own months as rows; each child's period summed by the database (a province has hundreds of children).
        var mine = await db.NodeMonthStats.AsNoTracking().Where(r => r.NodeId == nodeId && r.Month >= first && r.Month <= last).ToListAsync(ct);
        var grouped = childIds.Count == 0 ? [] : await db.NodeMonthStats.AsNoTracking().Where(r => childIds.Contains(r.NodeId) && r.Month >= first && r.Month <= last)
            .GroupBy(r => r.NodeId)
            .Select(g => new
            {
                N = g.Count(),
                Sum = new NodeMonthStat
                {
                    NodeId = g.Key, Month = first, Cells = g.Sum(r => r.Cells), PeriodicHeld = g.Sum(r => r.PeriodicHeld), PeriodicOnTime = g.Sum(r => r.PeriodicOnTime),
                    ThematicHeld = g.Sum(r => r.ThematicHeld), Expected = g.Sum(r => r.Expected), Present = g.Sum(r => r.Present), AbsentExcused = g.Sum(r => r.AbsentExcused),
                    AbsentUnexcused = g.Sum(r => r.AbsentUnexcused), RatedGood = g.Sum(r => r.RatedGood), RatedFair = g.Sum(r => r.RatedFair), RatedAverage = g.Sum(r => r.RatedAverage),
                    RatedPoor = g.Sum(r => r.RatedPoor), Remarks = g.Sum(r => r.Remarks), Visits = g.Sum(r => r.Visits), ThematicPlanned = g.Sum(r => r.ThematicPlanned),
                    LongAbsences = g.Sum(r => r.LongAbsences), CellsMeeting = g.Sum(r => r.CellsMeeting), CellsVisited = g.Sum(r => r.CellsVisited),
                },
            }).ToListAsync(ct);
        var counts = grouped.ToDictionary(g => g.Sum.NodeId, g => g.N);
        var sums = grouped.Select(g => g.Sum).ToList();
        // A month nobody has written to yet (no meeting saved since its first day) has no row: its cells are counted from the tree.
        foreach (var m in months.Where(m => !mine.Any(r => r.Month == m)))
            mine.Add(new NodeMonthStat { NodeId = nodeId, Month = m, Cells = await Rollups.CellsUnderAsync(db, nodeId, m.AddMonths(1).AddDays(-1), ct) });
        foreach (var c in children.Where(c => counts.GetValueOrDefault(c.Id) < months.Count))
        {
            var have = await db.NodeMonthStats.Where(r => r.NodeId == c.Id && r.Month >= first && r.Month <= last).Select(r => r.Month).ToListAsync(ct);
            foreach (var m in months.Except(have))
                sums.Add(new NodeMonthStat { NodeId = c.Id, Month = m, Cells = await Rollups.CellsUnderAsync(db, c.Id, m.AddMonths(1).AddDays(-1), ct) });
        }
        var list = children.Select(c => new ChildFigures(c.Id, c.Name, c.IsCell, Figures.Sum(sums.Where(r => r.NodeId == c.Id))))
            .OrderBy(c => c.Figures.HeldRate ?? 101).ThenBy(c => c.Figures.AttendanceRate ?? 101).ThenBy(c => c.Name).ToList();
        return new DashboardDto(node.Id, node.Name, node.TypeName, node.IsCell, first, end, Figures.Sum(mine),
            months.Select(m => new MonthPoint(m, Figures.Sum(mine.Where(r => r.Month == m)))).ToList(), list, await db.AncestorsAsync(nodeId, end, ct),
            await TopTopicsAsync(db, nodeId, first, last, ct));
    }

    /// <summary>The ten topics most discussed under a node in the period: remarks, then meetings, then agenda items (one grouped read of its topic months).</summary>
    public static Task<List<TopicDiscussed>> TopTopicsAsync(AppDbContext db, int nodeId, DateOnly first, DateOnly last, CancellationToken ct = default) =>
        (from g in db.NodeTopicMonthStats.Where(r => r.NodeId == nodeId && r.Month >= first && r.Month <= last).GroupBy(r => r.TopicId)
             .Select(g => new { TopicId = g.Key, Meetings = g.Sum(r => r.Meetings), AgendaItems = g.Sum(r => r.AgendaItems), Remarks = g.Sum(r => r.Remarks) })
         where g.Meetings > 0 || g.AgendaItems > 0 || g.Remarks > 0
         join t in db.Topics on g.TopicId equals t.Id
         orderby g.Remarks descending, g.Meetings descending, g.AgendaItems descending, t.Code
         select new TopicDiscussed(t.Id, t.Code, t.Name, g.Meetings, g.AgendaItems, g.Remarks)).Take(10).ToListAsync(ct);

    /// <summary>The period asked, or the twelve months up to today's (or up to <paramref name="to"/>).</summary>
    public static (DateOnly From, DateOnly To) Period(DateOnly today, DateOnly? from, DateOnly? to)
    {
        var t = to ?? today;
        return (from ?? new DateOnly(t.Year, t.Month, 1).AddMonths(-11), t);
    }

    /// <summary>
    /// Ten years of months at most: a dashboard reads (1 + children) rows a month and counts the cells of each month
    /// nobody wrote to, so a century-long period (1900–2199 are valid dates) would run for minutes, not answer a question.
    /// </summary>
    public const int MaxMonths = 120;

    /// <summary>Why the period cannot be shown (field and Vietnamese reason), or null.</summary>
    public static (string Field, string Message)? Refuse(DateOnly from, DateOnly to)
    {
        if (from > to) return ("from", $"Từ ngày {from.Vn()} ở sau đến ngày {to.Vn()}.");
        if ((to.Year - from.Year) * 12 + to.Month - from.Month + 1 > MaxMonths) return ("from", $"Khoảng thời gian dài quá {MaxMonths / 12} năm: hãy chọn khoảng ngắn hơn.");
        return null;
    }

    static readonly string[] Header =
    [
        "Đơn vị", "Lượt chi bộ phải sinh hoạt", "Lượt chi bộ đã sinh hoạt", "Tỷ lệ (%)", "Đúng ngày", "Chuyên đề", "Chuyên đề theo kế hoạch", "Phải dự", "Có mặt",
        "Tỷ lệ dự (%)", "Vắng có lý do", "Vắng không lý do", "Vắng quá 3 lần liên tiếp", "Tốt", "Khá", "Trung bình", "Kém", "Ý kiến phát biểu", "Lượt dự của tổ theo dõi",
    ];

    static readonly string[] TopicHeader = ["Mã chủ đề", "Chủ đề được thảo luận nhiều nhất", "Buổi sinh hoạt", "Mục chương trình", "Ý kiến phát biểu"];

    /// <summary>
    /// The tables as the page shows them (children, then the node's total; after a blank row, the topics most discussed):
    /// one source for CSV and XLSX.
    /// </summary>
    public static List<object?[]> Rows(DashboardDto d) =>
        [Header, .. d.Children.Select(c => (c.Name, c.Figures)).Append(("Tổng: " + d.NodeName, d.Totals)).Select(x => new object?[]
        {
            x.Item1, x.Item2.CellMonths, x.Item2.CellsMeeting, x.Item2.HeldRate, x.Item2.PeriodicOnTime, x.Item2.ThematicHeld, x.Item2.ThematicPlanned, x.Item2.Expected,
            x.Item2.Present, x.Item2.AttendanceRate, x.Item2.AbsentExcused, x.Item2.AbsentUnexcused, x.Item2.LongAbsences, x.Item2.RatedGood, x.Item2.RatedFair,
            x.Item2.RatedAverage, x.Item2.RatedPoor, x.Item2.Remarks, x.Item2.Visits,
        }),
        .. d.Topics.Count == 0 ? [] : new object?[][] { [], TopicHeader }.Concat(d.Topics.Select(t => new object?[] { t.Code, t.Name, t.Meetings, t.AgendaItems, t.Remarks }))];

    public static void MapStatistics(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/stats").WithTags("Thống kê").RequireAuthorization();

        g.MapGet("/units/{id:int}", async Task<Results<Ok<DashboardDto>, NotFound, ValidationProblem>> (int id, DateOnly? from, DateOnly? to, UserScope scope, AppDbContext db) =>
        {
            var (f, t) = Period(scope.Today, from, to);
            if (Refuse(f, t) is { } bad) return Problems.Invalid(bad.Field, bad.Message);
            return await LoadAsync(db, id, f, t) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();
        }).Require<DashboardAccess, UnitNeed>(UnitNeed.See)
            .WithSummary("Bảng số liệu sinh hoạt chi bộ của một đơn vị trong kỳ, theo tháng và theo từng đơn vị trực thuộc (đơn vị yếu nhất trước)");

        g.MapGet("/units/{id:int}/export.csv", async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> (int id, DateOnly? from, DateOnly? to, UserScope scope, AppDbContext db) =>
        {
            var (f, t) = Period(scope.Today, from, to);
            if (Refuse(f, t) is { } bad) return Problems.Invalid(bad.Field, bad.Message);
            if (await LoadAsync(db, id, f, t) is not { } d) return TypedResults.NotFound();
            return TypedResults.File(Tables.Csv(Rows(d)), "text/csv; charset=utf-8", $"thong-ke-{id}.csv");
        }).Require<DashboardAccess, UnitNeed>(UnitNeed.See)
            .WithSummary("Xuất bảng số liệu (CSV)");

        g.MapGet("/units/{id:int}/export.xlsx", async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> (int id, DateOnly? from, DateOnly? to, UserScope scope, AppDbContext db) =>
        {
            var (f, t) = Period(scope.Today, from, to);
            if (Refuse(f, t) is { } bad) return Problems.Invalid(bad.Field, bad.Message);
            if (await LoadAsync(db, id, f, t) is not { } d) return TypedResults.NotFound();
            return TypedResults.File(Tables.Xlsx(Rows(d), "Thống kê"), Tables.XlsxType, $"thong-ke-{id}.xlsx");
        }).Require<DashboardAccess, UnitNeed>(UnitNeed.See)
            .WithSummary("Xuất bảng số liệu (XLSX)");
    }
}
