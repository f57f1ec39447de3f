using ChiBo.Data;
using ChiBo.Features.Members;
using ChiBo.Features.Search;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;
using F = ChiBo.Features.Import.ImportFormats.Members;

namespace ChiBo.Features.Import;

/// <summary>
/// The checks of the row-by-row importer and <see cref="MemberService.CreateAsync"/>, made for the whole file at once:
/// every cell code resolved in one query, the account's scope in one query on the closure table, duplicates inside
/// the file in memory and against the database in one query per column. Each row keeps only its first error, in the
/// order of the single-entry path (dates, sex, cell code, profile, start date, scope, cell on the date, party card, citizen id),
/// with the same messages and the column it was found in. The plausibility rules are <see cref="MemberRules"/>, as for
/// one member entered by hand. Same code on SQLite and PostgreSQL, small file or large.
/// </summary>
public static class MemberChecks
{
    /// <param name="largeFrom">From this many rows PostgreSQL checks numbers through a temporary table (0: always).</param>
    /// <param name="today">The import's "today" (from the app's clock): later dates are refused.</param>
    public static async Task RunAsync(AppDbContext db, List<MemberRow> rows, int scopeUnitId, DateOnly today, int largeFrom, Action<int> progress, CancellationToken ct)
    {
        await CellsAsync(db, rows, scopeUnitId, today, ct);
        progress(rows.Count / 4);
        Profiles(rows);
        progress(rows.Count / 2);
        await DuplicatesAsync(db, rows, r => r.PartyCard, F.PartyCard, nameof(Member.PartyCardNumber), m => m.PartyCardNumber, largeFrom, ct);
        progress(rows.Count * 3 / 4);
        // One person cannot be two members: a CCCD twice in the file or already in the database is refused, as on single entry.
        await DuplicatesAsync(db, rows, r => r.CitizenId, F.CitizenId, nameof(Member.CitizenId), m => m.CitizenId, largeFrom, ct);
    }

    static async Task CellsAsync(AppDbContext db, List<MemberRow> rows, int scopeUnitId, DateOnly today, CancellationToken ct)
    {
        var codes = rows.Where(r => r.Error is null).Select(r => r.CellCode).Distinct().ToList();
        var units = (await db.Units.AsNoTracking().Where(u => EF.Parameter(codes).Contains(u.Code))
                .Select(u => new { u.Id, u.Code, u.Name, u.EffectiveFrom, u.EffectiveTo, u.UnitType!.IsCell }).ToListAsync(ct))
            .ToDictionary(u => u.Code, StringComparer.Ordinal);
        var ids = units.Values.Select(u => u.Id).ToList();
        // The periods over which each unit sat inside the account's subtree (a unit moved in and out has several).
        var inScope = (await db.UnitClosures.AsNoTracking().Where(c => c.AncestorId == scopeUnitId && EF.Parameter(ids).Contains(c.DescendantId))
                .Select(c => new { c.DescendantId, c.ValidFrom, c.ValidTo }).ToListAsync(ct))
            .ToLookup(c => c.DescendantId);
        foreach (var r in rows)
        {
            if (r.Error is not null) continue;
            if (!units.TryGetValue(r.CellCode, out var u)) { r.Refuse(F.CellCode, $"Không có chi bộ có mã “{r.CellCode}”."); continue; }
            var start = r.Start;
            var startColumn = r.JoinedOn is null ? F.AdmittedOn : F.JoinedOn;
            // The line's own values first (they reveal nothing about the cell), then the cell on the start date.
            if (MemberRules.Check(r.Profile(), today) is { } invalid) { r.Refuse(invalid); continue; }
            if (MemberRules.Start(start, today) is { } late) { r.Refuse(startColumn, late.Message); continue; }
            var life = MemberRules.CellLife(u.Name, u.EffectiveFrom, u.EffectiveTo, start);
            if (!inScope[u.Id].Any(c => c.ValidFrom <= start && (c.ValidTo is null || c.ValidTo > start)))
            {
                // A cell the account holds, asked for before it was founded (or after it ended), gets that reason; a cell it
                // never held answers only that it is out of scope, so its dates are not revealed.
                if (inScope[u.Id].Any() && life is not null) r.Refuse(startColumn, life);
                else r.Refuse(F.CellCode, $"Chi bộ “{r.CellCode}” không thuộc phạm vi quản lý của tài khoản.");
                continue;
            }
            r.CellId = u.Id;
            if (life is not null) r.Refuse(startColumn, life);
            else if (!u.IsCell) r.Refuse(F.CellCode, $"“{u.Name}” không phải là chi bộ; đảng viên chỉ sinh hoạt ở chi bộ.");
        }
    }

