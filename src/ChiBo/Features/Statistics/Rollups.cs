using ChiBo.Data;
using ChiBo.Features.Meetings;
using ChiBo.Features.Monitoring;
using ChiBo.Features.Organization;
using ChiBo.Features.Plans;
using ChiBo.Features.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ChiBo.Features.Statistics;

public readonly record struct CellMonth(int CellId, DateOnly Month)
{
    public static CellMonth Of(int cellId, DateOnly date) => new(cellId, new DateOnly(date.Year, date.Month, 1));
}

/// <summary>
/// Keeps the roll-ups current: after every save that touches a meeting, its attendance, agenda, remarks, rating, a visit or a
/// thematic plan, the cell months concerned (figures and topics) are recomputed from their records and the change is added to
/// every ancestor's month (the tree on the month's last day). Dashboards then read a handful of rows instead of scanning attendance.
/// </summary>
public static class Rollups
{
    static bool Counted(MeetingKind k) => k is MeetingKind.Periodic or MeetingKind.Thematic or MeetingKind.Combined;

    /// <summary>What a save is about to touch: read before the save (original dates and cells of moved meetings included).</summary>
    public sealed class Touch
    {
        readonly HashSet<CellMonth> _keys = [];
        readonly List<Meeting> _added = [];
        readonly HashSet<int> _meetings = [], _agendaItems = [], _assignments = [], _plans = [], _units = [];
        DateOnly _treeFrom = DateOnly.MaxValue;
        public bool Empty => _keys.Count == 0 && _added.Count == 0 && _meetings.Count == 0 && _agendaItems.Count == 0 && _assignments.Count == 0 && _plans.Count == 0
            && _units.Count == 0;
        /// <summary>Units whose place in the tree changed (created, moved, merged, closed) and the earliest day concerned.</summary>
        public (IReadOnlyCollection<int> Units, DateOnly From) Tree => (_units, _treeFrom);

        public static Touch Capture(ChangeTracker tracker)
        {
            var t = new Touch();
            foreach (var e in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                switch (e.Entity)
                {
                    case Meeting m:
                        if (e.State == EntityState.Added) t._added.Add(m);
                        else
                        {
                            t._keys.Add(CellMonth.Of((int)e.Property(nameof(Meeting.CellId)).OriginalValue!, (DateOnly)e.Property(nameof(Meeting.Date)).OriginalValue!));
                            t._keys.Add(CellMonth.Of(m.CellId, m.Date));
                        }
                        break;
                    case Attendance a: t._meetings.Add(a.MeetingId); break;
                    case AgendaItem a: t._meetings.Add(a.MeetingId); break;
                    case MeetingRating r: t._meetings.Add(r.MeetingId); break;
                    case Remark r: t._agendaItems.Add(r.AgendaItemId); break;
                    case Visit v: t._assignments.Add(v.AssignmentId); break;
                    case VisitAssignment a: t._meetings.Add(a.MeetingId); break;
                    case ThematicPlan p: t._plans.Add(p.Id); break;
                    case ThematicPlanItem i: t._plans.Add(i.PlanId); break;
                    case UnitClosure c:
                        t._units.Add(c.DescendantId);
                        t._units.Add(c.AncestorId);
                        var changed = c.ValidTo is { } to && e.State == EntityState.Modified ? to : c.ValidFrom;
                        if (changed < t._treeFrom) t._treeFrom = changed;
                        break;
                }
            }
            return t;
        }

        /// <summary>The cell months, once the save has given new rows their keys.</summary>
        public async Task<HashSet<CellMonth>> ResolveAsync(AppDbContext db, CancellationToken ct)
        {
            var keys = new HashSet<CellMonth>(_keys);
            foreach (var m in _added) keys.Add(CellMonth.Of(m.CellId, m.Date));
            var meetingIds = _meetings.ToList();
            if (_agendaItems.Count > 0) meetingIds.AddRange(await db.AgendaItems.Where(i => _agendaItems.Contains(i.Id)).Select(i => i.MeetingId).ToListAsync(ct));
            if (_assignments.Count > 0) meetingIds.AddRange(await db.VisitAssignments.Where(a => _assignments.Contains(a.Id)).Select(a => a.MeetingId).ToListAsync(ct));
            if (meetingIds.Count > 0)
                foreach (var m in await db.Meetings.Where(m => meetingIds.Contains(m.Id)).Select(m => new { m.CellId, m.Date }).ToListAsync(ct))
                    keys.Add(CellMonth.Of(m.CellId, m.Date));
            if (_plans.Count > 0)
                foreach (var p in await db.ThematicPlans.Where(p => _plans.Contains(p.Id)).Select(p => new { p.CellId, p.Year }).ToListAsync(ct))
                    for (var month = 1; month <= 12; month++) keys.Add(new CellMonth(p.CellId, new DateOnly(p.Year, month, 1)));
            return keys;
        }
    }

