using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace ChiBo.Bench;

/// <summary>
/// The benchmarks of issue 7, against a generated database and the product itself (started here as a child process on
/// 127.0.0.1 so its peak memory can be read): dashboard latency vs a direct GROUP BY over raw rows, recording meetings
/// under concurrent clients, and importing members through the product's import path vs a plain COPY.
/// </summary>
public static class Measure
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var conn = Arg("--conn") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=chibo_bench";
        var app = Arg("--app") ?? Path.GetFullPath("src/ChiBo/bin/Release/net10.0/ChiBo.dll");
        var what = args.Length > 1 ? args[1] : "all";
        await using var server = await Server.StartAsync(app, conn);
        var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromMinutes(30) };
        var token = await LoginAsync(http, "admin");
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Console.WriteLine($"# {DateTime.Now:dd/MM/yyyy HH:mm}, {Environment.ProcessorCount} cores, database {new NpgsqlConnectionStringBuilder(conn).Database}");
        if (what is "all" or "dashboard") await DashboardAsync(http, conn, direct: !args.Contains("--no-direct"));
        if (what is "all" or "record") await RecordAsync(server, conn, int.Parse(Arg("--clients") ?? "32", CultureInfo.InvariantCulture), int.Parse(Arg("--meetings") ?? "2000", CultureInfo.InvariantCulture));
        if (what is "all" or "import") await ImportAsync(http, conn, Arg("--csv") ?? "/tmp/members-1.0.csv", int.Parse(Arg("--rows") ?? "0", CultureInfo.InvariantCulture));
        Console.WriteLine($"server peak memory (VmHWM): {server.PeakMegabytes():N0} MB");
        return 0;
    }

    static async Task<string> LoginAsync(HttpClient http, string user)
    {
        var res = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName = user, password = "ChiBo@2026" });
        res.EnsureSuccessStatusCode();
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    static async Task<T> ScalarAsync<T>(string conn, string sql)
    {
        await using var db = new NpgsqlConnection(conn);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
        return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    static (double P50, double P95) Percentiles(List<double> ms)
    {
        ms.Sort();
        double At(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        return (At(0.50), At(0.95));
    }

    const string From = "2025-12-01", To = "2026-11-30";
    /// <summary>Roll call is taken on the meeting's day, so the recorded meetings are dated today (Vietnam time).</summary>
    static readonly string Today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static async Task DashboardAsync(HttpClient http, string conn, bool direct)
    {
        var nodes = new (string Label, string Sql)[]
        {
            ("national root", """SELECT "Id" FROM "Units" WHERE "Code" = 'VN'"""),
            ("province (largest)", """SELECT c."AncestorId" FROM "UnitClosures" c JOIN "Units" u ON u."Id" = c."AncestorId" JOIN "UnitTypes" t ON t."Id" = u."UnitTypeId" AND t."Code" = 'TINH_UY' GROUP BY c."AncestorId" ORDER BY COUNT(*) DESC LIMIT 1"""),
            ("commune committee", """SELECT u."Id" FROM "Units" u JOIN "UnitTypes" t ON t."Id" = u."UnitTypeId" AND t."Code" = 'DANG_UY_XA' ORDER BY md5(u."Id"::text) LIMIT 1"""),
            ("cell", """SELECT u."Id" FROM "Units" u JOIN "UnitTypes" t ON t."Id" = u."UnitTypeId" AND t."Code" = 'CHI_BO' ORDER BY md5(u."Id"::text) LIMIT 1"""),
        };
        Console.WriteLine("\n| node | children | dashboard p50 | p95 | direct GROUP BY (median of 3) | ratio | same figures |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (label, sql) in nodes)
        {
            var id = await ScalarAsync<int>(conn, sql);
            var url = $"/api/v1/stats/units/{id}?from={From}&to={To}";
            JsonElement body = default;
            for (var i = 0; i < 5; i++) body = await http.GetFromJsonAsync<JsonElement>(url);
            var times = new List<double>();
            for (var i = 0; i < 60; i++)
            {
                var w = Stopwatch.StartNew();
                using var res = await http.GetAsync(url);
                await res.Content.ReadAsByteArrayAsync();
                times.Add(w.Elapsed.TotalMilliseconds);
            }
            var (p50, p95) = Percentiles(times);
            if (!direct)
            {
                Console.WriteLine($"| {label} | {body.GetProperty("children").GetArrayLength()} | {p50:0.0} ms | {p95:0.0} ms | (not run) | | |");
                continue;
            }
            var (figures, directMs) = await DirectAsync(conn, id);
            var t = body.GetProperty("totals");
            var api = new long[] { t.GetProperty("periodicHeld").GetInt32(), t.GetProperty("thematicHeld").GetInt32(), t.GetProperty("expected").GetInt32(), t.GetProperty("present").GetInt32(),
                t.GetProperty("absentUnexcused").GetInt32(), t.GetProperty("ratedGood").GetInt32(), t.GetProperty("ratedFair").GetInt32(), t.GetProperty("ratedAverage").GetInt32(), t.GetProperty("ratedPoor").GetInt32() };
            Console.WriteLine($"| {label} | {body.GetProperty("children").GetArrayLength()} | {p50:0.0} ms | {p95:0.0} ms | {directMs:N0} ms | {directMs / p95:N0}× | {(api.SequenceEqual(figures) ? "yes" : $"NO api {string.Join('/', api)} direct {string.Join('/', figures)}")} |");
        }
    }

    /// <summary>The same totals straight from meetings, attendance and ratings, the subtree taken from the closure on each meeting's month end.</summary>
    static async Task<(long[] Figures, double Ms)> DirectAsync(string conn, int node)
    {
        var sql = $"""
            WITH m AS (
              SELECT m."Id", m."Kind" FROM "Meetings" m
              JOIN "Units" u ON u."Id" = m."CellId"
              JOIN "UnitClosures" uc ON uc."DescendantId" = m."CellId" AND uc."AncestorId" = {node}
                AND uc."ValidFrom" <= (date_trunc('month', m."Date") + interval '1 month - 1 day')::date
                AND (uc."ValidTo" IS NULL OR uc."ValidTo" > (date_trunc('month', m."Date") + interval '1 month - 1 day')::date)
              WHERE m."Status" IN ('Held', 'Adopted') AND m."Kind" IN ('Periodic', 'Thematic', 'Combined') AND m."Date" >= DATE '{From}' AND m."Date" <= DATE '{To}')
            SELECT
              (SELECT COUNT(*) FROM m WHERE "Kind" IN ('Periodic', 'Combined')),
              (SELECT COUNT(*) FROM m WHERE "Kind" IN ('Thematic', 'Combined')),
              (SELECT COUNT(*) FROM "Attendances" a JOIN m ON m."Id" = a."MeetingId" WHERE a."Status" IN ('Present', 'AbsentExcused', 'AbsentUnexcused')),
              (SELECT COUNT(*) FROM "Attendances" a JOIN m ON m."Id" = a."MeetingId" WHERE a."Status" = 'Present'),
              (SELECT COUNT(*) FROM "Attendances" a JOIN m ON m."Id" = a."MeetingId" WHERE a."Status" = 'AbsentUnexcused'),
              (SELECT COUNT(*) FROM "MeetingRatings" r JOIN m ON m."Id" = r."MeetingId" WHERE r."Level" = 'Good'),
              (SELECT COUNT(*) FROM "MeetingRatings" r JOIN m ON m."Id" = r."MeetingId" WHERE r."Level" = 'Fair'),
              (SELECT COUNT(*) FROM "MeetingRatings" r JOIN m ON m."Id" = r."MeetingId" WHERE r."Level" = 'Average'),
              (SELECT COUNT(*) FROM "MeetingRatings" r JOIN m ON m."Id" = r."MeetingId" WHERE r."Level" = 'Poor')
            """;
        await using var db = new NpgsqlConnection(conn);
        await db.OpenAsync();
        var times = new List<double>();
        long[] figures = [];
        for (var i = 0; i < 3; i++)
        {
            var w = Stopwatch.StartNew();
            await using var cmd = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
            await using var r = await cmd.ExecuteReaderAsync();
            await r.ReadAsync();
            figures = Enumerable.Range(0, 9).Select(r.GetInt64).ToArray();
            times.Add(w.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (figures, times[1]);
    }

    /// <summary>
    /// Each client records whole meetings through the API: plan, notice, roll call of the cell's roll (cells of ≥ 30 members),
    /// minutes with remarks and conclusions, adoption — six requests; a meeting counts when adopted.
    /// </summary>
    static async Task RecordAsync(Server server, string conn, int clients, int total)
    {
        var cells = new List<(int Id, int[] Members)>();
        await using (var db = new NpgsqlConnection(conn))
        {
            await db.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                SELECT ms."UnitId", array_agg(ms."MemberId" ORDER BY ms."MemberId") FROM "Memberships" ms
                WHERE ms."To" IS NULL AND NOT EXISTS (SELECT 1 FROM "Meetings" m WHERE m."CellId" = ms."UnitId" AND m."Date" >= DATE '2026-12-01' AND m."Kind" = 'Periodic')
                GROUP BY ms."UnitId" HAVING COUNT(*) BETWEEN 30 AND 34 LIMIT @n
                """, db) { CommandTimeout = 0 };
            cmd.Parameters.AddWithValue("n", total);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) cells.Add((r.GetInt32(0), r.GetFieldValue<int[]>(1)));
        }
        var queue = new System.Collections.Concurrent.ConcurrentQueue<(int Id, int[] Members)>(cells);
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var requestTimes = new System.Collections.Concurrent.ConcurrentBag<double>();
        var failures = 0;
        var token = await LoginAsync(new HttpClient { BaseAddress = new Uri(server.Url) }, "admin");
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            async Task<JsonElement> Send(Func<Task<HttpResponseMessage>> call)
            {
                var w = Stopwatch.StartNew();
                using var res = await call();
                var text = await res.Content.ReadAsStringAsync();
                requestTimes.Add(w.Elapsed.TotalMilliseconds);
                if (!res.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)res.StatusCode} {text}");
                return JsonDocument.Parse(text).RootElement.Clone();
            }
            while (queue.TryDequeue(out var cell))
            {
                var w = Stopwatch.StartNew();
                try
                {
                    var m = await Send(() => http.PostAsJsonAsync($"/api/v1/units/{cell.Id}/meetings", new
                    {
                        kind = "Periodic", date = Today, startTime = "19:30:00", place = "Nhà văn hóa", title = "Sinh hoạt chi bộ tháng 12/2026",
                        contentPreparerId = cell.Members[0], resolutionDrafterId = cell.Members[0],
                    }));
                    var id = m.GetProperty("id").GetInt32();
                    m = await Send(() => http.PostAsync($"/api/v1/meetings/{id}/notice", null));
                    m = await Send(() => http.PutAsJsonAsync($"/api/v1/meetings/{id}/attendance", new
                    {
                        version = m.GetProperty("version").GetInt32(),
                        // Everyone on the cell's roll present (the product marks exempt members itself).
                        entries = cell.Members.Select(memberId => new { memberId, status = "Present" }),
                    }));
                    latencies.Add(w.Elapsed.TotalMilliseconds);
                }
                catch (Exception e)
                {
                    if (Interlocked.Increment(ref failures) <= 3) Console.WriteLine("  failure: " + e.Message[..Math.Min(300, e.Message.Length)]);
                }
            }
        }));
        wall.Stop();
        var (p50, p95) = Percentiles([.. requestTimes]);
        var (m50, m95) = latencies.IsEmpty ? (0, 0) : Percentiles([.. latencies]);
        Console.WriteLine($"\nrecording: {latencies.Count:N0} meetings (plan + notice + roll call of 30–34) by {clients} clients in {wall.Elapsed.TotalSeconds:0.0} s = " +
            $"{latencies.Count / wall.Elapsed.TotalSeconds:0.0} meetings/s; per request p50 {p50:0} ms, p95 {p95:0} ms; per meeting p50 {m50:0} ms, p95 {m95:0} ms; failures {failures}");
    }

    /// <summary>
    /// The members file imported through the product (POST /api/v1/imports/members streamed from disk, all-or-nothing, every
    /// row validated, then waited for), and the same file COPY'd into a bare table on the same server. Whole file by default:
    /// import it into a database with the tree but not the members (<c>generate --tree-only</c>). With <c>--rows N</c>, the
    /// first N rows with fresh card and citizen numbers (for a database that already holds the generated members).
    /// </summary>
    static async Task ImportAsync(HttpClient http, string conn, string csv, int rows)
    {
        var path = csv;
        if (rows > 0)
        {
            path = Path.Combine(Path.GetTempPath(), $"chibo-bench-import-{rows}.csv");
            var stamp = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
            await File.WriteAllLinesAsync(path, File.ReadLines(csv).Take(rows + 1).Select((line, i) =>
            {
                if (i == 0) return line;
                var f = line.Split(',');
                f[6] = $"9{stamp[..4]}{i:D6}";
                f[7] = $"9{stamp}{i:D5}";
                return string.Join(',', f);
            }), new UTF8Encoding(false));
        }
        var lines = 0L;
        foreach (var _ in File.ReadLines(path)) lines++;
        var count = lines - 1;
        var before = await ScalarAsync<long>(conn, "SELECT count(*) FROM \"Members\"");
        var w = Stopwatch.StartNew();
        JsonElement job;
        await using (var file = File.OpenRead(path))
        {
            var res = await http.PostAsync("/api/v1/imports/members", new StreamContent(file, 1 << 16) { Headers = { ContentType = new("text/csv") } });
            job = await res.Content.ReadFromJsonAsync<JsonElement>();
            if (!res.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)res.StatusCode} {job}");
        }
        var uploaded = w.Elapsed.TotalSeconds;
        var id = job.GetProperty("id").GetInt32();
        string status;
        var shown = -10.0;
        do
        {
            await Task.Delay(500);
            job = await http.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}");
            status = job.GetProperty("status").GetString()!;
            if (w.Elapsed.TotalSeconds - shown >= 10)
            {
                shown = w.Elapsed.TotalSeconds;
                Console.WriteLine($"  {shown,6:0} s  {status} {job.GetProperty("percent").GetInt32()} %");
            }
        } while (status is not ("Succeeded" or "Failed"));
        var productSeconds = w.Elapsed.TotalSeconds;
        var errors = job.GetProperty("errors");
        foreach (var e in errors.EnumerateArray().Take(3)) Console.WriteLine($"  line {e.GetProperty("line").GetInt32()}: {e.GetProperty("message").GetString()}");
        var written = await ScalarAsync<long>(conn, "SELECT count(*) FROM \"Members\"") - before;

        await using var db = new NpgsqlConnection(conn);
        await db.OpenAsync();
        await using (var cmd = new NpgsqlCommand("DROP TABLE IF EXISTS bench_members_copy; CREATE TABLE bench_members_copy (a text, b text, c text, d text, e text, f text, g text, h text, i text, j text, k text)", db))
            await cmd.ExecuteNonQueryAsync();
        w.Restart();
        await using (var writer = await db.BeginTextImportAsync("COPY bench_members_copy FROM STDIN (FORMAT csv, HEADER true)"))
        using (var reader = new StreamReader(path, new UTF8Encoding(false), false, 1 << 16))
        {
            var buffer = new char[1 << 16];
            int n;
            while ((n = await reader.ReadAsync(buffer)) > 0) await writer.WriteAsync(buffer, 0, n);
        }
        var copySeconds = w.Elapsed.TotalSeconds;
        var copied = await ScalarAsync<long>(conn, "SELECT count(*) FROM bench_members_copy");
        await using (var cmd = new NpgsqlCommand("DROP TABLE bench_members_copy", db)) await cmd.ExecuteNonQueryAsync();
        if (rows > 0) File.Delete(path);
        Console.WriteLine($"\nimport of {count:N0} members ({new FileInfo(csv).Length / 1e6:N0} MB file): product path {productSeconds:0.0} s (upload {uploaded:0.0} s; " +
            $"{count / productSeconds:N0} rows/s, status {status}, errors {errors.GetArrayLength()}, members written {written:N0}); " +
            $"plain COPY into a bare table {copySeconds:0.0} s ({copied / copySeconds:N0} rows/s, {copied:N0} rows); ratio {productSeconds / copySeconds:0.00}×");
    }
}

/// <summary>The product as a child process on a free port, against the generated database.</summary>
public sealed class Server : IAsyncDisposable
{
    readonly Process _process;
    public string Url { get; }
    Server(Process p, string url) => (_process, Url) = (p, url);

    public static async Task<Server> StartAsync(string app, string conn)
    {
        var url = "http://127.0.0.1:5099";
        var psi = new ProcessStartInfo("dotnet", [app, "--urls", url]) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["Database__Provider"] = "Postgres";
        psi.Environment["ConnectionStrings__Default"] = conn + ";Maximum Pool Size=100";
        psi.Environment["Demo__Seed"] = "false";
        psi.Environment["Reminders__Enabled"] = "false";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Logging__LogLevel__ChiBo.Features.Import"] = "Information";
        var p = Process.Start(psi)!;
        // The importer logs where its time went; everything else the server prints is dropped.
        _ = Task.Run(async () =>
        {
            while (await p.StandardOutput.ReadLineAsync() is { } line)
                if (line.Contains("ChiBo.Features.Import", StringComparison.Ordinal)) Console.WriteLine("  server: " + line);
        });
        _ = p.StandardError.ReadToEndAsync();
        using var http = new HttpClient();
        for (var i = 0; i < 240; i++)
        {
            try { if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode) return new Server(p, url); }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        p.Kill(true);
        throw new InvalidOperationException("The product did not answer /health within 2 minutes.");
    }

    public long PeakMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:"));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(true);
        await _process.WaitForExitAsync();
    }
}
