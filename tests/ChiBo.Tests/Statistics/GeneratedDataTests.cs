using System.Data.Common;
using ChiBo.Data;
using ChiBo.Features.Meetings;
using ChiBo.Features.Statistics;
using ChiBo.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChiBo.Tests.Statistics;

/// <summary>
/// The national generator at a small scale (all 34 provinces, ~2,000 cells), then the roll-ups rebuilt from it: every node's
/// figures equal a direct computation over the raw meetings, attendance and ratings (read with EF, summed per ancestor here),
/// and sampled cell months equal their records. Runs on SQLite (prepared INSERTs) and PostgreSQL (binary COPY).
/// </summary>
public abstract class GeneratedDataTests
{
    protected abstract Db Kind { get; }
    /// <summary>A connection string to a database that does not exist yet (the generator creates it).</summary>
    protected abstract string NewDatabase();
    protected abstract DbContextOptions<AppDbContext> Options(string conn);
    protected abstract Task DropAsync(string conn);

    static readonly MeetingKind[] Counted = [MeetingKind.Periodic, MeetingKind.Thematic, MeetingKind.Combined];

    [Fact]
    public async Task TheGeneratorsDataRollsUpToTheSameFiguresAsADirectComputation()
    {
        Assert.SkipWhen(Kind == Db.Postgres && string.IsNullOrEmpty(ChiBoApp.PgConn), ChiBoApp.SkipReason);
        var ct = TestContext.Current.CancellationToken;
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var bench = Directory.GetFiles(Path.Combine(root, "bench/ChiBo.Bench/bin"), "ChiBo.Bench.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).First();
        var conn = NewDatabase();
        try
        {
            var (exit, output) = await ExternalTools.RunAsync("dotnet",
                [bench, "generate", "--scale", "0.002", "--reset", "--provider", Kind == Db.Sqlite ? "sqlite" : "postgres", "--conn", conn], TimeSpan.FromMinutes(5));
            Assert.True(exit == 0, output);

            await using var db = new AppDbContext(Options(conn));
            Assert.Equal(34, await db.Units.CountAsync(u => u.UnitType!.Code == "TINH_UY", ct));
            await RollupRebuild.RunAsync(db, ct: ct);

            var nodes = await db.NodeMonthStats.AsNoTracking().GroupBy(n => n.NodeId)
                .Select(g => new { NodeId = g.Key, Held = g.Sum(n => n.PeriodicHeld), Thematic = g.Sum(n => n.ThematicHeld), Expected = g.Sum(n => n.Expected),
                    Present = g.Sum(n => n.Present), Unexcused = g.Sum(n => n.AbsentUnexcused), Good = g.Sum(n => n.RatedGood), Poor = g.Sum(n => n.RatedPoor) })
                .ToDictionaryAsync(n => n.NodeId, ct);
            var direct = await Direct(db, ct);
            Assert.True(direct.Figures.Count > 500, $"only {direct.Figures.Count} nodes with meetings");
            foreach (var (node, row) in direct.Figures)
            {
                var n = nodes[node];
                Assert.Equal(row, new long[] { n.Held, n.Thematic, n.Expected, n.Present, n.Unexcused, n.Good, n.Poor });
            }
            // Topics the same way (the rule on TopicMonthFigures): every node's topics over the year equal the direct sums.
            var topics = (await db.NodeTopicMonthStats.AsNoTracking().GroupBy(n => new { n.NodeId, n.TopicId })
                    .Select(g => new { g.Key.NodeId, g.Key.TopicId, M = g.Sum(n => n.Meetings), A = g.Sum(n => n.AgendaItems), R = g.Sum(n => n.Remarks) }).ToListAsync(ct))
                .Where(t => t.M != 0 || t.A != 0 || t.R != 0).ToDictionary(t => (t.NodeId, t.TopicId), t => new long[] { t.M, t.A, t.R });
            Assert.True(direct.Topics.Count > 500, $"only {direct.Topics.Count} node topics");
            Assert.Equal(direct.Topics.Keys.Order(), topics.Keys.Order());
            foreach (var (key, row) in direct.Topics) Assert.Equal(row, topics[key]);

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

            await TheAppAddsRowsAfterTheGeneratedOnesStoredAlike(db, ct);
        }
        finally
        {
            await DropAsync(conn);
        }
    }

    record DirectFigures(Dictionary<int, long[]> Figures, Dictionary<(int, int), long[]> Topics);

    /// <summary>
    /// Every held meeting of the counted kinds, under each of its cell's ancestors on the meeting month's last day: periodic and
    /// thematic meetings, expected/present/unexcused attendance, Good and Poor ratings; and per topic, meetings, tagged agenda
    /// items and remarks (by the remark's, the item's or the meeting's topic). Raw rows read with EF, sums made here.
    /// </summary>
    static async Task<DirectFigures> Direct(AppDbContext db, CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Adopted) && Counted.Contains(m.Kind))
            .Select(m => new { m.Id, m.Kind, m.CellId, m.Date, m.TopicId }).ToListAsync(ct);
        var attendance = await db.Attendances.AsNoTracking().GroupBy(a => a.MeetingId)
            .Select(g => new
            {
                MeetingId = g.Key,
                Expected = g.Count(a => a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.AbsentExcused || a.Status == AttendanceStatus.AbsentUnexcused),
                Present = g.Count(a => a.Status == AttendanceStatus.Present), Unexcused = g.Count(a => a.Status == AttendanceStatus.AbsentUnexcused),
            }).ToDictionaryAsync(a => a.MeetingId, ct);
        var ratings = await db.MeetingRatings.AsNoTracking().ToDictionaryAsync(r => r.MeetingId, r => r.Level, ct);
        var closures = (await db.UnitClosures.AsNoTracking().ToListAsync(ct)).ToLookup(c => c.DescendantId);
        var items = (await db.AgendaItems.AsNoTracking().Where(i => i.TopicId != null).Select(i => new { i.MeetingId, TopicId = i.TopicId!.Value }).ToListAsync(ct))
            .ToLookup(i => i.MeetingId, i => i.TopicId);
        var remarks = (await db.Remarks.AsNoTracking().Join(db.AgendaItems, k => k.AgendaItemId, i => i.Id, (k, i) => new { i.MeetingId, TopicId = k.TopicId ?? i.TopicId })
            .ToListAsync(ct)).ToLookup(r => r.MeetingId, r => r.TopicId);

