using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChiBo.Data.Migrations;

/// <summary>Roll-ups for the dashboards: one row per cell and month, one per node and month; filled by `rebuild-rollups` and kept on every save.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000008_Rollups")]
public class Rollups : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load(migrationBuilder.ActiveProvider, "0008_Rollups"));

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("NodeMonthStats");
        migrationBuilder.DropTable("CellMonthStats");
    }
}
