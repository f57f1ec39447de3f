using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;
using Npgsql;

namespace ChiBo.Tests.Platform;

/// <summary>The app on a PostgreSQL server of its own, so the test can restart that server while it works.</summary>
public sealed class RestartApp : ChiBoApp
{
    readonly Lazy<PrivatePostgres?> _server = new(PrivatePostgres.TryStart);
    public override Db Kind => Db.Postgres;
    protected override string? ServerConnection => _server.Value?.ConnectionString;
    public PrivatePostgres? Database => _server.Value;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server.IsValueCreated) _server.Value?.Dispose();
    }
}

/// <summary>
/// PostgreSQL restarts while 50 clients add members, each write sent with an Idempotency-Key and retried on 503:
/// afterwards every key made exactly one member, every member has its audit row, and no answer was a bare 400 or a 500.
/// </summary>
public class RestartTests(RestartApp app) : IClassFixture<RestartApp>
{
    const int Clients = 50, PerClient = 6;

    [Fact]
    public async Task ARestartUnderFiftyWritersLosesNoWriteDuplicatesNoneAndAnswersOnly503()
    {
        Assert.SkipWhen(PrivatePostgres.BinFolder is null, "No PostgreSQL binaries (/usr/lib/postgresql/*/bin) to run a server of the test's own.");
        var admin = await app.ApiAs("admin");
        var cell = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/units/by-code/LC-BL-NK")).GetProperty("id").GetInt32();
        var clients = new List<HttpClient>();
        for (var i = 0; i < Clients; i++) clients.Add(await app.ApiAs("vp.binhlu"));
        var statuses = new ConcurrentBag<int>();
        var created = 0;

        async Task Write(int c)
        {
            for (var n = 0; n < PerClient; n++)
            {
                var key = $"restart-{c}-{n}";
                for (var attempt = 0; ; attempt++)
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/members")
                    {
                        Content = JsonContent.Create(new
                        {
                            profile = new { fullName = $"Người thử khởi động lại {c}-{n}", dateOfBirth = "1985-03-12", sex = "Male", admittedOn = "2010-05-19", officialOn = "2011-05-19" },
                            cellId = cell, joinedOn = "2020-01-01",
                        }),
                    };
                    request.Headers.Add("Idempotency-Key", key);
                    var res = await clients[c].SendAsync(request);
                    statuses.Add((int)res.StatusCode);
                    if (res.StatusCode == HttpStatusCode.Created) { Interlocked.Increment(ref created); break; }
                    Assert.True(res.StatusCode == HttpStatusCode.ServiceUnavailable, $"{key}: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
                    Assert.True(res.Headers.RetryAfter is not null, "503 without Retry-After");
                    Assert.True(attempt < 300, $"{key} still refused after {attempt} attempts");
                    await Task.Delay(100);
                }
            }
        }

        var writers = Enumerable.Range(0, Clients).Select(c => Task.Run(() => Write(c))).ToList();
        // Restart once the writers are well under way.
        while (Volatile.Read(ref created) < Clients && !writers.All(w => w.IsCompleted)) await Task.Delay(20);
        await Task.Run(() => app.Database!.Restart());
        await Task.WhenAll(writers);

        Assert.DoesNotContain(400, statuses);
        Assert.DoesNotContain(statuses, s => s >= 500 && s != 503);
        Assert.Contains(503, statuses); // the restart did cut requests in flight

        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        var perName = new Dictionary<string, int>();
        await using (var cmd = new NpgsqlCommand("""SELECT "FullName", count(*) FROM "Members" WHERE "FullName" LIKE 'Người thử khởi động lại %' GROUP BY "FullName" """, conn))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) perName[r.GetString(0)] = (int)r.GetInt64(1);
        Assert.Equal(Clients * PerClient, perName.Count);
        Assert.All(perName, kv => Assert.True(kv.Value == 1, $"{kv.Key}: {kv.Value} members"));
        await using var audit = new NpgsqlCommand("""
            SELECT count(*) FROM "Members" m WHERE m."FullName" LIKE 'Người thử khởi động lại %'
              AND NOT EXISTS (SELECT 1 FROM "AuditEntries" a WHERE a."Entity" = 'Member' AND a."EntityId" = m."Id"::text AND a."Action" = 'Added')
            """, conn);
        Assert.Equal(0L, (long)(await audit.ExecuteScalarAsync())!);
    }
}
