using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChiBo.Data.Migrations;

/// <summary>
/// Writes that can be retried (an Idempotency-Key and the answer it got, kept with the write in one transaction),
/// and who recorded a cell's vote on a meeting's rating.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000015_Trust")]
public class Trust : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load(migrationBuilder.ActiveProvider, "0015_Trust"));

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("VotesRecordedBy", "MeetingRatings");
        migrationBuilder.DropTable("IdempotencyRecords");
    }
}