        var figures = new Dictionary<int, long[]>();
        var topics = new Dictionary<(int, int), long[]>();
        foreach (var m in meetings)
        {
            var day = new DateOnly(m.Date.Year, m.Date.Month, 1).AddMonths(1).AddDays(-1);
            var a = attendance.GetValueOrDefault(m.Id);
            var level = ratings.TryGetValue(m.Id, out var l) ? l : (RatingLevel?)null;
            long[] row =
            [
                m.Kind is MeetingKind.Periodic or MeetingKind.Combined ? 1 : 0, m.Kind is MeetingKind.Thematic or MeetingKind.Combined ? 1 : 0,
                a?.Expected ?? 0, a?.Present ?? 0, a?.Unexcused ?? 0, level == RatingLevel.Good ? 1 : 0, level == RatingLevel.Poor ? 1 : 0,
            ];
            var tagged = new List<(int Topic, int Column)>();
            if (m.TopicId is { } t) tagged.Add((t, 0));
            tagged.AddRange(items[m.Id].Select(i => (i, 1)));
            tagged.AddRange(remarks[m.Id].Select(r => r ?? m.TopicId).OfType<int>().Select(r => (r, 2)));
            foreach (var c in closures[m.CellId].Where(c => c.ValidFrom <= day && (c.ValidTo is null || c.ValidTo > day)))
            {
                var sums = figures.TryGetValue(c.AncestorId, out var s) ? s : figures[c.AncestorId] = new long[row.Length];
                for (var i = 0; i < row.Length; i++) sums[i] += row[i];
                foreach (var (topic, column) in tagged)
                {
                    var ts = topics.TryGetValue((c.AncestorId, topic), out var x) ? x : topics[(c.AncestorId, topic)] = new long[3];
                    ts[column]++;
                }
            }
        }
        return new DirectFigures(figures, topics);
    }

    /// <summary>
    /// The generator allocated the ids: the app's next insert must get a fresh one (identity sequence / sqlite_sequence moved on),
    /// and a meeting and rating saved by EF are stored exactly like the generated ones they copy (dates, times, instants, flags, decimals, enums).
    /// </summary>
    static async Task TheAppAddsRowsAfterTheGeneratedOnesStoredAlike(AppDbContext db, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().OrderByDescending(m => m.Id).FirstAsync(ct);
        var rating = await db.MeetingRatings.AsNoTracking().SingleAsync(r => r.MeetingId == meeting.Id, ct);
        var generatedMeeting = meeting.Id;
        var generatedRating = rating.Id;
        meeting.Id = 0;
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        rating.Id = 0;
        rating.MeetingId = meeting.Id;
        db.MeetingRatings.Add(rating);
        await db.SaveChangesAsync(ct);
        Assert.True(meeting.Id > generatedMeeting && rating.Id > generatedRating);

        var connection = db.Database.GetDbConnection();
        Assert.Equal(await Raw(connection, "Meetings", generatedMeeting, "Version"), await Raw(connection, "Meetings", meeting.Id, "Version"));
        Assert.Equal(await Raw(connection, "MeetingRatings", generatedRating, "MeetingId", "Version"), await Raw(connection, "MeetingRatings", rating.Id, "MeetingId", "Version"));
    }

    /// <summary>A row as the database holds it (on SQLite: the stored text, integer or blob), without its id and the columns named.</summary>
    static async Task<List<string>> Raw(DbConnection connection, string table, int id, params string[] skip)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT * FROM \"{table}\" WHERE \"Id\" = {id}";
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        return Enumerable.Range(0, r.FieldCount).Where(i => r.GetName(i) != "Id" && !skip.Contains(r.GetName(i)))
            .Select(i => $"{r.GetName(i)}={(r.IsDBNull(i) ? "null" : r.GetValue(i) is byte[] b ? Convert.ToHexString(b) : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}")
            .ToList();
    }
}

