using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChiBo.Data.Migrations;

/// <summary>
/// Meetings and everything hung on them (agenda, remarks, attendance, votes, documents, addenda, ratings),
/// the versioned rule sets with their rubric, the topic taxonomy and in-app notifications.
/// Thirteen new tables with their keys and indexes: one reviewed script per provider, like the initial schema.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123000003_Meetings")]
public class Meetings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load(migrationBuilder.ActiveProvider, "0003_Meetings"));

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "RatingScores", "MeetingRatings", "Votes", "Attendances", "Remarks", "AgendaItems", "MeetingDocuments",
                     "MinutesAddenda", "Meetings", "RubricCriteria", "RuleSets", "Topics", "Notifications" })
            migrationBuilder.DropTable(table);
    }
}
