using ChiBo.Features.Meetings;
using Microsoft.AspNetCore.DataProtection;
using System.Data.Common;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ChiBo.Bench;

/// <summary>Database life cycle around the load: create or reset, the product's own migrate-and-seed, and the bulk-load tricks.</summary>
public static class Schema
{
    public static async Task<bool> PrepareAsync(string connString, bool reset, Progress progress)
    {
        var csb = new NpgsqlConnectionStringBuilder(connString);
        var dbName = csb.Database ?? throw new InvalidOperationException("The connection string needs a Database.");
        if (!dbName.StartsWith("chibo_bench", StringComparison.Ordinal))
            throw new InvalidOperationException("Refusing to touch a database whose name does not start with chibo_bench.");
        var admin = new NpgsqlConnectionStringBuilder(connString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            var exists = await Scalar<int>(conn, $"SELECT count(*)::int FROM pg_database WHERE datname = '{dbName}'") > 0;
            if (exists && reset)
            {
                await Exec(conn, $"DROP DATABASE \"{dbName}\" WITH (FORCE)");
                exists = false;
                progress.Line($"dropped database {dbName}");
            }
            if (!exists) await Exec(conn, $"CREATE DATABASE \"{dbName}\"");
        }
        await MigrateAndSeedAsync("Postgres", connString);
        await using var db = new NpgsqlConnection(connString);
        await db.OpenAsync();
        if (await Scalar<long>(db, "SELECT count(*) FROM \"Units\"") > 0)
        {
            Console.Error.WriteLine($"Database {dbName} already holds units (generated or real data). Run with --reset to drop and recreate it.");
            return false;
        }
        progress.Line($"database {dbName} migrated and seeded by the app's start-up path");
        return true;
    }

    /// <summary>
    /// Exactly what the app does when it starts (Program.cs → Startup.MigrateAndSeedAsync): migrations, then unit types,
    /// rule sets, topics, the campaign outline, document types and roles; demo seeding off.
    /// </summary>
    public static async Task MigrateAndSeedAsync(string provider, string connString)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider, ["ConnectionStrings:Default"] = connString, ["Demo:Seed"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddDatabase(config);
        services.AddAccounts();
        // The start-up seals minutes with a key held as Data Protection ciphertext: keys in a folder beside the bench.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(config["DataProtection:KeysFolder"] ?? "data/keys"));
        services.AddMinutesSeal();
        await using var sp = services.BuildServiceProvider();
        await sp.MigrateAndSeedAsync(config);
    }

    public record Deferred(string Table, string Name, string Sql, bool IsIndex);

    /// <summary>
    /// Drops the foreign keys and secondary indexes of the loaded tables and returns their definitions as the
    /// catalog prints them, so they come back identical to what the migrations made (and are validated) afterwards.
    /// </summary>
    public static async Task<List<Deferred>> DeferAsync(string connString, IEnumerable<string> tables)
    {
        var list = string.Join(",", tables.Select(t => $"'\"{t}\"'::regclass"));
        var deferred = new List<Deferred>();
        await using var conn = new NpgsqlConnection(connString);
        await conn.OpenAsync();
        await using (var cmd = new NpgsqlCommand($"""
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE contype = 'f' AND conrelid IN ({list}) ORDER BY conname
            """, conn))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) deferred.Add(new(r.GetString(0), r.GetString(1), r.GetString(2), false));
        await using (var cmd = new NpgsqlCommand($"""
            SELECT i.indrelid::regclass::text, c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid IN ({list}) AND NOT i.indisprimary ORDER BY c.relname
            """, conn))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) deferred.Add(new(r.GetString(0), r.GetString(1), r.GetString(2), true));
        foreach (var d in deferred.Where(d => !d.IsIndex)) await Exec(conn, $"ALTER TABLE {d.Table} DROP CONSTRAINT \"{d.Name}\"");
        foreach (var d in deferred.Where(d => d.IsIndex)) await Exec(conn, $"DROP INDEX \"{d.Name}\"");
        return deferred;
    }

    public static async Task RestoreAsync(string connString, List<Deferred> deferred, Progress progress)
    {
        await using var conn = new NpgsqlConnection(connString);
        await conn.OpenAsync();
        await Exec(conn, "SET maintenance_work_mem = '512MB'");
        foreach (var d in deferred.Where(d => d.IsIndex)) await Exec(conn, d.Sql);
        progress.Line($"recreated {deferred.Count(d => d.IsIndex)} indexes");
        foreach (var d in deferred.Where(d => !d.IsIndex)) await Exec(conn, $"ALTER TABLE {d.Table} ADD CONSTRAINT \"{d.Name}\" {d.Sql}");
        progress.Line($"recreated and validated {deferred.Count(d => !d.IsIndex)} foreign keys");
    }

    /// <summary>Ids were allocated by the generator: move every identity sequence past them, then refresh planner statistics.</summary>
    public static async Task FinishAsync(string connString, IEnumerable<string> tables, Progress progress)
    {
        await using var conn = new NpgsqlConnection(connString);
        await conn.OpenAsync();
        foreach (var t in tables)
            await Exec(conn, $"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'Id'), GREATEST((SELECT max(\"Id\") FROM \"{t}\"), 1), (SELECT max(\"Id\") FROM \"{t}\") IS NOT NULL)");
        await Exec(conn, "ANALYZE");
        progress.Line("identity sequences set, ANALYZE done");
    }

    public static async Task<T> Scalar<T>(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public static async Task Exec(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }
}
