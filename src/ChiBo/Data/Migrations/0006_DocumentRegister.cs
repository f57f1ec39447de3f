using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChiBo.Data.Migrations;

/// <summary>The document register: types as data, issuers' terms, documents, and one counter row per issuer, type and term.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123000006_DocumentRegister")]
public class DocumentRegister : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load(migrationBuilder.ActiveProvider, "0006_DocumentRegister"));

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "DocumentCounters", "PartyDocuments", "IssuerTerms", "DocumentTypes" }) migrationBuilder.DropTable(table);
    }
}
