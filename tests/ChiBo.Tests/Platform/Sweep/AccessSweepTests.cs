using System.Text.Json.Nodes;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Platform.Sweep;

/// <summary>
/// Walks every operation of /openapi/v1.json as no one, a member and the clerk of another commune, a monitoring
/// member whose group covers only that commune, and the secretary of a cell beside Nà Khum — each aimed at records of
/// a place foreign to that account (another cell, another commune, another province): path ids, query ids and body ids
/// all the place's. Any 2xx to such a request, any 5xx, and any answer that carries a foreign place's personal data or
/// made-up record names fails the test, with every offending request listed.
/// </summary>
public abstract class AccessSweepTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task NoAccountReadsOrChangesARecordOutsideItsPlaceThroughAnyOperation()
    {
        var worlds = await Worlds.BuildAsync(App);
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        var doc = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var ops = Operation.Read(doc);
        var requests = new Requests(doc);
        var failures = new List<string>();
        var sent = 0;
        foreach (var (persona, foreign) in worlds.Foreign)
        {
            var client = persona == "" ? anonymous : await App.ApiAs(persona);
            var who = persona == "" ? "không đăng nhập" : persona;
            foreach (var op in ops)
                foreach (var world in foreign)
                    foreach (var (request, carries) in requests.For(op, world))
                    {
                        var url = request.RequestUri!.ToString();
                        var res = await client.SendAsync(request);
                        var body = await res.Content.ReadAsStringAsync();
                        sent++;
                        var status = (int)res.StatusCode;
                        if (status >= 500) failures.Add($"{status} {op.Method} {url} ({who}, {world}): {Short(body)}");
                        else if (status is >= 200 and < 300)
                        {
                            if (carries) failures.Add($"{status} {op.Method} {url} ({who} → bản ghi của {world}): {Short(body)}");
                            else if (world.Markers.FirstOrDefault(m => Unechoed(body, url).Contains(m, StringComparison.Ordinal)) is { } leak)
                                failures.Add($"{status} {op.Method} {url} ({who}) lộ “{leak}” của {world}");
                        }
                    }
        }
        // Every operation was tried by every account against every foreign place at least once.
        Assert.True(sent >= ops.Count * worlds.Foreign.Values.Sum(f => f.Length), $"Only {sent} requests for {ops.Count} operations.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests reached a foreign record or failed:\n" + string.Join("\n", failures.Take(150)));
    }

    /// <summary>The answer without the values the request itself sent (a search echoes its query).</summary>
    static string Unechoed(string body, string url)
    {
        var q = url.IndexOf('?');
        if (q < 0) return body;
        foreach (var pair in url[(q + 1)..].Split('&'))
            if (pair.Split('=', 2) is [_, var v] && v.Length > 0) body = body.Replace(Uri.UnescapeDataString(v), "");
        return body;
    }

    internal static string Short(string body) => body.Length > 200 ? body[..200] + "…" : body;
}

public sealed class SweepApp : ChiBoApp
{
    public override Db Kind => Db.Sqlite;
    protected override bool SeedDemoMeetings => true;
}

public sealed class PostgresSweepApp : ChiBoApp
{
    public override Db Kind => Db.Postgres;
    protected override bool SeedDemoMeetings => true;
}

public class AccessSweepTestsSqlite(SweepApp app) : AccessSweepTests(app), IClassFixture<SweepApp>;
public class AccessSweepTestsPostgres(PostgresSweepApp app) : AccessSweepTests(app), IClassFixture<PostgresSweepApp>;
