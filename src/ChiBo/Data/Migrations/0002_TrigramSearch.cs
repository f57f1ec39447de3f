using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChiBo.Data.Migrations;

/// <summary>
/// On PostgreSQL, "contains" search over 5.6 million folded names needs a trigram index
/// (a B-tree only serves prefixes). SQLite has no such index; its databases are small.
/// pg_trgm is a trusted extension: the database owner may create it.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000002_TrigramSearch")]
public class TrigramSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider?.Contains("Npgsql") != true) return;
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
        migrationBuilder.Sql("CREATE INDEX \"IX_Members_NameKey_trgm\" ON \"Members\" USING gin (\"NameKey\" gin_trgm_ops);");
        migrationBuilder.Sql("CREATE INDEX \"IX_Units_NameKey_trgm\" ON \"Units\" USING gin (\"NameKey\" gin_trgm_ops);");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider?.Contains("Npgsql") != true) return;
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Members_NameKey_trgm\"; DROP INDEX IF EXISTS \"IX_Units_NameKey_trgm\";");
    }
}
