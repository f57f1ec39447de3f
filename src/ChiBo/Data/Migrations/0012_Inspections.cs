using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChiBo.Data.Migrations;

/// <summary>Inspection and supervision of meeting practice: a committee's yearly plans, its inspections of cells, the cells' remedies.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000012_Inspections")]
public class Inspections : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load(migrationBuilder.ActiveProvider, "0012_Inspections"));

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Remedies");
        migrationBuilder.DropTable("Inspections");
        migrationBuilder.DropTable("InspectionPlans");
    }
}
