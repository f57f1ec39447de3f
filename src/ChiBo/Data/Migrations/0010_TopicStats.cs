using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChiBo.Data.Migrations;

/// <summary>
/// Topic roll-ups for the dashboards' "topics most discussed": one row per cell, month and topic, one per node, month and topic;
/// kept on every save. A database upgraded with meetings already recorded fills them once with `rebuild-rollups`.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000010_TopicStats")]
public class TopicStats : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load(migrationBuilder.ActiveProvider, "0010_TopicStats"));

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("NodeTopicMonthStats");
        migrationBuilder.DropTable("CellTopicMonthStats");
    }
}
