using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChiBo.Data.Migrations;

/// <summary>Annual rating schemes (366-QĐ/TW shape), ratings with their steps and scores, and "Chi bộ 4 tốt" records.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000009_Appraisals")]
public class Appraisals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load(migrationBuilder.ActiveProvider, "0009_Appraisals"));

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var t in new[] { "AppraisalEvents", "AppraisalScores", "Appraisals", "AppraisalConditions", "AppraisalCriteria", "AppraisalSchemes", "FourGoodRecords" })
            migrationBuilder.DropTable(t);
    }
}