    /// <summary>A cell month from its records — the definition every roll-up row must equal.</summary>
    public static async Task<int[]> ComputeAsync(AppDbContext db, int cellId, DateOnly month, CancellationToken ct = default)
    {
        var next = month.AddMonths(1);
        var rules = await RuleSets.InForceAsync(db, cellId, next.AddDays(-1), ct);
        var meetings = (await db.Meetings.AsNoTracking()
                .Where(m => m.CellId == cellId && m.Date >= month && m.Date < next && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Adopted))
                .Select(m => new { m.Id, m.Kind, m.Date }).ToListAsync(ct))
            .Where(m => Counted(m.Kind)).ToList();
        var ids = meetings.Select(m => m.Id).ToList();
        var periodic = meetings.Where(m => m.Kind is MeetingKind.Periodic or MeetingKind.Combined).ToList();
        var f = new CellMonthStat
        {
            CellId = cellId, Month = month, PeriodicHeld = periodic.Count,
            PeriodicOnTime = periodic.Count(m => rules.MeetingDay is not { } day || m.Date.Day <= day),
            ThematicHeld = meetings.Count(m => m.Kind is MeetingKind.Thematic or MeetingKind.Combined),
        };
        if (ids.Count > 0)
        {
            var att = await db.Attendances.Where(a => ids.Contains(a.MeetingId)).GroupBy(a => a.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            int A(AttendanceStatus s) => att.FirstOrDefault(x => x.Key == s)?.N ?? 0;
            (f.Present, f.AbsentExcused, f.AbsentUnexcused) = (A(AttendanceStatus.Present), A(AttendanceStatus.AbsentExcused), A(AttendanceStatus.AbsentUnexcused));
            f.Expected = f.Present + f.AbsentExcused + f.AbsentUnexcused;
            var levels = await db.MeetingRatings.Where(r => ids.Contains(r.MeetingId)).GroupBy(r => r.Level).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            int L(RatingLevel l) => levels.FirstOrDefault(x => x.Key == l)?.N ?? 0;
            (f.RatedGood, f.RatedFair, f.RatedAverage, f.RatedPoor) = (L(RatingLevel.Good), L(RatingLevel.Fair), L(RatingLevel.Average), L(RatingLevel.Poor));
            f.Remarks = await db.Remarks.CountAsync(r => db.AgendaItems.Any(i => i.Id == r.AgendaItemId && ids.Contains(i.MeetingId)), ct);
            f.Visits = await db.Visits.CountAsync(v => v.Attended && db.VisitAssignments.Any(a => a.Id == v.AssignmentId && ids.Contains(a.MeetingId)), ct);
        }
        f.ThematicPlanned = await db.ThematicPlanItems.CountAsync(i => db.ThematicPlans.Any(p => p.Id == i.PlanId && p.CellId == cellId && p.Year == month.Year && p.Status == PlanStatus.Approved)
            && (i.Month == month.Month || (i.Month == null && i.Quarter * 3 == month.Month)), ct);
        f.LongAbsences = await LongAbsencesAsync(db, cellId, month, next, rules.MaxExcusedInRow, ct);
        f.CellsMeeting = f.PeriodicHeld > 0 ? 1 : 0;
        f.CellsVisited = f.Visits > 0 ? 1 : 0;
        return f.Values();
    }