    /// <summary>The keys CreateAsync stores (MemberService.Apply), computed once per distinct name.</summary>
    static void Profiles(List<MemberRow> rows)
    {
        var keys = new Dictionary<string, (string Key, byte[] Sort)>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (r.Error is not null) continue;
            r.FullName = r.FullName.Trim();
            if (!keys.TryGetValue(r.FullName, out var k)) keys[r.FullName] = k = (VietnameseText.Fold(r.FullName), VietnameseText.PersonSortKey(r.FullName));
            (r.NameKey, r.SortKey) = k;
        }
    }

    /// <summary>A number used twice in the file (the later lines are refused, naming the first) or already in the database.</summary>
    static async Task DuplicatesAsync(AppDbContext db, List<MemberRow> rows, Func<MemberRow, string?> key, string label,
        string columnName, System.Linq.Expressions.Expression<Func<Member, string?>> column, int largeFrom, CancellationToken ct)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (r.Error is not null || key(r) is not { } k) continue;
            if (first.TryGetValue(k, out var line)) r.Refuse(label, $"{label} “{k}” trùng với dòng {line} của tệp.");
            else first[k] = r.Line;
        }
        if (first.Count == 0) return;
        List<string?> values = [.. first.Keys];
        var taken = db.Database.IsPostgres() && rows.Count >= largeFrom
            ? await Task.Run(() => TakenPostgres(db, values, columnName), ct)
            : (await db.Members.AsNoTracking().Select(column).Where(v => EF.Parameter(values).Contains(v)).ToListAsync(ct)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (taken.Count == 0) return;
        foreach (var r in rows)
            if (r.Error is null && key(r) is { } k && taken.Contains(k)) r.Refuse(label, $"{label} “{k}” đã có trong hệ thống.");
    }

    /// <summary>
    /// A large file's numbers go to the server by binary COPY into a temporary table and meet the members in one join
    /// (the planner hashes or merges as it sees fit): at 5.5 M numbers both columns took ≈ 10 s together, where one array
    /// parameter per column had taken 30 s and 55 s.
    /// </summary>
    static HashSet<string> TakenPostgres(AppDbContext db, List<string?> values, string columnName)
    {
        var conn = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        var table = $"import_keys_{columnName.ToLowerInvariant()}";
        Exec(conn, $"CREATE TEMP TABLE {table} (v text) ON COMMIT DROP");
        using (var w = conn.BeginBinaryImport($"COPY {table} (v) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var v in values) { w.StartRow(); w.Write(v!, NpgsqlTypes.NpgsqlDbType.Text); }
            w.Complete();
        }
        Exec(conn, $"ANALYZE {table}");
        var taken = new HashSet<string>(StringComparer.Ordinal);
        using (var cmd = new Npgsql.NpgsqlCommand($"SELECT k.v FROM {table} k JOIN \"Members\" m ON m.\"{columnName}\" = k.v", conn) { CommandTimeout = 0 })
        using (var r = cmd.ExecuteReader())
            while (r.Read()) taken.Add(r.GetString(0));
        Exec(conn, $"DROP TABLE {table}");
        return taken;
    }

    static void Exec(Npgsql.NpgsqlConnection conn, string sql)
    {
        using var cmd = new Npgsql.NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        cmd.ExecuteNonQuery();
    }
}
