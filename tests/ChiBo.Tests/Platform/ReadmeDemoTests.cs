using System.Net;
using System.Text.Json;
using ChiBo.Data;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Platform;

/// <summary>
/// The README's demo paragraphs, visited as the accounts they name: every route it points a new user to shows what
/// the paragraph says is there (a demo that contradicts its README is the first thing a province notices).
/// </summary>
public abstract class ReadmeDemoTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task CampaignsUnderTongKetHoldSeed002WithReportsInEveryState()
    {
        var board = await App.PagesAs("btc.tinh");
        var list = await board.GetStringAsync("/Campaigns");
        Assert.Contains(DemoCampaigns.Title, list);

        var api = await App.ApiAs("btc.tinh");
        var campaign = (await Get(api, "/api/v1/campaigns")).EnumerateArray().Single(c => c.GetProperty("title").GetString() == DemoCampaigns.Title);
        var id = campaign.GetProperty("id").GetInt32();
        var page = await board.GetStringAsync($"/Campaigns/{id}");
        foreach (var level in new[] { "Chi bộ", "Đảng bộ cơ sở", "Cấp huyện" }) Assert.Contains(level, page);

        // On 16/04/2017, after the cells' and the communes' deadlines: on time, late, returned, accepted and missing.
        var c = await Get(api, $"/api/v1/campaigns/{id}/completeness?nodeId={await UnitId("LC")}&date=2017-04-16");
        var cells = c.GetProperty("levels")[0];
        Assert.True(cells.GetProperty("onTime").GetInt32() >= 2, cells.ToString());
        Assert.True(cells.GetProperty("late").GetInt32() >= 1, cells.ToString());
        Assert.True(cells.GetProperty("returned").GetInt32() >= 1, cells.ToString());
        Assert.True(cells.GetProperty("accepted").GetInt32() >= 2, cells.ToString());
        Assert.True(cells.GetProperty("missing").GetInt32() >= 1, cells.ToString());
        Assert.True(c.GetProperty("levels")[1].GetProperty("submitted").GetInt32() >= 1);

        // Every account under the province lists it too (it is the province's campaign).
        foreach (var user in new[] { "vp.binhlu", "bithu.nakhum" })
            Assert.Contains(DemoCampaigns.Title, await (await App.PagesAs(user)).GetStringAsync("/Campaigns"));
    }

    [Fact]
    public async Task TheMonitoringGroupHasItsSixMonthReportAndItsDocx()
    {
        var leader = await App.ApiAs("totruong.binhlu");
        var groups = await Get(leader, "/api/v1/monitoring/groups");
        var group = groups.EnumerateArray().First().GetProperty("id").GetInt32();
        var page = await (await App.PagesAs("totruong.binhlu")).GetStringAsync($"/Monitoring/Reports/{group}/2026/HalfYear");
        Assert.Contains("Đã gửi", page);
        var docx = await leader.GetAsync($"/api/v1/monitoring/groups/{group}/reports/2026/HalfYear/docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/v1/monitoring/groups/{group}/reports/2026/Year/docx")).StatusCode);
    }

    [Fact]
    public async Task EveryPageTheReadmeNamesOpensForItsAccount()
    {
        App.Clock.Now = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(7));
        var nakhum = await UnitId("LC-BL-NK");
        var binhLu = await UnitId("LC-BL");
        foreach (var (user, url, expect) in new[]
                 {
                     ("bithu.nakhum", $"/Cells/{nakhum}/Meetings", "Sinh hoạt"),
                     ("dangvien.nakhum", $"/Cells/{nakhum}/Meetings", "Sinh hoạt"),
                     ("vp.binhlu", $"/Units/{binhLu}/Plans", "Kế hoạch"),
                     ("vp.binhlu", $"/Units/{binhLu}/Schedule", "Lịch sinh hoạt"),
                     ("vp.binhlu", $"/Units/{binhLu}/Appraisals", "Xếp loại"),
                     ("vp.binhlu", $"/Units/{binhLu}/Inspections", "01-TB/ĐU"),
                     ("vp.binhlu", $"/Units/{binhLu}/Practices", "dự thảo nghị quyết"),
                     ("totruong.binhlu", "/Monitoring", "Nà Luông"),
                     ("theodoi.binhlu", "/Monitoring", "Tổ dự"),
                     ("btc.tinh", "/Campaigns", "Tổng kết"),
                 })
        {
            var res = await (await App.PagesAs(user)).GetAsync(url);
            var body = await res.Content.ReadAsStringAsync();
            Assert.True(res.StatusCode == HttpStatusCode.OK, $"{user} {url}: {(int)res.StatusCode}");
            Assert.True(body.Contains(expect, StringComparison.OrdinalIgnoreCase), $"{user} {url}: no “{expect}”");
        }
    }
}

public sealed class ReadmeDemoTestsSqlite(SqliteDemoApp app) : ReadmeDemoTests(app), IClassFixture<SqliteDemoApp>;
public sealed class ReadmeDemoTestsPostgres(PostgresDemoApp app) : ReadmeDemoTests(app), IClassFixture<PostgresDemoApp>;
