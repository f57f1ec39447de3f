using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChiBo.Data.Migrations;

/// <summary>
/// Annual thematic plans, monthly schedules, monitoring groups with their coverage, assignments, visits and
/// reports; the deadlines that govern them join the rule set (existing rule sets get seed 004's defaults);
/// notifications get a key so a reminder is sent once.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123000004_PlansMonitoring")]
public class PlansMonitoring : Migration
{
    static readonly (string Column, int Default)[] Deadlines =
    [
        ("PlanDueDay", 5), ("PlanDueMonth", 2), ("ScheduleDueDay", 2), ("HalfYearReportDay", 20), ("HalfYearReportMonth", 6),
        ("YearReportDay", 10), ("YearReportMonth", 12),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (column, value) in Deadlines)
            migrationBuilder.AddColumn<int>(column, "RuleSets", nullable: false, defaultValue: value);
        migrationBuilder.AddColumn<string>("Key", "Notifications", maxLength: 200, nullable: true);
        migrationBuilder.CreateIndex("IX_Notifications_UserId_Key", "Notifications", ["UserId", "Key"]);
        migrationBuilder.Sql(SqlScript.Load(migrationBuilder.ActiveProvider, "0004_PlansMonitoring"));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "Visits", "VisitAssignments", "GroupReports", "MonitoringCoverages", "MonitoringGroupMembers", "MonitoringGroups",
                     "ScheduleEntries", "MonthlySchedules", "PlanEvents", "ThematicPlanItems", "ThematicPlans" })
            migrationBuilder.DropTable(table);
        migrationBuilder.DropIndex("IX_Notifications_UserId_Key", "Notifications");
        migrationBuilder.DropColumn("Key", "Notifications");
        foreach (var (column, _) in Deadlines) migrationBuilder.DropColumn(column, "RuleSets");
    }
}
