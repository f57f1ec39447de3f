using System.Net.Http.Json;
using System.Text.Json;

namespace ChiBo.Tests.Infrastructure;

/// <summary>
/// Base of every integration test class. Each concrete class exists twice, one per database
/// (…Sqlite and …Postgres); the PostgreSQL twin skips, saying why, when no server is configured.
/// </summary>
public abstract class AppTest
{
    protected AppTest(ChiBoApp app)
    {
        App = app;
        Assert.SkipWhen(app.Unavailable, ChiBoApp.SkipReason);
    }

    protected ChiBoApp App { get; }
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected async Task<int> UnitId(string code)
    {
        var admin = await App.ApiAs("admin");
        var unit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/by-code/{code}");
        return unit.GetProperty("id").GetInt32();
    }

    protected static async Task<JsonElement> Get(HttpClient client, string url)
    {
        var res = await client.GetAsync(url);
        Assert.True(res.IsSuccessStatusCode, $"GET {url}: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
        return await res.Content.ReadFromJsonAsync<JsonElement>();
    }
}
