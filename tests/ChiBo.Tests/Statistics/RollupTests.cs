using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Data;
using ChiBo.Features.Organization;
using ChiBo.Features.Statistics;
using ChiBo.Tests.Infrastructure;
using ChiBo.Tests.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChiBo.Tests.Meetings.MeetingFlow;

namespace ChiBo.Tests.Statistics;

/// <summary>
/// The roll-ups kept on every save equal, row for row, (1) each cell month computed from its records, (2) for every node, the
/// sum of its cells' months on the tree as it was, and (3) a rebuild from scratch in SQL — on the demo year plus a cell with the
/// edge cases: exempt and special-duty members, an unexcused absence, a member absent four times running, a transfer mid-year,
/// an addendum to adopted minutes, and the cell merged into another in the middle of the year.
/// </summary>
public abstract partial class RollupTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task RollupsEqualADirectComputationAndARebuildFromScratch()
    {
        Assert.SkipWhen(App.Unavailable, ChiBoApp.SkipReason);
        var f = await MeetingFlow.CreateAsync(App);
        var speakers = f.Official.Take(4).ToList();
        var away = f.Official[3];
        DateOnly[] dates = [new(2026, 1, 3), new(2026, 2, 3), new(2026, 3, 5), new(2026, 4, 3)];
        var march = 0;
        foreach (var d in dates)
        {
            var statuses = new Dictionary<int, string> { [away] = "AbsentExcused" };
            if (d.Month == 3) statuses[f.Official[4]] = "AbsentUnexcused";
            var m = await f.HoldAsync(d.ToString("yyyy-MM-dd"), speakers.Where(s => s != away), statuses: statuses);
            if (d.Month == 3) march = Id(m);
        }
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var admin = await App.ApiAs("admin");
        await Ok(await f.Clerk.PostAsJsonAsync($"/api/v1/meetings/{march}/addenda", new { date = "2026-03-10", text = "Đính chính: kết thúc lúc 21 giờ 20 phút." }));
        var nakhum = await UnitId("LC-BL-NK");
        await Ok(await admin.PostAsJsonAsync($"/api/v1/members/{f.Official[5]}/transfer", new { toCellId = nakhum, date = "2026-05-15", note = "Chuyển sinh hoạt" }));
        var other = await MeetingFlow.CreateAsync(App);
        await other.HoldAsync("2026-06-03", other.Official.Take(3));
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        await Ok(await admin.PostAsJsonAsync($"/api/v1/units/{other.CellId}/merge", new { sourceIds = new[] { f.CellId }, date = "2026-06-15", decision = "Quyết định hợp nhất" }));
        // A cell that met in January, February and April, moved to another commune by a decision dated back to 15/03: from March
        // on its months count under Mường So, no longer under Bình Lư; January and February stay where they were.
        var moved = await MeetingFlow.CreateAsync(App);
        foreach (var d in new[] { "2026-01-03", "2026-02-03", "2026-04-03" }) await moved.HoldAsync(d, moved.Official.Take(3));
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var muongSo = await UnitId("LC-MS");
        await Ok(await admin.PostAsJsonAsync($"/api/v1/units/{moved.CellId}/move", new { newParentId = muongSo, date = "2026-03-15", decision = "Quyết định điều chỉnh" }));
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cells = await db.CellMonthStats.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        var nodes = await db.NodeMonthStats.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);

        // The edge cases, by hand: March has 9 expected (8 official + 1 probationary; exempt and special duty out), 7 present,
        // one excused and one unexcused absence; April is where the fourth absence in a row passes the limit of 3.
        var m3 = cells.Single(c => c.CellId == f.CellId && c.Month == new DateOnly(2026, 3, 1));
        Assert.Equal((1, 9, 7, 1, 1), (m3.PeriodicHeld, m3.Expected, m3.Present, m3.AbsentExcused, m3.AbsentUnexcused));
        Assert.Equal(0, m3.PeriodicOnTime);   // held on the 5th, after the rule's day 3
        Assert.Equal(new[] { 0, 0, 0, 1 }, cells.Where(c => c.CellId == f.CellId).OrderBy(c => c.Month).Select(c => c.LongAbsences));

        // (1) every cell month equals its records; every month with a held meeting has its row.
        foreach (var c in cells)
            Assert.True(c.Values().AsEnumerable().SequenceEqual(await Rollups.ComputeAsync(db, c.CellId, c.Month, TestContext.Current.CancellationToken)), $"cell {c.CellId} {c.Month}");
        var held = await db.Meetings.Where(m => m.Status == Features.Meetings.MeetingStatus.Adopted).Select(m => new { m.CellId, m.Date }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(held.Select(h => CellMonth.Of(h.CellId, h.Date)).Distinct(), k => Assert.Contains(cells, c => c.CellId == k.CellId && c.Month == k.Month));

        // (2) every node month is the sum of the cell months under it on the month's last day (or the cell's last day).
        var under = new Dictionary<(int Node, DateOnly Month), int[]>();
        foreach (var c in cells)
        {
            var day = await Rollups.AsOfAsync(db, c.CellId, c.Month, TestContext.Current.CancellationToken);
            foreach (var a in await db.UnitClosures.ValidOn(day).Where(x => x.DescendantId == c.CellId).Select(x => x.AncestorId).ToListAsync(TestContext.Current.CancellationToken))
                under[(a, c.Month)] = under.TryGetValue((a, c.Month), out var sum) ? sum.Zip(c.Values(), (x, y) => x + y).ToArray() : c.Values();
        }
        // Every month with something under a node has the node's row. A row with nothing under it is all zeros: a save that only
        // touched a plan leaves an all-zero cell month, and a rebuild (the other test of this class may have run one) writes every
        // node's cell count for every month that has any cell month, whether or not its own cells did anything.
        var zeros = new int[MonthFigures.Columns.Length];
        Assert.All(under.Where(u => u.Value.Any(v => v != 0)), u => Assert.Contains(nodes, n => (n.NodeId, n.Month) == u.Key));
        foreach (var n in nodes) Assert.True(under.GetValueOrDefault((n.NodeId, n.Month), zeros).AsEnumerable().SequenceEqual(n.Values()), $"node {n.NodeId} {n.Month}");
        var april = new DateOnly(2026, 4, 1);
        var movedApril = cells.Single(c => c.CellId == moved.CellId && c.Month == april);
        Assert.True(movedApril.PeriodicHeld == 1 && under[(muongSo, april)][4] >= movedApril.Present);
        // The merged cell closed on 15/06: its months before count under Bình Lư, as the tree was then; it has no row after.
        var binhLu = await UnitId("LC-BL");
        Assert.True(under[(binhLu, new DateOnly(2026, 3, 1))][3] >= m3.Expected);
        Assert.DoesNotContain(cells, c => c.CellId == f.CellId && c.Month > new DateOnly(2026, 6, 1));

        // (3) a rebuild from scratch gives the same rows (and counts every node's cells from the tree).
        await RollupRebuild.RunAsync(db, ct: TestContext.Current.CancellationToken);
        var rebuiltCells = await db.CellMonthStats.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        var nonZero = cells.Where(c => c.Values().Any(v => v != 0)).ToList();
        Assert.Equal(nonZero.Count, rebuiltCells.Count);
        foreach (var c in nonZero)
            Assert.True(c.Values().AsEnumerable().SequenceEqual(rebuiltCells.Single(r => r.CellId == c.CellId && r.Month == c.Month).Values()), $"rebuilt cell {c.CellId} {c.Month}");
        var rebuiltNodes = await db.NodeMonthStats.AsNoTracking().ToDictionaryAsync(n => (n.NodeId, n.Month), TestContext.Current.CancellationToken);
        foreach (var n in nodes.Where(n => n.Values().Any(v => v != 0)))
        {
            Assert.True(n.Values().AsEnumerable().SequenceEqual(rebuiltNodes[(n.NodeId, n.Month)].Values()), $"rebuilt node {n.NodeId} {n.Month}");
            Assert.True(n.Cells == rebuiltNodes[(n.NodeId, n.Month)].Cells, $"cells of node {n.NodeId} {n.Month}: kept {n.Cells}, rebuilt {rebuiltNodes[(n.NodeId, n.Month)].Cells}");
        }
        Assert.All(rebuiltNodes.Values, r => Assert.True(under.GetValueOrDefault((r.NodeId, r.Month), zeros).AsEnumerable().SequenceEqual(r.Values()), $"rebuilt node {r.NodeId} {r.Month}"));

        // The dashboard API reads those rows: the commune's March equals the direct sum, and its children are listed worst first.
        var board = await App.ApiAs("btc.tinh");
        var dash = await Ok(await board.GetAsync($"/api/v1/stats/units/{binhLu}?from=2026-03-01&to=2026-03-31", TestContext.Current.CancellationToken));
        var totals = dash.GetProperty("totals");
        Assert.Equal(under[(binhLu, new DateOnly(2026, 3, 1))][4], totals.GetProperty("present").GetInt32());
        Assert.Equal(under[(binhLu, new DateOnly(2026, 3, 1))][3], totals.GetProperty("expected").GetInt32());
        var rates = dash.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("figures").GetProperty("heldRate")).Select(r => r.ValueKind == JsonValueKind.Null ? 101 : r.GetDouble()).ToList();
        Assert.Equal(rates.OrderBy(r => r), rates);
        var outsider = await App.ApiAs("bithu.muongso");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/stats/units/{binhLu}", TestContext.Current.CancellationToken)).StatusCode);
    }
}

public sealed class RollupTestsSqlite(SqliteDemoApp app) : RollupTests(app), IClassFixture<SqliteDemoApp>;
public sealed class RollupTestsPostgres(PostgresDemoApp app) : RollupTests(app), IClassFixture<PostgresDemoApp>;
