using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChiBo.Bench;

/// <summary>
/// The database the rows go to. PostgreSQL is the benchmark target (binary COPY with foreign keys and indexes deferred);
/// SQLite serves small-scale correctness runs and demos (prepared INSERTs on one connection, one transaction per province).
/// </summary>
public abstract class Target(string connString)
{
    public string ConnString { get; } = connString;

    /// <summary><c>--provider sqlite|postgres</c>; without it a connection string with a Data Source (or Filename) is SQLite.</summary>
    public static Target Create(string? provider, string connString)
    {
        provider ??= connString.Contains("Data Source", StringComparison.OrdinalIgnoreCase) || connString.Contains("Filename", StringComparison.OrdinalIgnoreCase)
            ? "sqlite" : "postgres";
        return provider.ToLowerInvariant() switch
        {
            "sqlite" => new SqliteTarget(connString),
            "postgres" or "postgresql" => new PostgresTarget(connString),
            _ => throw new ArgumentException($"Unknown --provider {provider}: use sqlite or postgres."),
        };
    }

    /// <summary>Creates (or with reset recreates) the database, migrates and seeds it by the app's start-up path; false if it already holds units.</summary>
    public abstract Task<bool> PrepareAsync(bool reset, Progress progress);
    /// <summary>A new, closed connection for reading reference data (SQL written to work on both providers).</summary>
    public abstract DbConnection Connect();
    public abstract Task BeginLoadAsync(Progress progress);
    /// <summary>The tables for one province (or the national root); <see cref="Tables.CompleteAsync"/> makes them durable.</summary>
    public abstract Task<Tables> OpenTablesAsync();
    public abstract Task EndLoadAsync(Progress progress);
}

public sealed class PostgresTarget(string connString) : Target(connString)
{
    List<Schema.Deferred> _deferred = [];

    public override Task<bool> PrepareAsync(bool reset, Progress progress) => Schema.PrepareAsync(ConnString, reset, progress);
    public override DbConnection Connect() => new NpgsqlConnection(ConnString);

    public override async Task BeginLoadAsync(Progress progress)
    {
        _deferred = await Schema.DeferAsync(ConnString, Tables.All.Select(t => t.Name));
        progress.Line($"deferred {_deferred.Count} foreign keys and indexes for the load");
    }

    public override Task<Tables> OpenTablesAsync() => Tables.OpenAsync(ConnString);

    public override async Task EndLoadAsync(Progress progress)
    {
        await Schema.RestoreAsync(ConnString, _deferred, progress);
        await Schema.FinishAsync(ConnString, Tables.WithIdentity, progress);
    }
}

/// <summary>
/// SQLite has one writer, so every table shares one connection. Foreign keys are off during the load and checked with
/// <c>PRAGMA foreign_key_check</c> after; indexes stay (at the small scales SQLite is for, they cost little). Explicit ids in
/// AUTOINCREMENT tables move sqlite_sequence on by themselves, so the app's own inserts continue after them.
/// </summary>
public sealed class SqliteTarget(string connString) : Target(connString)
{
    SqliteConnection? _load;

    public override async Task<bool> PrepareAsync(bool reset, Progress progress)
    {
        var path = new SqliteConnectionStringBuilder(ConnString).DataSource;
        if (reset && File.Exists(path))
        {
            var header = new byte[16];
            await using (var f = File.OpenRead(path)) await f.ReadExactlyAsync(header);
            if (System.Text.Encoding.ASCII.GetString(header) != "SQLite format 3\0")
                throw new InvalidOperationException($"Refusing to delete {path}: it is not an SQLite database.");
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { path, path + "-journal", path + "-wal", path + "-shm" }) File.Delete(f);
            progress.Line($"deleted {path}");
        }
        await Schema.MigrateAndSeedAsync("Sqlite", ConnString);
        await using var db = new SqliteConnection(ConnString);
        await db.OpenAsync();
        if (await Schema.Scalar<long>(db, "SELECT count(*) FROM \"Units\"") > 0)
        {
            Console.Error.WriteLine($"{path} already holds units (generated or real data). Run with --reset to delete and recreate it.");
            return false;
        }
        progress.Line($"SQLite database {path} migrated and seeded by the app's start-up path");
        return true;
    }

    public override DbConnection Connect() => new SqliteConnection(ConnString);

    public override async Task BeginLoadAsync(Progress progress)
    {
        _load = new SqliteConnection(ConnString);
        await _load.OpenAsync();
        await Schema.Exec(_load, "PRAGMA foreign_keys = OFF");
        await Schema.Exec(_load, "PRAGMA synchronous = OFF");
        await Schema.Exec(_load, "PRAGMA cache_size = -262144");
        progress.Line("foreign keys off for the load (checked after)");
    }

    public override Task<Tables> OpenTablesAsync() => Task.FromResult(Tables.OpenSqlite(_load!));

    public override async Task EndLoadAsync(Progress progress)
    {
        var broken = new List<string>();
        await using (var cmd = _load!.CreateCommand())
        {
            cmd.CommandText = "PRAGMA foreign_key_check";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync() && broken.Count < 10) broken.Add($"{r.GetString(0)} rowid {r.GetValue(1)} → {r.GetString(2)}");
        }
        if (broken.Count > 0) throw new InvalidOperationException("Foreign key check failed: " + string.Join("; ", broken));
        await Schema.Exec(_load, "PRAGMA foreign_keys = ON");
        await Schema.Exec(_load, "PRAGMA synchronous = FULL");
        await Schema.Exec(_load, "ANALYZE");
        await _load.DisposeAsync();
        _load = null;
        SqliteConnection.ClearAllPools();
        progress.Line("foreign keys checked (none broken), ANALYZE done");
    }
}
