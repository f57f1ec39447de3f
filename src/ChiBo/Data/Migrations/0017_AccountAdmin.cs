using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChiBo.Data.Migrations;

/// <summary>An account made or reset by staff carries a one-time password: it must be changed at the first login.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000017_AccountAdmin")]
public class AccountAdmin : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load(migrationBuilder.ActiveProvider, "0017_AccountAdmin"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("MustChangePassword", "AspNetUsers");
}