public sealed class GeneratedDataTestsSqlite : GeneratedDataTests
{
    protected override Db Kind => Db.Sqlite;
    protected override string NewDatabase() => $"Data Source={Path.Combine(Path.GetTempPath(), "chibo_gen_" + Guid.NewGuid().ToString("N")[..8] + ".db")}";
    protected override DbContextOptions<AppDbContext> Options(string conn) => new DbContextOptionsBuilder<AppDbContext>().UseSqlite(conn).Options;

    protected override Task DropAsync(string conn)
    {
        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(conn).DataSource;
        foreach (var f in new[] { path, path + "-journal", path + "-wal", path + "-shm" })
            if (File.Exists(f)) File.Delete(f);
        return Task.CompletedTask;
    }
}

public sealed class GeneratedDataTestsPostgres : GeneratedDataTests
{
    protected override Db Kind => Db.Postgres;
    protected override string NewDatabase() =>
        new NpgsqlConnectionStringBuilder(ChiBoApp.PgConn) { Database = "chibo_bench_ci_" + Guid.NewGuid().ToString("N")[..8] }.ConnectionString;
    protected override DbContextOptions<AppDbContext> Options(string conn) => new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(conn).Options;

    protected override async Task DropAsync(string conn)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(ChiBoApp.PgConn);
        await admin.OpenAsync();
        var sql = $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(conn).Database}\" WITH (FORCE)";
        await using var drop = new NpgsqlCommand(sql, admin);
        await drop.ExecuteNonQueryAsync();
    }
}
