using System.Net;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Campaigns;

/// <summary>The board builds a campaign on the page: as many levels as it needs, each with its node types, and an earlier campaign's outline.</summary>
public abstract class CampaignBuilderTests(ChiBoApp app) : AppTest(app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FourLevelsAndAnEarlierOutlineFromThePageAndABadRowNamedInVietnamese()
    {
        var province = await UnitId("LC");
        var pages = await App.PagesAs("btc.tinh");
        var index = await pages.GetStringAsync("/Campaigns", Ct);
        Assert.Contains("Thêm cấp", index);
        var outlines = (await Get(await App.ApiAs("btc.tinh"), "/api/v1/campaigns/outlines")).EnumerateArray().ToList();
        var outline = outlines[0].GetProperty("id").GetInt32();
        Dictionary<string, string> Form(string thirdDeadline) => new()
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(index), ["title"] = "Sơ kết bốn cấp 2026", ["kind"] = "Interim",
            ["periodFrom"] = "01/01/2026", ["periodTo"] = "30/06/2026", ["outlineId"] = outline.ToString(),
            ["levels[0].Name"] = "Chi bộ", ["levels[0].Types"] = "CHI_BO", ["levels[0].Deadline"] = "10/07/2026",
            ["levels[1].Name"] = "Chi bộ cơ sở", ["levels[1].Types"] = "CHI_BO_CO_SO", ["levels[1].Deadline"] = "12/07/2026",
            ["levels[2].Name"] = "Đảng bộ cơ sở", ["levels[2].Types"] = "DANG_UY_XA", ["levels[2].Deadline"] = thirdDeadline, ["levels[2].Conference"] = "true",
            ["levels[3].Name"] = "Đảng bộ trực thuộc", ["levels[3].Types"] = "DANG_UY_TRUC_THUOC", ["levels[3].Deadline"] = "25/07/2026",
            // A row left blank is not a level.
            ["levels[4].Name"] = "", ["levels[4].Deadline"] = "",
        };

        var bad = await pages.PostAsync($"/Campaigns?ownerUnitId={province}", new FormUrlEncodedContent(Form("31/02/2026")), Ct);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Cấp “Đảng bộ cơ sở”: thời hạn không hợp lệ", html);
        Assert.Contains("value=\"Đảng bộ trực thuộc\"", html); // what was typed is kept

        var ok = await pages.PostAsync($"/Campaigns?ownerUnitId={province}", new FormUrlEncodedContent(Form("20/07/2026")), Ct);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var id = int.Parse(ok.Headers.Location!.ToString().Split('/').Last());
        var c = await Get(await App.ApiAs("btc.tinh"), $"/api/v1/campaigns/{id}");
        var levels = c.GetProperty("levels").EnumerateArray().ToList();
        Assert.Equal(["Chi bộ", "Chi bộ cơ sở", "Đảng bộ cơ sở", "Đảng bộ trực thuộc"], levels.Select(l => l.GetProperty("name").GetString()!).ToArray());
        Assert.True(levels[2].GetProperty("holdsConference").GetBoolean());
        Assert.False(levels[3].GetProperty("holdsConference").GetBoolean());
        Assert.Equal(outline, c.GetProperty("outlineId").GetInt32());
    }
}

public sealed class CampaignBuilderTestsSqlite(SqliteApp app) : CampaignBuilderTests(app), IClassFixture<SqliteApp>;
public sealed class CampaignBuilderTestsPostgres(PostgresApp app) : CampaignBuilderTests(app), IClassFixture<PostgresApp>;
