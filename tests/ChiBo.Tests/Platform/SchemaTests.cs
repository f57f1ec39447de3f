using System.Data.Common;
using ChiBo.Data;
using ChiBo.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace ChiBo.Tests.Platform;

/// <summary>
/// The hand-written migrations must build exactly the schema the model describes: a database built
/// by migrations and one built straight from the model must have the same tables, columns, types,
/// nullability and indexes (the PostgreSQL-only trigram indexes aside).
/// </summary>
public abstract class SchemaTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task MigratedSchemaMatchesTheModel()
    {
        var migrated = await DescribeAsync(App.ConnectionString);
        var fromModel = await BuildFromModelAsync();
        Assert.NotEmpty(migrated);
        Assert.Equal(fromModel, migrated.Where(l => !l.Contains("_trgm")).ToList());
    }

    async Task<List<string>> BuildFromModelAsync()
    {
        var name = "chibo_model_" + Guid.NewGuid().ToString("N")[..8];
        var options = new DbContextOptionsBuilder<AppDbContext>().ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        string conn;
        SqliteConnection? keep = null;
        if (App.Kind == Db.Sqlite)
        {
            conn = $"Data Source={name};Mode=Memory;Cache=Shared";
            keep = new SqliteConnection(conn);
            await keep.OpenAsync();
            options.UseSqlite(conn);
        }
        else
        {
            conn = new NpgsqlConnectionStringBuilder(ChiBoApp.PgConn) { Database = name }.ConnectionString;
            options.UseNpgsql(conn);
        }
        try
        {
            await using (var db = new AppDbContext(options.Options)) await db.Database.EnsureCreatedAsync();
            return await DescribeAsync(conn);
        }
        finally
        {
            if (keep is not null) await keep.DisposeAsync();
            if (App.Kind == Db.Postgres)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(ChiBoApp.PgConn);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    async Task<List<string>> DescribeAsync(string conn)
    {
        await using DbConnection c = App.Kind == Db.Sqlite ? new SqliteConnection(conn) : new NpgsqlConnection(conn);
        await c.OpenAsync();
        var sql = App.Kind == Db.Sqlite
            ? """
              SELECT 'col ' || m.name || '.' || p.name || ' ' || p.type || ' ' || p."notnull" || ' ' || p.pk
              FROM sqlite_master m JOIN pragma_table_info(m.name) p
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EFMigrations%'
              UNION ALL
              SELECT 'idx ' || m.tbl_name || '.' || m.name || ' ' || coalesce(m.sql, '')
              FROM sqlite_master m WHERE m.type = 'index' AND m.tbl_name NOT LIKE '__EFMigrations%'
              """
            : """
              SELECT 'col ' || table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '') || ' ' || is_nullable || ' ' || coalesce(is_identity, '')
              FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
              UNION ALL
              SELECT 'idx ' || tablename || '.' || indexname || ' ' || indexdef
              FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
              """;
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return lines.Order(StringComparer.Ordinal).ToList();
    }
}

public class SchemaTestsSqlite(SqliteApp app) : SchemaTests(app), IClassFixture<SqliteApp>;
public class SchemaTestsPostgres(PostgresApp app) : SchemaTests(app), IClassFixture<PostgresApp>;
