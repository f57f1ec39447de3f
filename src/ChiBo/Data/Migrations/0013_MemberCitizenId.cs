using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChiBo.Data.Migrations;

/// <summary>An index on the citizen id (CCCD), so adding or editing one member can refuse a number already used as cheaply as the import does.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000013_MemberCitizenId")]
public class MemberCitizenId : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load(migrationBuilder.ActiveProvider, "0013_MemberCitizenId"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_Members_CitizenId", "Members");
}
