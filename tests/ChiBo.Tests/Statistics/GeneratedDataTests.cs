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
            // Topics the same way (the rule on TopicMonthFigures): every node's topics over the year equal a direct GROUP BY.
            var topics = (await db.NodeTopicMonthStats.AsNoTracking().GroupBy(n => new { n.NodeId, n.TopicId })
                    .Select(g => new { g.Key.NodeId, g.Key.TopicId, M = g.Sum(n => n.Meetings), A = g.Sum(n => n.AgendaItems), R = g.Sum(n => n.Remarks) }).ToListAsync(ct))
                .Where(t => t.M != 0 || t.A != 0 || t.R != 0).ToDictionary(t => (t.NodeId, t.TopicId), t => new long[] { t.M, t.A, t.R });
            var directTopics = (await Rows(conn, """
                WITH m AS (SELECT m."Id", m."CellId", m."TopicId", (date_trunc('month', m."Date") + interval '1 month - 1 day')::date AS d FROM "Meetings" m
                           WHERE m."Status" IN ('Held', 'Adopted') AND m."Kind" IN ('Periodic', 'Thematic', 'Combined')),
                     t AS (SELECT m."CellId", m.d, m."TopicId", 1 AS n, 0 AS a, 0 AS r FROM m WHERE m."TopicId" IS NOT NULL
                           UNION ALL SELECT m."CellId", m.d, i."TopicId", 0, 1, 0 FROM m JOIN "AgendaItems" i ON i."MeetingId" = m."Id" WHERE i."TopicId" IS NOT NULL
                           UNION ALL SELECT m."CellId", m.d, COALESCE(k."TopicId", i."TopicId", m."TopicId"), 0, 0, 1
                             FROM m JOIN "AgendaItems" i ON i."MeetingId" = m."Id" JOIN "Remarks" k ON k."AgendaItemId" = i."Id"
                             WHERE COALESCE(k."TopicId", i."TopicId", m."TopicId") IS NOT NULL)
                SELECT uc."AncestorId", t."TopicId", SUM(t.n), SUM(t.a), SUM(t.r)
                FROM t JOIN "UnitClosures" uc ON uc."DescendantId" = t."CellId" AND uc."ValidFrom" <= t.d AND (uc."ValidTo" IS NULL OR uc."ValidTo" > t.d)
                GROUP BY uc."AncestorId", t."TopicId"
                """)).ToDictionary(r => ((int)r[0], (int)r[1]), r => r[2..]);
            Assert.True(directTopics.Count > 500, $"only {directTopics.Count} node topics");
            Assert.Equal(directTopics.Keys.Order(), topics.Keys.Order());
            foreach (var (key, row) in directTopics) Assert.Equal(row, topics[key]);

            var national = await db.Units.Where(u => u.Code == "VN").Select(u => u.Id).SingleAsync(ct);
            Assert.True(nodes[national].Present > 10_000, "the national root sums every province");

            // Sampled cell months (long absences, plans and topics included) equal their records.
            var sample = await db.CellMonthStats.AsNoTracking().OrderBy(c => c.Id).Where(c => c.Id % 97 == 0).Take(40).ToListAsync(ct);
            Assert.NotEmpty(sample);
            foreach (var c in sample)
            {
                Assert.True(c.Values().AsEnumerable().SequenceEqual(await Rollups.ComputeAsync(db, c.CellId, c.Month, ct)), $"cell {c.CellId} {c.Month}");
                var kept = await db.CellTopicMonthStats.AsNoTracking().Where(t => t.CellId == c.CellId && t.Month == c.Month).ToDictionaryAsync(t => t.TopicId, t => t.Values(), ct);
                Assert.Equal((await Rollups.ComputeTopicsAsync(db, c.CellId, c.Month, ct)).OrderBy(x => x.Key), kept.OrderBy(x => x.Key));
            }
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