    /// <summary>
    /// Members whose run of absences (with or without reason, over the cell's held meetings in date order; exempt and special
    /// duty neither break nor extend it) reaches limit + 1 at a meeting in this month: each run is counted once, in the month it passed the limit.
    /// </summary>
    static async Task<int> LongAbsencesAsync(AppDbContext db, int cellId, DateOnly month, DateOnly next, int limit, CancellationToken ct)
    {
        var rows = (await db.Attendances
                .Where(a => a.Status != AttendanceStatus.Exempt && a.Status != AttendanceStatus.SpecialDuty)
                .Join(db.Meetings.Where(m => m.CellId == cellId && m.Date < next && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Adopted)),
                    a => a.MeetingId, m => m.Id, (a, m) => new { a.MemberId, a.Status, m.Date, m.Id, m.Kind })
                .ToListAsync(ct))
            .Where(r => Counted(r.Kind));
        var count = 0;
        foreach (var member in rows.GroupBy(r => r.MemberId))
        {
            var run = 0;
            foreach (var r in member.OrderBy(r => r.Date).ThenBy(r => r.Id))
            {
                run = r.Status == AttendanceStatus.Present ? 0 : run + 1;
                if (run == limit + 1 && r.Date >= month) count++;
            }
        }
        return count;
    }

    /// <summary>The day whose tree a cell month is counted on: the month's last day, or the cell's last day if it closed earlier.</summary>
    public static async Task<DateOnly> AsOfAsync(AppDbContext db, int cellId, DateOnly month, CancellationToken ct = default)
    {
        var end = month.AddMonths(1).AddDays(-1);
        var to = await db.Units.Where(u => u.Id == cellId).Select(u => u.EffectiveTo).FirstOrDefaultAsync(ct);
        return to is { } t && t <= end ? t.AddDays(-1) : end;
    }

    public static async Task RefreshAsync(AppDbContext db, IEnumerable<CellMonth> keys, CancellationToken ct = default)
    {
        foreach (var key in keys.OrderBy(k => k.CellId).ThenBy(k => k.Month))
        {
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            try
            {
                await RefreshOneAsync(db, key, ct);
                if (own is not null) await own.CommitAsync(ct);
            }
            finally
            {
                if (own is not null) await own.DisposeAsync();
            }
        }
    }

    /// <summary>The statements a refresh runs, written once per provider: column names are the model's own, values are parameters.</summary>
    sealed class Statements
    {
        public readonly string InsertCell, LockCell, UpdateCell, InsertNode, AddToNodes;

        public Statements(bool postgres)
        {
            var cols = MonthFigures.Columns;
            var zeros = string.Join(", ", cols.Select(_ => "0"));
            var names = string.Join(", ", cols.Select(c => $"\"{c}\""));
            var (or, conflict) = postgres ? ("", " ON CONFLICT DO NOTHING") : (" OR IGNORE", "");
            InsertCell = $"INSERT{or} INTO \"CellMonthStats\" (\"CellId\", \"Month\", {names}) VALUES ({{0}}, {{1}}, {zeros}){conflict}";
            LockCell = "UPDATE \"CellMonthStats\" SET \"PeriodicHeld\" = \"PeriodicHeld\" WHERE \"CellId\" = {0} AND \"Month\" = {1}";
            UpdateCell = $"UPDATE \"CellMonthStats\" SET {string.Join(", ", cols.Select((c, i) => $"\"{c}\" = {{{i}}}"))} WHERE \"CellId\" = {{{cols.Length}}} AND \"Month\" = {{{cols.Length + 1}}}";
            InsertNode = $"INSERT{or} INTO \"NodeMonthStats\" (\"NodeId\", \"Month\", \"Cells\", {names}) VALUES ({{0}}, {{1}}, {{2}}, {zeros}){conflict}";
            AddToNodes = $"UPDATE \"NodeMonthStats\" SET {string.Join(", ", cols.Select((c, i) => $"\"{c}\" = \"{c}\" + {{{i}}}"))} WHERE \"Month\" = {{{cols.Length}}} AND \"NodeId\" = {{{cols.Length + 1}}}";
        }
    }

    static readonly Statements Pg = new(true), Lite = new(false);

    static async Task RefreshOneAsync(AppDbContext db, CellMonth key, CancellationToken ct)
    {
        var sql = db.Database.IsPostgres() ? Pg : Lite;
        await db.Database.ExecuteSqlRawAsync(sql.InsertCell, [key.CellId, key.Month], ct);
        // Taking the row's lock first makes two refreshes of the same cell month run one after the other, so neither adds a stale difference.
        await db.Database.ExecuteSqlRawAsync(sql.LockCell, [key.CellId, key.Month], ct);
        var old = (await db.CellMonthStats.AsNoTracking().FirstAsync(s => s.CellId == key.CellId && s.Month == key.Month, ct)).Values();
        var now = await ComputeAsync(db, key.CellId, key.Month, ct);
        var delta = now.Zip(old, (a, b) => a - b).ToArray();
        var changed = delta.Any(d => d != 0);
        var topics = await RefreshTopicsAsync(db, key, ct);
        if (!changed && topics.Count == 0) return;
        if (changed) await db.Database.ExecuteSqlRawAsync(sql.UpdateCell, [.. now.Cast<object>(), key.CellId, key.Month], ct);

        var asOf = await AsOfAsync(db, key.CellId, key.Month, ct);
        var ancestors = await db.UnitClosures.ValidOn(asOf).Where(c => c.DescendantId == key.CellId).OrderBy(c => c.AncestorId).Select(c => c.AncestorId).ToListAsync(ct);
        if (ancestors.Count == 0) return;
        if (changed)
        {
            var present = await db.NodeMonthStats.Where(n => ancestors.Contains(n.NodeId) && n.Month == key.Month).Select(n => n.NodeId).ToListAsync(ct);
            foreach (var node in ancestors.Except(present))
                await db.Database.ExecuteSqlRawAsync(sql.InsertNode, [node, key.Month, await CellsUnderAsync(db, node, key.Month.AddMonths(1).AddDays(-1), ct)], ct);
            // One statement per ancestor keeps it plain SQL on both databases (a tree is a handful of levels deep).
            foreach (var node in ancestors)
                await db.Database.ExecuteSqlRawAsync(sql.AddToNodes, [.. delta.Cast<object>(), key.Month, node], ct);
        }
        foreach (var node in ancestors)
            foreach (var (topic, d) in topics)
                await db.Database.ExecuteSqlRawAsync(AddToNodeTopic, [node, key.Month, topic, d.Meetings, d.AgendaItems, d.Remarks], ct);
    }

    // Upserts written once for both databases (SQLite ≥ 3.24, PostgreSQL): a cell's topic row is set to its records; a node's is
    // created by the first difference that reaches it and added to atomically after that.
    const string SetCellTopic = """
        INSERT INTO "CellTopicMonthStats" ("CellId", "Month", "TopicId", "Meetings", "AgendaItems", "Remarks") VALUES ({0}, {1}, {2}, {3}, {4}, {5})
        ON CONFLICT ("CellId", "Month", "TopicId") DO UPDATE SET "Meetings" = excluded."Meetings", "AgendaItems" = excluded."AgendaItems", "Remarks" = excluded."Remarks"
        """;
    const string DeleteCellTopic = """DELETE FROM "CellTopicMonthStats" WHERE "CellId" = {0} AND "Month" = {1} AND "TopicId" = {2}""";
    const string AddToNodeTopic = """
        INSERT INTO "NodeTopicMonthStats" ("NodeId", "Month", "TopicId", "Meetings", "AgendaItems", "Remarks") VALUES ({0}, {1}, {2}, {3}, {4}, {5})
        ON CONFLICT ("NodeId", "Month", "TopicId") DO UPDATE SET "Meetings" = "NodeTopicMonthStats"."Meetings" + excluded."Meetings",
          "AgendaItems" = "NodeTopicMonthStats"."AgendaItems" + excluded."AgendaItems", "Remarks" = "NodeTopicMonthStats"."Remarks" + excluded."Remarks"
        """;

    /// <summary>
    /// Under the cell month's lock: its topic rows set to their records (a topic no longer discussed loses its row) and the
    /// differences returned, for the ancestors. A node's row may fall back to zeros; the dashboard leaves those out.
    /// </summary>
    static async Task<List<(int Topic, (int Meetings, int AgendaItems, int Remarks) Delta)>> RefreshTopicsAsync(AppDbContext db, CellMonth key, CancellationToken ct)
    {
        var old = await db.CellTopicMonthStats.AsNoTracking().Where(s => s.CellId == key.CellId && s.Month == key.Month).ToDictionaryAsync(s => s.TopicId, s => s.Values(), ct);
        var now = await ComputeTopicsAsync(db, key.CellId, key.Month, ct);
        var changes = new List<(int, (int, int, int))>();
        foreach (var topic in old.Keys.Union(now.Keys).Order())
        {
            var (a, b) = (now.GetValueOrDefault(topic), old.GetValueOrDefault(topic));
            if (a == b) continue;
            if (a == default) await db.Database.ExecuteSqlRawAsync(DeleteCellTopic, [key.CellId, key.Month, topic], ct);
            else await db.Database.ExecuteSqlRawAsync(SetCellTopic, [key.CellId, key.Month, topic, a.Meetings, a.AgendaItems, a.Remarks], ct);
            changes.Add((topic, (a.Meetings - b.Meetings, a.AgendaItems - b.AgendaItems, a.Remarks - b.Remarks)));
        }
        return changes;
    }

    /// <summary>A cell month's topics from its records (the rule is on <see cref="TopicMonthFigures"/>); topics with nothing are left out.</summary>
    public static async Task<Dictionary<int, (int Meetings, int AgendaItems, int Remarks)>> ComputeTopicsAsync(AppDbContext db, int cellId, DateOnly month, CancellationToken ct = default)
    {
        var next = month.AddMonths(1);
        var held = db.Meetings.Where(m => m.CellId == cellId && m.Date >= month && m.Date < next && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Adopted)
            && (m.Kind == MeetingKind.Periodic || m.Kind == MeetingKind.Thematic || m.Kind == MeetingKind.Combined));
        var meetings = await held.Where(m => m.TopicId != null).GroupBy(m => m.TopicId!.Value).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var items = await db.AgendaItems.Where(i => i.TopicId != null && held.Any(m => m.Id == i.MeetingId))
            .GroupBy(i => i.TopicId!.Value).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var remarks = await (from r in db.Remarks
                             join i in db.AgendaItems on r.AgendaItemId equals i.Id
                             join m in held on i.MeetingId equals m.Id
                             let topic = r.TopicId ?? i.TopicId ?? m.TopicId
                             where topic != null
                             group r by topic into g
                             select new { Key = g.Key!.Value, N = g.Count() }).ToListAsync(ct);
        return meetings.Select(x => x.Key).Union(items.Select(x => x.Key)).Union(remarks.Select(x => x.Key)).ToDictionary(t => t, t =>
            (meetings.FirstOrDefault(x => x.Key == t)?.N ?? 0, items.FirstOrDefault(x => x.Key == t)?.N ?? 0, remarks.FirstOrDefault(x => x.Key == t)?.N ?? 0));
    }

    /// <summary>
    /// After the tree changed: the months from the change's month on are counted under the tree as it now is, so the nodes a
    /// cell left or joined in those months get their sums again from the cell months (<see cref="ReattributeAsync"/>), and every
    /// node that is or was above the units concerned gets its cell counts again (tree changes are rare; a handful of nodes times
    /// the months kept).
    /// </summary>
    public static async Task RecountCellsAsync(AppDbContext db, IReadOnlyCollection<int> units, DateOnly from, CancellationToken ct = default)
    {
        if (units.Count == 0) return;
        var month = new DateOnly(from.Year, from.Month, 1);
        await ReattributeAsync(db, units, month, ct);
        var nodes = await db.UnitClosures.Where(c => units.Contains(c.DescendantId)).Select(c => c.AncestorId).Distinct().ToListAsync(ct);
        var rows = await db.NodeMonthStats.Where(n => nodes.Contains(n.NodeId) && n.Month >= month).Select(n => new { n.Id, n.NodeId, n.Month, n.Cells }).ToListAsync(ct);
        foreach (var r in rows)
        {
            var cells = await CellsUnderAsync(db, r.NodeId, r.Month.AddMonths(1).AddDays(-1), ct);
            if (cells != r.Cells) await db.NodeMonthStats.Where(n => n.Id == r.Id).ExecuteUpdateAsync(x => x.SetProperty(n => n.Cells, cells), ct);
        }
    }

    /// <summary>
    /// The nodes that, from <paramref name="month"/> on, gained or lost a cell with rolled-up months get their month rows from that
    /// month on summed again from the cell months, with the rebuild's SQL. A node above such a cell the whole time (a common
    /// ancestor of the old and new places) keeps its sums; a new cell has no months yet, so creating one resums nothing.
    /// </summary>
    static async Task ReattributeAsync(AppDbContext db, IReadOnlyCollection<int> units, DateOnly month, CancellationToken ct)
    {
        // A moved unit's cells are among the units: each of their closure rows changed, with the cell as its descendant.
        var cells = await db.CellMonthStats.Where(s => s.Month >= month && units.Contains(s.CellId)).Select(s => s.CellId).Distinct().ToListAsync(ct);
        if (cells.Count == 0) return;
        var rows = await db.UnitClosures.Where(c => cells.Contains(c.DescendantId) && (c.ValidTo == null || c.ValidTo > month))
            .Select(c => new { c.AncestorId, c.DescendantId, c.ValidFrom, c.ValidTo }).ToListAsync(ct);
        var nodes = new SortedSet<int>();
        foreach (var g in rows.GroupBy(r => (r.AncestorId, r.DescendantId)))
        {
            // Above the cell without a break from the month on (rows rewritten on a move join end to end): unchanged.
            DateOnly? reach = month;
            foreach (var r in g.OrderBy(r => r.ValidFrom))
                if (reach is { } at && r.ValidFrom <= at) reach = r.ValidTo is { } to && to > at ? to : r.ValidTo is null ? null : at;
            if (reach is not null) nodes.Add(g.Key.AncestorId);
        }
        if (nodes.Count == 0) return;
        var pg = db.Database.IsPostgres();
        // Ids are integers from the database, so listing them in the statement is safe; the month is a parameter.
        var ids = string.Join(", ", nodes);
        var names = string.Join(", ", MonthFigures.Columns.Select(c => $"\"{c}\""));
        var sums = string.Join(", ", MonthFigures.Columns.Select(c => $"SUM(s.\"{c}\")"));
        string[] steps =
        [
            "DELETE FROM \"NodeMonthStats\" WHERE \"Month\" >= {0} AND \"NodeId\" IN (" + ids + ")",
            "INSERT INTO \"NodeMonthStats\" (\"NodeId\", \"Month\", \"Cells\", " + names + ") SELECT uc.\"AncestorId\", s.\"Month\", 0, " + sums
                + " FROM \"CellMonthStats\" s " + RollupRebuild.AboveSql(pg, "s") + " WHERE s.\"Month\" >= {0} AND uc.\"AncestorId\" IN (" + ids + ") GROUP BY uc.\"AncestorId\", s.\"Month\"",
            "DELETE FROM \"NodeTopicMonthStats\" WHERE \"Month\" >= {0} AND \"NodeId\" IN (" + ids + ")",
            "INSERT INTO \"NodeTopicMonthStats\" (\"NodeId\", \"Month\", \"TopicId\", \"Meetings\", \"AgendaItems\", \"Remarks\") SELECT uc.\"AncestorId\", s.\"Month\", s.\"TopicId\", "
                + "SUM(s.\"Meetings\"), SUM(s.\"AgendaItems\"), SUM(s.\"Remarks\") FROM \"CellTopicMonthStats\" s " + RollupRebuild.AboveSql(pg, "s")
                + " WHERE s.\"Month\" >= {0} AND uc.\"AncestorId\" IN (" + ids + ") GROUP BY uc.\"AncestorId\", s.\"Month\", s.\"TopicId\"",
        ];
        foreach (var step in steps) await db.Database.ExecuteSqlRawAsync(step, [month], ct);
    }

    /// <summary>Cells under a node (itself included) on a day: the "expected" of a month's periodic meetings.</summary>
    public static Task<int> CellsUnderAsync(AppDbContext db, int nodeId, DateOnly day, CancellationToken ct = default) =>
        db.CellIdsUnder(nodeId, day).CountAsync(ct);
}
