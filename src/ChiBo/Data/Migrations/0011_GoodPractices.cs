using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChiBo.Data.Migrations;

/// <summary>Good practices recorded by committees from their cells, with evidence from minutes, figures, and the cells that adopted them.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000011_GoodPractices")]
public class GoodPractices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load(migrationBuilder.ActiveProvider, "0011_GoodPractices"));

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PracticeAdoptions");
        migrationBuilder.DropTable("PracticeEvidence");
        migrationBuilder.DropTable("PracticeFigures");
        migrationBuilder.DropTable("GoodPractices");
    }
}
