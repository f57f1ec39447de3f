using System.Text.Json;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Meetings;

/// <summary>
/// The demo year of meetings is made through the product's services; what it promises in the README is checked
/// here, through the API, on both databases: the screens have something true to show.
/// </summary>
public abstract class DemoStoryTests(ChiBoApp app) : AppTest(app)
{
    async Task<JsonElement> MeetingOn(HttpClient client, string cellCode, string date)
    {
        var cell = await UnitId(cellCode);
        var list = await Get(client, $"/api/v1/units/{cell}/meetings?year={date[..4]}");
        var item = list.EnumerateArray().First(m => m.GetProperty("date").GetString() == date && m.GetProperty("kind").GetString() != "Thematic");
        return await Get(client, $"/api/v1/meetings/{item.GetProperty("id").GetInt32()}");
    }

    [Fact]
    public async Task EveryDemoCellHasAYearOfAdoptedMeetingsWithItsStoryOfLapses()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var board = await App.ApiAs("btc.tinh");
        foreach (var code in new[] { "LC-BL-NK", "LC-MS-KL", "LC-PTT-K5" })
        {
            var list = await Get(board, $"/api/v1/units/{await UnitId(code)}/meetings?year=2026");
            var adopted = list.EnumerateArray().Where(m => m.GetProperty("status").GetString() == "Adopted").ToList();
            Assert.True(adopted.Count >= 11, $"{code}: {adopted.Count} adopted meetings in 2026");
            Assert.Contains(adopted, m => m.GetProperty("kind").GetString() is "Combined" or "Thematic");
        }

        var poor = await MeetingOn(board, "LC-MS-KL", "2026-02-03");
        Assert.True(poor.GetProperty("attendanceSummary").GetProperty("rate").GetDecimal() < 85m);
        Assert.Contains(poor.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("Tỷ lệ dự họp"));
        Assert.Contains(poor.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("Thông báo gửi muộn"));
        Assert.True(poor.GetProperty("minutes").GetProperty("hashIntact").GetBoolean());

        var streak = await MeetingOn(board, "LC-PTT-K5", "2026-09-03");
        Assert.Contains(streak.GetProperty("excusedStreaks").EnumerateArray(), s => s.GetProperty("count").GetInt32() >= 4);

        var secretary = await App.ApiAs("bithu.nakhum");
        var november = await MeetingOn(secretary, "LC-BL-NK", "2026-11-03");
        Assert.Equal("Proposed", november.GetProperty("rating").GetProperty("status").GetString());
        var december = await MeetingOn(secretary, "LC-BL-NK", "2026-12-03");
        Assert.Equal("Planned", december.GetProperty("status").GetString());
        var confirmed = await MeetingOn(secretary, "LC-BL-NK", "2026-10-03");
        Assert.Equal("theodoi.binhlu", confirmed.GetProperty("rating").GetProperty("confirmedBy").GetString());

        // Bình Lư's 2026 plans: one late, one returned; its monitoring group visited every cell in November but Nà Luông.
        var office = await App.ApiAs("vp.binhlu");
        var plans = await Get(office, $"/api/v1/units/{await UnitId("LC-BL")}/plans-overview?year=2026");
        Assert.True(plans.GetProperty("late").GetInt32() >= 1);
        Assert.Equal(1, plans.GetProperty("returned").GetInt32());
        Assert.True(plans.GetProperty("missing").GetInt32() >= 1);
        var leader = await App.ApiAs("totruong.binhlu");
        var group = Assert.Single((await Get(leader, "/api/v1/monitoring/groups")).EnumerateArray());
        var coverage = await Get(leader, $"/api/v1/monitoring/groups/{group.GetProperty("id").GetInt32()}/coverage-report?from=2026-11-01&to=2026-12-01");
        Assert.Equal(6, coverage.GetProperty("cells").GetInt32());
        Assert.Equal(5, coverage.GetProperty("cellsVisited").GetInt32());
        Assert.Equal(["Chi bộ bản Nà Luông"], coverage.GetProperty("neverVisited").EnumerateArray().Select(x => x.GetString()!).ToArray());
    }
}

public sealed class DemoStoryTestsSqlite(SqliteDemoApp app) : DemoStoryTests(app), IClassFixture<SqliteDemoApp>;
public sealed class DemoStoryTestsPostgres(PostgresDemoApp app) : DemoStoryTests(app), IClassFixture<PostgresDemoApp>;
