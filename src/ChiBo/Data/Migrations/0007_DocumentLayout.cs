using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChiBo.Data.Migrations;

/// <summary>
/// The official layout's parts on each register entry (header lines, Kính gửi, Nơi nhận, signature block, the product record
/// it prints), the chain of documents, issuers' signing keys and signed PDFs.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000007_DocumentLayout")]
public class DocumentLayout : Migration
{
    static readonly (string Column, int? MaxLength)[] Texts =
    [
        ("HeaderParent", 200), ("HeaderIssuer", 200), ("Addressee", 500), ("Recipients", null), ("SignerFor", 200), ("SignerPosition", 200),
        ("SignerName", 200), ("SourceKind", 40),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (column, max) in Texts) migrationBuilder.AddColumn<string>(column, "PartyDocuments", maxLength: max, nullable: true);
        migrationBuilder.AddColumn<string>("SignatureForm", "PartyDocuments", maxLength: 20, nullable: false, defaultValue: "None");
        migrationBuilder.AddColumn<int>("SourceId", "PartyDocuments", nullable: true);
        migrationBuilder.CreateIndex("IX_PartyDocuments_SourceKind_SourceId", "PartyDocuments", ["SourceKind", "SourceId"]);
        migrationBuilder.Sql(SqlScript.Load(migrationBuilder.ActiveProvider, "0007_DocumentLayout"));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "DocumentSignatures", "SigningKeys", "DocumentLinks" }) migrationBuilder.DropTable(table);
        migrationBuilder.DropIndex("IX_PartyDocuments_SourceKind_SourceId", "PartyDocuments");
        foreach (var (column, _) in Texts) migrationBuilder.DropColumn(column, "PartyDocuments");
        migrationBuilder.DropColumn("SignatureForm", "PartyDocuments");
        migrationBuilder.DropColumn("SourceId", "PartyDocuments");
    }
}
