using System.Diagnostics;
using ChiBo.Data;
using ChiBo.Features.Statistics;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChiBo.Tests.Statistics;

/// <summary>
/// The national generator at a small scale (all 34 provinces, ~500 cells), then the roll-ups rebuilt from it: every node's
/// figures equal a direct GROUP BY over the raw meetings, attendance and ratings, and sampled cell months equal their records.
/// PostgreSQL only: the generator writes with PostgreSQL's binary COPY.
/// </summary>
public sealed class GeneratedDataTests
{
    [Fact]
    public async Task TheGeneratorsDataRollsUpToTheSameFiguresAsADirectComputation()
    {
        Assert.SkipWhen(string.IsNullOrEmpty(ChiBoApp.PgConn), ChiBoApp.SkipReason);
        var ct = TestContext.Current.CancellationToken;
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var bench = Directory.GetFiles(Path.Combine(root, "bench/ChiBo.Bench/bin"), "ChiBo.Bench.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).First();
        var conn = new NpgsqlConnectionStringBuilder(ChiBoApp.PgConn) { Database = "chibo_bench_ci_" + Guid.NewGuid().ToString("N")[..8] }.ConnectionString;
        try
        {
            var (exit, output) = await ExternalTools.RunAsync("dotnet", [bench, "generate", "--scale", "0.002", "--reset", "--conn", conn], TimeSpan.FromMinutes(5));
            Assert.True(exit == 0, output);

            var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(conn).Options;
            await using var db = new AppDbContext(options);
            Assert.Equal(34, await db.Units.CountAsync(u => u.UnitType!.Code == "TINH_UY", ct));
            await RollupRebuild.RunAsync(db, ct: ct);

            var nodes = await db.NodeMonthStats.AsNoTracking().GroupBy(n => n.NodeId)
                .Select(g => new { NodeId = g.Key, Held = g.Sum(n => n.PeriodicHeld), Thematic = g.Sum(n => n.ThematicHeld), Expected = g.Sum(n => n.Expected),
                    Present = g.Sum(n => n.Present), Unexcused = g.Sum(n => n.AbsentUnexcused), Good = g.Sum(n => n.RatedGood), Poor = g.Sum(n => n.RatedPoor) })
                .ToDictionaryAsync(n => n.NodeId, ct);
            // Direct: every held meeting of the counted kinds, under each of its cell's ancestors on the meeting month's last day.
            var direct = await Rows(conn, """
                WITH m AS (SELECT m."Id", m."Kind", m."CellId", (date_trunc('month', m."Date") + interval '1 month - 1 day')::date AS d FROM "Meetings" m
                           WHERE m."Status" IN ('Held', 'Adopted') AND m."Kind" IN ('Periodic', 'Thematic', 'Combined')),
                     a AS (SELECT "MeetingId", COUNT(*) FILTER (WHERE "Status" IN ('Present', 'AbsentExcused', 'AbsentUnexcused')) AS e,
                           COUNT(*) FILTER (WHERE "Status" = 'Present') AS p, COUNT(*) FILTER (WHERE "Status" = 'AbsentUnexcused') AS u FROM "Attendances" GROUP BY "MeetingId")
                SELECT uc."AncestorId", COUNT(*) FILTER (WHERE m."Kind" IN ('Periodic', 'Combined')), COUNT(*) FILTER (WHERE m."Kind" IN ('Thematic', 'Combined')),
                       COALESCE(SUM(a.e), 0), COALESCE(SUM(a.p), 0), COALESCE(SUM(a.u), 0),
                       COUNT(*) FILTER (WHERE r."Level" = 'Good'), COUNT(*) FILTER (WHERE r."Level" = 'Poor')
                FROM m JOIN "UnitClosures" uc ON uc."DescendantId" = m."CellId" AND uc."ValidFrom" <= m.d AND (uc."ValidTo" IS NULL OR uc."ValidTo" > m.d)
                LEFT JOIN a ON a."MeetingId" = m."Id" LEFT JOIN "MeetingRatings" r ON r."MeetingId" = m."Id"
                GROUP BY uc."AncestorId"
                """);
            Assert.True(direct.Count > 500, $"only {direct.Count} nodes with meetings");
            foreach (var row in direct)
            {
                var n = nodes[(int)row[0]];
                Assert.Equal(row[1..], new long[] { n.Held, n.Thematic, n.Expected, n.Present, n.Unexcused, n.Good, n.Poor });
            }
            var national = await db.Units.Where(u => u.Code == "VN").Select(u => u.Id).SingleAsync(ct);
            Assert.True(nodes[national].Present > 10_000, "the national root sums every province");

            // Sampled cell months (long absences and plans included) equal their records.
            var sample = await db.CellMonthStats.AsNoTracking().OrderBy(c => c.Id).Where(c => c.Id % 97 == 0).Take(40).ToListAsync(ct);
            Assert.NotEmpty(sample);
            foreach (var c in sample)
                Assert.True(c.Values().AsEnumerable().SequenceEqual(await Rollups.ComputeAsync(db, c.CellId, c.Month, ct)), $"cell {c.CellId} {c.Month}");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(ChiBoApp.PgConn);
            await admin.OpenAsync(ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(conn).Database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(ct);
        }
    }

    static async Task<List<long[]>> Rows(string conn, string sql)
    {
        await using var db = new NpgsqlConnection(conn);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, db);
        await using var r = await cmd.ExecuteReaderAsync();
        var list = new List<long[]>();
        while (await r.ReadAsync()) list.Add(Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToInt64(r.GetValue(i))).ToArray());
        return list;
    }
}
