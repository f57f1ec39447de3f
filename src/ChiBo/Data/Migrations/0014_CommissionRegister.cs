using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChiBo.Data.Migrations;

/// <summary>
/// A committee's inspection commission keeps its own register: documents carry the office that issues them and the
/// counters number per office ("01-TB/UBKTĐU" beside the committee's "01-TB/ĐU").
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000014_CommissionRegister")]
public class CommissionRegister : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load(migrationBuilder.ActiveProvider, "0014_CommissionRegister"));

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_DocumentCounters_IssuerUnitId_Office_TypeCode_TermKey", "DocumentCounters");
        migrationBuilder.DropColumn("Office", "DocumentCounters");
        migrationBuilder.DropColumn("Office", "PartyDocuments");
        migrationBuilder.CreateIndex("IX_DocumentCounters_IssuerUnitId_TypeCode_TermKey", "DocumentCounters", ["IssuerUnitId", "TypeCode", "TermKey"], unique: true);
    }
}
