using ChiBo.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ChiBo.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// SQLite (a file under data/) unless Database:Provider says Postgres. Both get the same model
    /// and the same migrations; nothing else in the code knows which one is in use.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration config)
    {
        var provider = config["Database:Provider"] ?? "Sqlite";
        var conn = config.GetConnectionString("Default");
        services.AddScoped<AuditRecorder>();
        services.AddDbContext<AppDbContext>(o =>
        {
            if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
                o.UseNpgsql(conn ?? throw new InvalidOperationException("ConnectionStrings:Default is required for PostgreSQL."));
            else
            {
                conn ??= "Data Source=data/chibo.db";
                EnsureFolder(conn);
                o.UseSqlite(conn);
            }
            // Migrations are hand-written (no design-time package here), so there is no model snapshot to
            // compare with; a test compares the migrated schema with the model instead.
            o.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        return services;
    }

    static void EnsureFolder(string sqliteConn)
    {
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqliteConn).DataSource;
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir) && !path.Contains(":memory:") && !sqliteConn.Contains("Mode=Memory")) Directory.CreateDirectory(dir);
    }

    public static bool IsPostgres(this DatabaseFacade db) => db.ProviderName?.Contains("Npgsql") == true;
}
