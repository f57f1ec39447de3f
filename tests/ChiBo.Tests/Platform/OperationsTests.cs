using System.Net;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Platform;

public abstract class OperationsTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task HealthChecksTheDatabase()
    {
        var res = await App.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("Healthy", await res.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocumentListsTheApi()
    {
        var doc = await Get(App.CreateClient(), "/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/auth/login", paths);
        Assert.Contains("/api/v1/units/{id}/subtree", paths);
        Assert.Contains("/api/v1/members/{id}/transfer", paths);
        Assert.Contains("/api/v1/imports/{kind}", paths);
        foreach (var meetingPath in new[] { "/api/v1/units/{cellId}/meetings", "/api/v1/meetings/{id}/attendance", "/api/v1/meetings/{id}/minutes",
                     "/api/v1/meetings/{id}/adopt", "/api/v1/meetings/{id}/sign", "/api/v1/meetings/{id}/addenda", "/api/v1/meetings/{id}/rating/confirm",
                     "/api/v1/meetings/{id}/minutes.docx", "/api/v1/rule-sets", "/api/v1/topics",
                     "/api/v1/units/{cellId}/plans/{year}", "/api/v1/plans/{id}/review", "/api/v1/units/{unitId}/plans-overview",
                     "/api/v1/units/{unitId}/schedules/{year}/{month}/send", "/api/v1/monitoring/groups/{id}/assignments",
                     "/api/v1/meetings/{meetingId}/visit", "/api/v1/monitoring/groups/{id}/reports/{year}/{period}/docx", "/api/v1/due", "/api/v1/reminders/run",
                     "/api/v1/campaigns", "/api/v1/campaigns/outlines", "/api/v1/campaigns/{id}/completeness", "/api/v1/campaign-reports/{rid}/compile",
                     "/api/v1/campaign-reports/{rid}/pdf", "/api/v1/campaign-reports/{rid}/conclusion.docx",
                     "/api/v1/documents/{id}/issue", "/api/v1/documents/external",
                     "/api/v1/documents/{id}/sign", "/api/v1/documents/verify", "/api/v1/documents/{id}/verify", "/api/v1/documents/{id}/links",
                     "/api/v1/documents/{id}/pdf", "/api/v1/documents/keys/import", "/api/v1/documents/from-source", "/api/v1/documents/export.csv" })
            Assert.Contains(meetingPath, paths);
    }

    [Fact]
    public async Task ApiErrorsAreProblemDetails()
    {
        var admin = await App.ApiAs("admin");
        var res = await admin.PostAsync("/api/v1/imports/khong-co", new StringContent("x", System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType!.MediaType);
        var body = JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("units", body.GetProperty("errors").GetProperty("kind")[0].GetString());
    }

    [Fact]
    public async Task UnitPageShowsVietnameseLettersUnescaped()
    {
        var pages = await App.PagesAs("btc.tinh");
        var html = await pages.GetStringAsync($"/Units/{await UnitId("LC")}?date=10/01/2023");
        Assert.Contains("Huyện ủy Tam Đường", html);
        Assert.Contains("10/01/2023", html);
    }
}

public class OperationsTestsSqlite(SqliteApp app) : OperationsTests(app), IClassFixture<SqliteApp>;
public class OperationsTestsPostgres(PostgresApp app) : OperationsTests(app), IClassFixture<PostgresApp>;
