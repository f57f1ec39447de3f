using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChiBo.Tests.Infrastructure;

public enum Db { Sqlite, Postgres }

/// <summary>
/// The real app over HTTP with its own fresh database (demo data seeded) per test class.
/// Only the connection, the clock and the key folder differ from production.
/// SQLite: a named in-memory database kept alive by one open connection.
/// PostgreSQL: a database created on PG_TEST_CONN's server and dropped afterwards.
/// </summary>
public abstract class ChiBoApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly string? PgConn = Environment.GetEnvironmentVariable("PG_TEST_CONN");
    public const string Password = "ChiBo@2026";

    readonly string _name = "chibo_t_" + Guid.NewGuid().ToString("N")[..12];
    string _conn = "";
    public abstract Db Kind { get; }
    string SqliteFile => Path.Combine(Path.GetTempPath(), _name + ".db");
    public string MailFolder => Path.Combine(Path.GetTempPath(), _name + "-mail");
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7)));
    public bool Unavailable => Kind == Db.Postgres && string.IsNullOrEmpty(ServerConnection);
    /// <summary>The PostgreSQL server the class's database is made on (a test with its own server overrides it).</summary>
    protected virtual string? ServerConnection => PgConn;
    public const string SkipReason = "PostgreSQL tests need PG_TEST_CONN (set by .ci/run).";

    public async ValueTask InitializeAsync()
    {
        if (Unavailable) return;
        if (Kind == Db.Sqlite)
        {
            // A file, like the product's own SQLite database: a shared-cache in-memory database locks whole tables
            // and can deadlock two concurrent writers, which the file database's busy handling resolves.
            _conn = $"Data Source={SqliteFile}";
        }
        else
        {
            await using var admin = new NpgsqlConnection(ServerConnection);
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_name}", admin);
            await cmd.ExecuteNonQueryAsync();
            _conn = new NpgsqlConnectionStringBuilder(ServerConnection) { Database = _name }.ConnectionString;
        }
        if (UseRealServer)
        {
            UseKestrel(0);
            StartServer();
        }
        else _ = Server; // start now: migrations and demo data run once per class
    }

    /// <summary>Browser tests need a real port: Kestrel on 127.0.0.1 with a free port.</summary>
    protected virtual bool UseRealServer => false;

    /// <summary>
    /// The demo year of meetings takes seconds to make through the services; only the classes that read it
    /// (the demo story itself, the meeting book, the browser) pay for it. Tests that need meetings make their own.
    /// </summary>
    protected virtual bool SeedDemoMeetings => false;

    public Uri RootUri => new(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Kind.ToString());
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("ConnectionStrings:Default", _conn);
        builder.UseSetting("Demo:Meetings", SeedDemoMeetings.ToString());
        // Reminders run when a test asks (on the test clock's date), and mail goes to a folder the test can read.
        builder.UseSetting("Reminders:Enabled", "false");
        builder.UseSetting("Email:Mode", "File");
        builder.UseSetting("Email:Folder", MailFolder);
        builder.UseSetting("DataProtection:KeysFolder", Path.Combine(Path.GetTempPath(), _name + "-keys"));
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Kind == Db.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { SqliteFile, SqliteFile + "-journal", SqliteFile + "-wal", SqliteFile + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        }
        if (Kind == Db.Postgres && !Unavailable)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(ServerConnection);
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        GC.SuppressFinalize(this);
    }

    public string ConnectionString => _conn;

    /// <summary>An API client signed in through the real login endpoint with a bearer token.</summary>
    public async Task<HttpClient> ApiAs(string user, string password = Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var res = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user, password });
        res.EnsureSuccessStatusCode();
        var token = (await res.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A browser-like client signed in through the login page (cookie + antiforgery).</summary>
    public async Task<HttpClient> PagesAs(string user, string password = Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/Account/Login");
        var token = Forms.AntiforgeryToken(login);
        var res = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (res.StatusCode != System.Net.HttpStatusCode.Redirect) throw new InvalidOperationException($"Login as {user} failed: {res.StatusCode}");
        return client;
    }

    /// <summary>
    /// An account made the way an administrator would (the demo has one account per role; refusal tests need more),
    /// attached to <paramref name="unitId"/> with one role and, for a member's account, its member.
    /// </summary>
    public async Task CreateAccountAsync(string userName, int unitId, string role, int? memberId = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ChiBo.Features.Accounts.AppUser>>();
        if (await users.FindByNameAsync(userName) is not null) return;
        var u = new ChiBo.Features.Accounts.AppUser { UserName = userName, FullName = userName, UnitId = unitId, MemberId = memberId, EmailConfirmed = true };
        var r = await users.CreateAsync(u, Password);
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(u, role);
    }

    record TokenResponse(string AccessToken);
}

public sealed class SqliteApp : ChiBoApp { public override Db Kind => Db.Sqlite; }
public sealed class PostgresApp : ChiBoApp { public override Db Kind => Db.Postgres; }
public sealed class SqliteDemoApp : ChiBoApp { public override Db Kind => Db.Sqlite; protected override bool SeedDemoMeetings => true; }
public sealed class PostgresDemoApp : ChiBoApp { public override Db Kind => Db.Postgres; protected override bool SeedDemoMeetings => true; }
public sealed class BrowserApp : ChiBoApp
{
    public override Db Kind => Db.Sqlite;
    protected override bool UseRealServer => true;
    protected override bool SeedDemoMeetings => true;
}

public class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}

public static class Forms
{
    public static string AntiforgeryToken(string html)
    {
        var m = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        if (!m.Success) throw new InvalidOperationException("No antiforgery token on the page.");
        return m.Groups[1].Value;
    }
}
