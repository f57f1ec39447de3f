using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChiBo.Data.Migrations;

/// <summary>
/// The first schema, as one reviewed DDL script per provider (embedded beside this file).
/// Later migrations are written with MigrationBuilder operations, which serve both providers.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000001_Initial")]
public class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load(migrationBuilder.ActiveProvider, "0001_Initial"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("The initial schema is not rolled back; restore a backup instead.");
}

static class SqlScript
{
    public static string Load(string? provider, string name)
    {
        var suffix = provider?.Contains("Npgsql") == true ? "postgres" : "sqlite";
        var resource = $"ChiBo.Data.Migrations.{name}.{suffix}.sql";
        using var stream = typeof(SqlScript).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing migration script {resource}.");
        return new StreamReader(stream).ReadToEnd();
    }
}
