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
/// The topic roll-ups ("topics most discussed") on the demo year plus a cell with: a thematic meeting on CD2 whose remarks
/// inherit the topic and one remark tagged CD3; a periodic meeting with an agenda item tagged CD3, a remark tagged CD1 and a
/// remark added on its own while the minutes were open; a thematic meeting on CD4 held and then cancelled (out of the held
/// states, so it no longer counts). Kept rows = each cell month's records = the nodes' sums on the tree as it was = a rebuild.
/// </summary>
public abstract partial class RollupTests
{
    [Fact]
    public async Task TopicRollupsEqualADirectComputationAndARebuildAndTheDashboardListsTheMostDiscussedFirst()
    {
        Assert.SkipWhen(App.Unavailable, ChiBoApp.SkipReason);
        var ct = TestContext.Current.CancellationToken;
        var f = await MeetingFlow.CreateAsync(App);
        Dictionary<string, int> topics;
        await using (var s = App.Services.CreateAsyncScope())
            topics = await s.ServiceProvider.GetRequiredService<AppDbContext>().Topics.ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        var (cd1, cd2, cd3, cd4) = (topics["CD1"], topics["CD2"], topics["CD3"], topics["CD4"]);
        var speakers = f.Official.Take(3).ToList();

        // February: thematic on CD2; its content items carry CD2 from the template, three remarks inherit it, one is tagged CD3.
        var thematic = await Open(f, "2026-02-20", "Thematic", cd2);
        var cd2Items = Agenda(thematic).Count(a => TopicOf(a) == cd2);
        Assert.True(cd2Items > 0, "the thematic template tags its content items with the meeting's topic");
        thematic = await Minutes(f, thematic, (a, first) => (TopicOf(a), first ? [.. speakers.Select(s => (s, (int?)null)), (f.Official[4], cd3)] : []));
        await f.Adopt(await f.VoteAll(thematic));

        // March: periodic; its first content item tagged CD3 with two remarks, a remark tagged CD1 on the next item, then one more
        // remark on the CD3 item added on its own (a save that touches only a remark).
        var periodic = await Open(f, "2026-03-03", "Periodic", null);
        var second = Agenda(periodic).Where(a => a.GetProperty("section").GetString() == "Content").Skip(1).First().GetProperty("id").GetInt32();
        periodic = await Minutes(f, periodic, (a, first) => first ? (cd3, [(speakers[0], null), (speakers[1], null)])
            : a.GetProperty("id").GetInt32() == second ? (null, [(speakers[2], cd1)]) : (TopicOf(a), []));
        var cd3Item = Agenda(periodic).Single(a => TopicOf(a) == cd3).GetProperty("id").GetInt32();
        periodic = await Ok(await f.Clerk.PostAsJsonAsync($"/api/v1/meetings/{Id(periodic)}/agenda/{cd3Item}/remarks",
            new { version = Version(periodic), memberId = f.Official[5], text = "Đề nghị giao việc cụ thể cho từng đảng viên.", topicId = (int?)null }, ct));
        await f.Adopt(await f.VoteAll(periodic));

        // March: thematic on CD4, minutes written, then cancelled: it leaves the held states and its topic with it.
        var cancelled = await Open(f, "2026-03-20", "Thematic", cd4);
        cancelled = await Minutes(f, cancelled, (a, first) => (TopicOf(a), first ? [(speakers[0], null)] : []));
        await Ok(await f.Clerk.PostAsJsonAsync($"/api/v1/meetings/{Id(cancelled)}/cancel", new { version = Version(cancelled) }, ct));
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cells = await db.CellTopicMonthStats.AsNoTracking().ToListAsync(ct);
        var nodes = await db.NodeTopicMonthStats.AsNoTracking().ToListAsync(ct);

        // The cell, by hand.
        (int, int, int) Row(DateOnly month, int topic) => cells.SingleOrDefault(c => c.CellId == f.CellId && c.Month == month && c.TopicId == topic)?.Values() ?? default;
        var (feb, mar) = (new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1));
        Assert.Equal((1, cd2Items, 3), Row(feb, cd2));
        Assert.Equal((0, 0, 1), Row(feb, cd3));
        Assert.Equal((0, 1, 3), Row(mar, cd3));
        Assert.Equal((0, 0, 1), Row(mar, cd1));
        Assert.Equal(default, Row(mar, cd4));
        Assert.Equal(4, cells.Count(c => c.CellId == f.CellId));

