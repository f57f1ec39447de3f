using System.Diagnostics;
using ChiBo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Statistics;

/// <summary>
/// Rebuilds every roll-up from the records in a few set-based statements (the same definitions as <see cref="Rollups.ComputeAsync"/> and <see cref="Rollups.ComputeTopicsAsync"/>,
/// written as SQL so a national rebuild is one pass over attendance, not millions of small queries). Run with
/// <c>dotnet run --project src/ChiBo -- rebuild-rollups</c>, after a bulk load or to repair drift.
/// </summary>
public static class RollupRebuild
{
    public static async Task<TimeSpan> RunAsync(AppDbContext db, Action<string>? progress = null, CancellationToken ct = default)
    {
        var pg = db.Database.IsPostgres();
        string Month(string date) => pg ? $"date_trunc('month', {date})::date" : $"date({date}, 'start of month')";
        string MonthEnd(string month) => MonthEndSql(pg, month);
        string Day(string date) => pg ? $"EXTRACT(DAY FROM {date})::int" : $"CAST(strftime('%d', {date}) AS INTEGER)";
        string MakeMonth(string year, string month) => pg ? $"make_date({year}, {month}, 1)" : $"printf('%04d-%02d-01', {year}, {month})";
        var cols = MonthFigures.Columns;
        var names = string.Join(", ", cols.Select(c => $"\"{c}\""));
        var sums = string.Join(", ", cols.Select(c => c is "CellsMeeting" or "CellsVisited" ? $"MAX(x.\"{c}\")" : $"SUM(x.\"{c}\")"));
        string RuleValue(string column) =>
            $"""
            (SELECT r."{column}" FROM "RuleSets" r
              LEFT JOIN "UnitClosures" uc ON uc."AncestorId" = r."UnitId" AND uc."DescendantId" = cm."CellId" AND uc."ValidFrom" <= cm."Day" AND (uc."ValidTo" IS NULL OR uc."ValidTo" > cm."Day")
              WHERE r."EffectiveFrom" <= cm."Day" AND (r."UnitId" IS NULL OR uc."AncestorId" IS NOT NULL)
              ORDER BY CASE WHEN r."UnitId" IS NULL THEN 1000000 ELSE uc."Depth" END, r."EffectiveFrom" DESC, r."Id" DESC LIMIT 1)
            """;

        string Above(string s) => AboveSql(pg, s);

        string[] steps =
        [
            """DELETE FROM "NodeMonthStats" """,
            """DELETE FROM "CellMonthStats" """,
            """DELETE FROM "NodeTopicMonthStats" """,
            """DELETE FROM "CellTopicMonthStats" """,
            "DROP TABLE IF EXISTS rm", "DROP TABLE IF EXISTS cr", "DROP TABLE IF EXISTS cc",
            // Held meetings of the kinds that count, with their month.
            $"""
            CREATE TEMP TABLE rm AS SELECT m."Id", m."CellId", m."Kind", m."Date", m."TopicId", {Month("m.\"Date\"")} AS "Month" FROM "Meetings" m
            WHERE m."Status" IN ('Held', 'Adopted') AND m."Kind" IN ('Periodic', 'Thematic', 'Combined')
            """,
            // The rule in force for each cell month (nearest ancestor's rule set on the month's last day, else the default).
            $"""
            CREATE TEMP TABLE cr AS SELECT cm."CellId", cm."Month", {RuleValue("MeetingDay")} AS "MeetingDay", {RuleValue("MaxExcusedInRow")} AS "Limit"
            FROM (SELECT DISTINCT "CellId", "Month", {MonthEnd("\"Month\"")} AS "Day" FROM rm) cm
            """,
            $"""
            INSERT INTO "CellMonthStats" ("CellId", "Month", {names})
            SELECT x."CellId", x."Month", {sums} FROM (
              SELECT rm."CellId", rm."Month",
                CASE WHEN rm."Kind" IN ('Periodic', 'Combined') THEN 1 ELSE 0 END AS "PeriodicHeld",
                CASE WHEN rm."Kind" IN ('Periodic', 'Combined') AND (cr."MeetingDay" IS NULL OR {Day("rm.\"Date\"")} <= cr."MeetingDay") THEN 1 ELSE 0 END AS "PeriodicOnTime",
                CASE WHEN rm."Kind" IN ('Thematic', 'Combined') THEN 1 ELSE 0 END AS "ThematicHeld",
                COALESCE(a.pr, 0) + COALESCE(a.ae, 0) + COALESCE(a.au, 0) AS "Expected", COALESCE(a.pr, 0) AS "Present", COALESCE(a.ae, 0) AS "AbsentExcused", COALESCE(a.au, 0) AS "AbsentUnexcused",
                CASE WHEN r."Level" = 'Good' THEN 1 ELSE 0 END AS "RatedGood", CASE WHEN r."Level" = 'Fair' THEN 1 ELSE 0 END AS "RatedFair",
                CASE WHEN r."Level" = 'Average' THEN 1 ELSE 0 END AS "RatedAverage", CASE WHEN r."Level" = 'Poor' THEN 1 ELSE 0 END AS "RatedPoor",
                COALESCE(k.n, 0) AS "Remarks", COALESCE(v.n, 0) AS "Visits", 0 AS "ThematicPlanned", 0 AS "LongAbsences",
                CASE WHEN rm."Kind" IN ('Periodic', 'Combined') THEN 1 ELSE 0 END AS "CellsMeeting", CASE WHEN COALESCE(v.n, 0) > 0 THEN 1 ELSE 0 END AS "CellsVisited"
              FROM rm
              JOIN cr ON cr."CellId" = rm."CellId" AND cr."Month" = rm."Month"
              LEFT JOIN (SELECT "MeetingId", SUM(CASE WHEN "Status" = 'Present' THEN 1 ELSE 0 END) AS pr, SUM(CASE WHEN "Status" = 'AbsentExcused' THEN 1 ELSE 0 END) AS ae,
                  SUM(CASE WHEN "Status" = 'AbsentUnexcused' THEN 1 ELSE 0 END) AS au FROM "Attendances" GROUP BY "MeetingId") a ON a."MeetingId" = rm."Id"
              LEFT JOIN "MeetingRatings" r ON r."MeetingId" = rm."Id"
              LEFT JOIN (SELECT i."MeetingId", COUNT(*) AS n FROM "Remarks" k JOIN "AgendaItems" i ON i."Id" = k."AgendaItemId" GROUP BY i."MeetingId") k ON k."MeetingId" = rm."Id"
              LEFT JOIN (SELECT va."MeetingId", COUNT(*) AS n FROM "Visits" vv JOIN "VisitAssignments" va ON va."Id" = vv."AssignmentId" WHERE vv."Attended" GROUP BY va."MeetingId") v ON v."MeetingId" = rm."Id"
              UNION ALL
              SELECT p."CellId", {MakeMonth("p.\"Year\"", "COALESCE(i.\"Month\", i.\"Quarter\" * 3)")}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0
              FROM "ThematicPlanItems" i JOIN "ThematicPlans" p ON p."Id" = i."PlanId" WHERE p."Status" = 'Approved'
              UNION ALL
              SELECT s."CellId", s."Month", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0
              FROM (
                SELECT g.*, ROW_NUMBER() OVER (PARTITION BY g."CellId", g."MemberId", g.absent, g.grp ORDER BY g."Date", g."Id") AS run
                FROM (
                  SELECT rm."CellId", rm."Month", rm."Date", rm."Id", t."MemberId", CASE WHEN t."Status" = 'Present' THEN 0 ELSE 1 END AS absent,
                    ROW_NUMBER() OVER (PARTITION BY rm."CellId", t."MemberId" ORDER BY rm."Date", rm."Id")
                      - ROW_NUMBER() OVER (PARTITION BY rm."CellId", t."MemberId", CASE WHEN t."Status" = 'Present' THEN 0 ELSE 1 END ORDER BY rm."Date", rm."Id") AS grp
                  FROM "Attendances" t JOIN rm ON rm."Id" = t."MeetingId"
                  WHERE t."Status" IN ('Present', 'AbsentExcused', 'AbsentUnexcused')) g) s
              JOIN cr ON cr."CellId" = s."CellId" AND cr."Month" = s."Month"
              WHERE s.absent = 1 AND s.run = cr."Limit" + 1
            ) x GROUP BY x."CellId", x."Month"
            """,
            // Each cell month added to the nodes above the cell on the month's last day (or the cell's last day).
            $"""
            INSERT INTO "NodeMonthStats" ("NodeId", "Month", "Cells", {names})
            SELECT uc."AncestorId", s."Month", 0, {string.Join(", ", cols.Select(c => $"SUM(s.\"{c}\")"))}
            FROM "CellMonthStats" s {Above("s")}
            GROUP BY uc."AncestorId", s."Month"
            """,
            // Topics (the rule is on TopicMonthFigures): held meetings with a topic, agenda items tagged, remarks by their own, item's or meeting's topic.
            """
            INSERT INTO "CellTopicMonthStats" ("CellId", "Month", "TopicId", "Meetings", "AgendaItems", "Remarks")
            SELECT x."CellId", x."Month", x."TopicId", SUM(x.m), SUM(x.a), SUM(x.r) FROM (
              SELECT rm."CellId", rm."Month", rm."TopicId", 1 AS m, 0 AS a, 0 AS r FROM rm WHERE rm."TopicId" IS NOT NULL
              UNION ALL
              SELECT rm."CellId", rm."Month", i."TopicId", 0, 1, 0 FROM rm JOIN "AgendaItems" i ON i."MeetingId" = rm."Id" WHERE i."TopicId" IS NOT NULL
              UNION ALL
              SELECT rm."CellId", rm."Month", COALESCE(k."TopicId", i."TopicId", rm."TopicId"), 0, 0, 1
              FROM rm JOIN "AgendaItems" i ON i."MeetingId" = rm."Id" JOIN "Remarks" k ON k."AgendaItemId" = i."Id"
              WHERE COALESCE(k."TopicId", i."TopicId", rm."TopicId") IS NOT NULL
            ) x GROUP BY x."CellId", x."Month", x."TopicId"
            """,
            $"""
            INSERT INTO "NodeTopicMonthStats" ("NodeId", "Month", "TopicId", "Meetings", "AgendaItems", "Remarks")
            SELECT uc."AncestorId", s."Month", s."TopicId", SUM(s."Meetings"), SUM(s."AgendaItems"), SUM(s."Remarks")
            FROM "CellTopicMonthStats" s {Above("s")}
            GROUP BY uc."AncestorId", s."Month", s."TopicId"
            """,
            // Cells under every node in every month of the span (the expected periodic meetings). SQLite 3.50 would otherwise run the
            // months as a co-routine, rescanning CellMonthStats for every closure row (80 s instead of 0.1 s on ~2,000 cells);
            // PostgreSQL inlines the CTE as it did the sub-select.
            $"""
            CREATE TEMP TABLE cc AS WITH mo AS {(pg ? "" : "MATERIALIZED ")}(SELECT DISTINCT "Month", {MonthEnd("\"Month\"")} AS "Day" FROM "CellMonthStats")
            SELECT uc."AncestorId" AS "NodeId", mo."Month", COUNT(*) AS n
            FROM mo
            JOIN "UnitClosures" uc ON uc."ValidFrom" <= mo."Day" AND (uc."ValidTo" IS NULL OR uc."ValidTo" > mo."Day")
            JOIN "Units" u ON u."Id" = uc."DescendantId" AND u."EffectiveFrom" <= mo."Day" AND (u."EffectiveTo" IS NULL OR u."EffectiveTo" > mo."Day")
            JOIN "UnitTypes" ut ON ut."Id" = u."UnitTypeId" AND ut."IsCell"
            GROUP BY uc."AncestorId", mo."Month"
            """,
            """UPDATE "NodeMonthStats" SET "Cells" = cc.n FROM cc WHERE cc."NodeId" = "NodeMonthStats"."NodeId" AND cc."Month" = "NodeMonthStats"."Month" """,
            $"""
            INSERT INTO "NodeMonthStats" ("NodeId", "Month", "Cells", {names})
            SELECT cc."NodeId", cc."Month", cc.n, {string.Join(", ", cols.Select(_ => "0"))} FROM cc
            WHERE NOT EXISTS (SELECT 1 FROM "NodeMonthStats" n WHERE n."NodeId" = cc."NodeId" AND n."Month" = cc."Month")
            """,
            "DROP TABLE rm", "DROP TABLE cr", "DROP TABLE cc",
        ];
        var watch = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var step in steps)
            {
                var started = watch.Elapsed;
                var rows = await db.Database.ExecuteSqlRawAsync(step, ct);
                progress?.Invoke($"{watch.Elapsed:hh\\:mm\\:ss} {Describe(step)}: {rows:N0} rows in {(watch.Elapsed - started).TotalSeconds:0.0} s");
            }
            await tx.CommitAsync(ct);
        }
        finally { await db.Database.CloseConnectionAsync(); }
        return watch.Elapsed;
    }

    static string MonthEndSql(bool pg, string month) => pg ? $"(({month}) + interval '1 month' - interval '1 day')::date" : $"date({month}, '+1 month', '-1 day')";

    /// <summary>
    /// Joins the closure rows above a cell month's cell (alias <paramref name="s"/>) on the day it is counted: the month's last day,
    /// or the cell's last day if it closed earlier. The ancestor is <c>uc."AncestorId"</c>.
    /// </summary>
    internal static string AboveSql(bool pg, string s)
    {
        var end = MonthEndSql(pg, $"{s}.\"Month\"");
        var dayBefore = pg ? "(u.\"EffectiveTo\" - 1)" : "date(u.\"EffectiveTo\", '-1 day')";
        var day = $"""(CASE WHEN u."EffectiveTo" IS NOT NULL AND u."EffectiveTo" <= {end} THEN {dayBefore} ELSE {end} END)""";
        return $"""JOIN "Units" u ON u."Id" = {s}."CellId" JOIN "UnitClosures" uc ON uc."DescendantId" = {s}."CellId" AND uc."ValidFrom" <= {day} AND (uc."ValidTo" IS NULL OR uc."ValidTo" > {day})""";
    }

    static string Describe(string sql)
    {
        var line = sql.Trim().Split('\n')[0].Trim();
        return line.Length > 70 ? line[..70] + "…" : line;
    }
}
