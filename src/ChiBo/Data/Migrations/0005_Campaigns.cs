using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChiBo.Data.Migrations;

/// <summary>Review campaigns (seed 002): levels with deadlines, outlines with their sections, units' reports with sections and members' comments.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123000005_Campaigns")]
public class Campaigns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load(migrationBuilder.ActiveProvider, "0005_Campaigns"));

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "CampaignReportComments", "CampaignReportSections", "CampaignReports", "CampaignLevels", "Campaigns", "OutlineSections", "ReportOutlines" })
            migrationBuilder.DropTable(table);
    }
}