        // (1) every cell month (any month that was ever refreshed) has exactly the topic rows its records give.
        var keys = (await db.CellMonthStats.AsNoTracking().Select(c => new { c.CellId, c.Month }).ToListAsync(ct)).Select(c => (c.CellId, c.Month))
            .Union(cells.Select(c => (c.CellId, c.Month))).ToList();
        Assert.Contains(keys, k => k.CellId != f.CellId && cells.Any(c => c.CellId == k.CellId));   // the demo year has topics too
        foreach (var (cell, month) in keys)
        {
            var direct = await Rollups.ComputeTopicsAsync(db, cell, month, ct);
            var kept = cells.Where(c => c.CellId == cell && c.Month == month).ToDictionary(c => c.TopicId, c => c.Values());
            Assert.True(direct.OrderBy(x => x.Key).SequenceEqual(kept.OrderBy(x => x.Key)), $"cell {cell} {month}");
        }

        // (2) every node's topic month is the sum of its cells' on the month's last day (or the cell's last day); zero rows aside.
        var under = new Dictionary<(int Node, DateOnly Month, int Topic), (int, int, int)>();
        foreach (var c in cells)
        {
            var day = await Rollups.AsOfAsync(db, c.CellId, c.Month, ct);
            foreach (var a in await db.UnitClosures.ValidOn(day).Where(x => x.DescendantId == c.CellId).Select(x => x.AncestorId).ToListAsync(ct))
            {
                var (m, i, r) = under.GetValueOrDefault((a, c.Month, c.TopicId));
                under[(a, c.Month, c.TopicId)] = (m + c.Meetings, i + c.AgendaItems, r + c.Remarks);
            }
        }
        var nonZero = nodes.Where(n => n.Values() != default).ToDictionary(n => (n.NodeId, n.Month, n.TopicId), n => n.Values());
        Assert.Equal(under.OrderBy(x => x.Key), nonZero.OrderBy(x => x.Key));
        Assert.Contains(nodes, n => n.TopicId == cd4 && n.Values() == default);   // the cancelled meeting's topic went back to zero

        // (3) a rebuild from scratch gives the same rows.
        await RollupRebuild.RunAsync(db, ct: ct);
        var rebuiltCells = await db.CellTopicMonthStats.AsNoTracking().ToDictionaryAsync(c => (c.CellId, c.Month, c.TopicId), c => c.Values(), ct);
        Assert.Equal(cells.ToDictionary(c => (c.CellId, c.Month, c.TopicId), c => c.Values()).OrderBy(x => x.Key), rebuiltCells.OrderBy(x => x.Key));
        var rebuiltNodes = await db.NodeTopicMonthStats.AsNoTracking().ToDictionaryAsync(n => (n.NodeId, n.Month, n.TopicId), n => n.Values(), ct);
        Assert.Equal(nonZero.OrderBy(x => x.Key), rebuiltNodes.OrderBy(x => x.Key));

