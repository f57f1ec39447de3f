using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;
using static ChiBo.Tests.Meetings.MeetingFlow;

namespace ChiBo.Tests.Documents;

public abstract class RegisterTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task NumbersRunPerTypeWithinATermRestartInTheNextAndAWithdrawnDraftTakesNone()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var office = await App.ApiAs("vp.binhlu");
        var commune = await UnitId("LC-BL");
        await Ok(await office.PostAsJsonAsync("/api/v1/documents/terms", new { unitId = commune, name = "Nhiệm kỳ 2020–2025", from = "2020-08-01", to = "2025-08-01" }));
        await Ok(await office.PostAsJsonAsync("/api/v1/documents/terms", new { unitId = commune, name = "Nhiệm kỳ 2025–2030", from = "2025-08-01" }));
        var overlap = await office.PostAsJsonAsync("/api/v1/documents/terms", new { unitId = commune, name = "Trùng", from = "2026-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, overlap.StatusCode);
        async Task<JsonElement> Issue(string type, string date)
        {
            var d = await Ok(await office.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = commune, typeCode = type, summary = $"Văn bản {type} ngày {date}" }));
            return await Ok(await office.PostAsJsonAsync($"/api/v1/documents/{Id(d)}/issue", new { date }));
        }
        Assert.Equal("01-CV/ĐU", (await Issue("CV", "2025-06-10")).GetProperty("symbol").GetString());
        Assert.Equal("02-CV/ĐU", (await Issue("CV", "2025-07-01")).GetProperty("symbol").GetString());
        Assert.Equal("01-KH/ĐU", (await Issue("KH", "2025-07-02")).GetProperty("symbol").GetString());   // per type
        Assert.Equal("01-CV/ĐU", (await Issue("CV", "2025-09-01")).GetProperty("symbol").GetString());   // the new term starts again
        var withdrawn = await Ok(await office.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = commune, typeCode = "CV", summary = "Dự thảo bỏ" }));
        await Ok(await office.PostAsync($"/api/v1/documents/{Id(withdrawn)}/withdraw", null));
        Assert.Equal("02-CV/ĐU", (await Issue("CV", "2025-09-02")).GetProperty("symbol").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/v1/documents/{Id(withdrawn)}/issue", new { date = "2025-09-03" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.ApiAs("bithu.nakhum")).PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = commune, typeCode = "CV", summary = "x" })).StatusCode);
    }

    [Fact]
    public async Task FiftyClerksIssuingAtOnceGetFiftyDistinctConsecutiveNumbers()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var board = await App.ApiAs("btc.tinh");
        var province = await UnitId("LC");
        var drafts = new List<int>();
        for (var i = 0; i < 50; i++)
            drafts.Add(Id(await Ok(await board.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = province, typeCode = "TB", summary = $"Thông báo số {i}" }))));
        var clients = new List<HttpClient>();
        for (var i = 0; i < 5; i++) clients.Add(await App.ApiAs("btc.tinh"));
        var results = await Task.WhenAll(drafts.Select((id, i) => clients[i % clients.Count].PostAsJsonAsync($"/api/v1/documents/{id}/issue", new { date = "2026-11-20" })));
        var bodies = await Task.WhenAll(results.Select(async r => (r.StatusCode, Body: await r.Content.ReadAsStringAsync())));
        Assert.All(bodies, b => Assert.True(b.StatusCode == HttpStatusCode.OK, b.Body));
        var numbers = bodies.Select(b => JsonDocument.Parse(b.Body).RootElement.GetProperty("number").GetInt32()).OrderBy(n => n).ToList();
        Assert.Equal(Enumerable.Range(1, 50).ToList(), numbers);
    }
}

public sealed class RegisterTestsSqlite(SqliteApp app) : RegisterTests(app), IClassFixture<SqliteApp>;
public sealed class RegisterTestsPostgres(PostgresApp app) : RegisterTests(app), IClassFixture<PostgresApp>;
