using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChiBo.Data.Migrations;

/// <summary>
/// Sealed books of minutes: the HMAC keys (Data Protection ciphertext), each minutes' place in its book and its seals,
/// each addendum's seal, and the head of every book. Minutes adopted before are sealed once at the next start.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000016_SealedBooks")]
public class SealedBooks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load(migrationBuilder.ActiveProvider, "0016_SealedBooks"));

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("MinutesBookHeads");
        migrationBuilder.DropTable("MinutesSealKeys");
        migrationBuilder.DropColumn("Seal", "MinutesAddenda");
        foreach (var column in new[] { "BookSeq", "PrevSeal", "Seal", "RecordSeal", "SealKeyId" }) migrationBuilder.DropColumn(column, "Meetings");
    }
}