        // The API: the cell's topics most discussed first; the commune's equal the direct sums for the period, in the same order.
        var board = await App.ApiAs("btc.tinh");
        var mine = (await Ok(await board.GetAsync($"/api/v1/stats/units/{f.CellId}?from=2026-02-01&to=2026-03-31", ct))).GetProperty("topics").EnumerateArray().ToList();
        Assert.Equal(new[] { "CD3", "CD2", "CD1" }, mine.Select(t => t.GetProperty("code").GetString()));
        Assert.Equal((1, cd2Items, 3), Figures(mine[1]));
        Assert.Equal((0, 1, 4), Figures(mine[0]));
        var binhLu = await UnitId("LC-BL");
        var api = (await Ok(await board.GetAsync($"/api/v1/stats/units/{binhLu}?from=2026-01-01&to=2026-06-30", ct))).GetProperty("topics").EnumerateArray().ToList();
        var expected = under.Where(u => u.Key.Node == binhLu && u.Key.Month >= new DateOnly(2026, 1, 1) && u.Key.Month <= new DateOnly(2026, 6, 1))
            .GroupBy(u => u.Key.Topic).Select(g => (Topic: g.Key, M: g.Sum(x => x.Value.Item1), A: g.Sum(x => x.Value.Item2), R: g.Sum(x => x.Value.Item3)))
            .OrderByDescending(x => x.R).ThenByDescending(x => x.M).ThenByDescending(x => x.A).ThenBy(x => topics.Single(t => t.Value == x.Topic).Key, StringComparer.Ordinal).Take(10).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(x => (x.Topic, x.M, x.A, x.R)), api.Select(t => (t.GetProperty("topicId").GetInt32(), Figures(t).Item1, Figures(t).Item2, Figures(t).Item3)));

        // The export carries the topics after the units' table.
        var csv = await board.GetStringAsync($"/api/v1/stats/units/{f.CellId}/export.csv?from=2026-02-01&to=2026-03-31", ct);
        Assert.Contains("Chủ đề được thảo luận nhiều nhất", csv);
        Assert.Contains($"CD3,", csv);
    }

    static (int, int, int) Figures(JsonElement t) => (t.GetProperty("meetings").GetInt32(), t.GetProperty("agendaItems").GetInt32(), t.GetProperty("remarks").GetInt32());
    static List<JsonElement> Agenda(JsonElement m) => m.GetProperty("minutes").GetProperty("agenda").EnumerateArray().ToList();
    static int? TopicOf(JsonElement a) => a.GetProperty("topicId").ValueKind == JsonValueKind.Null ? null : a.GetProperty("topicId").GetInt32();

    /// <summary>Planned and roll-called on the meeting day (everyone present): the minutes are open.</summary>
    static async Task<JsonElement> Open(MeetingFlow f, string date, string kind, int? topic)
    {
        var d = DateOnly.Parse(date);
        f.At(d.Year, d.Month, d.Day);
        return await Ok(await f.Attend(await f.Plan(date, kind, topic)));
    }

    /// <summary>Minutes keeping the agenda; for each item its topic and remarks (speaker, topic) — the first content item flagged.</summary>
    static async Task<JsonElement> Minutes(MeetingFlow f, JsonElement m, Func<JsonElement, bool, (int? Topic, List<(int Speaker, int? Topic)> Remarks)> say)
    {
        var agenda = Agenda(m);
        var first = agenda.First(a => a.GetProperty("section").GetString() == "Content").GetProperty("id").GetInt32();
        var items = agenda.Select(a =>
        {
            var (topic, remarks) = say(a, a.GetProperty("id").GetInt32() == first);
            return new
            {
                id = a.GetProperty("id").GetInt32(), section = a.GetProperty("section").GetString(), title = a.GetProperty("title").GetString(), topicId = topic,
                conclusion = a.GetProperty("section").GetString() == "Content" ? "Chủ trì kết luận: thống nhất thực hiện." : null,
                remarks = remarks.Select(r => new { memberId = (int?)r.Speaker, speakerName = (string?)null, text = "Nhất trí, đề nghị làm rõ trách nhiệm từng đảng viên.", topicId = r.Topic }).ToList(),
            };
        });
        return await Ok(await f.Clerk.PutAsJsonAsync($"/api/v1/meetings/{Id(m)}/minutes", new
        {
            version = Version(m), startedAt = "19:30:00", endedAt = "21:30:00", chairId = f.Official[0], minutesSecretaryId = f.Official[1],
            resolution = "Chi bộ thống nhất thực hiện.", agenda = items,
        }));
    }
}
