using System.Text.Json;
using ChiBo.Data;
using ChiBo.Features.Audit;
using ChiBo.Features.Members;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ChiBo.Features.Import;

/// <summary>
/// Writes validated member rows inside the caller's transaction: on PostgreSQL with binary COPY on the context's own
/// connection (so a failure anywhere rolls back everything with the rest of the import), on SQLite — the small embedded
/// deployment — through EF in batches. Either way each member gets what MemberService.CreateAsync writes: the Members row
/// (name key and vi-VN sort key) and an open Membership in the cell from the start date. Statistics roll-ups are untouched
/// on purpose: they are built from meetings, attendance, ratings, visits and plans, never from memberships.
/// </summary>
public static class MemberWriter
{
    const int Step = 50_000;

    /// <param name="rebuildFrom">PostgreSQL: from this many rows, and when the file is at least as large as the table, the
    /// secondary indexes and foreign keys are rebuilt after the COPY instead of maintained row by row (see <see cref="Deferred"/>);
    /// 0 rebuilds them for any file (the tests use it to run every import through that path).</param>
    public static async Task WriteAsync(AppDbContext db, List<MemberRow> rows, int rebuildFrom, Action<int> progress, Action<string> note, CancellationToken ct)
    {
        if (!db.Database.IsPostgres())
        {
            await BatchesAsync(db, rows, progress, ct);
            return;
        }
        await Task.Run(() =>
        {
            var conn = (NpgsqlConnection)db.Database.GetDbConnection();
            var deferred = rebuildFrom == 0 || (rows.Count >= rebuildFrom && rows.Count >= Deferred.Estimate(conn, "Members")) ? Deferred.Drop(conn) : null;
            var w = System.Diagnostics.Stopwatch.StartNew();
            // The bar's share of each step: rebuilding the indexes of a national load takes about as long as the COPY.
            var (members, memberships) = deferred is null ? (0.7, 0.3) : (0.4, 0.2);
            Copy(conn, rows, members, memberships, progress, ct);
            note($"COPY of {rows.Count} members and memberships{(deferred is null ? "" : " (indexes and keys deferred)")}: {w.Elapsed.TotalSeconds:0.0} s");
            deferred?.Restore(conn, note, f => progress((int)(rows.Count * (members + memberships + (1 - members - memberships) * f))));
        }, ct);
    }

    /// <summary>
    /// One audit row for the whole job instead of one per member: at national size per-row audit would double the
    /// rows written, and the job (file, actor, rows, cells) is what someone tracing an import needs.
    /// </summary>
    public static async Task AuditAsync(AppDbContext db, ImportJob job, List<MemberRow> rows, DateTime at, CancellationToken ct)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = at, Actor = job.Actor, Action = "Imported", Entity = nameof(Member), EntityId = $"import:{job.Id}",
            After = JsonSerializer.Serialize(new { ImportJob = job.Id, job.FileName, Rows = rows.Count, Cells = rows.Select(r => r.CellId).Distinct().Count() }),
        });
        await db.SaveChangesAsync(ct);
    }

    static void Copy(NpgsqlConnection conn, List<MemberRow> rows, double members, double memberships, Action<int> progress, CancellationToken ct)
    {
        // Ids come from the Members identity sequence itself, as one block: with inserts into Members held off by the lock
        // (readers are not), nothing can take a value between nextval and setval, so the block is ours and single creates
        // after the import continue above it. The Memberships COPY then names each member without reading rows back, and
        // a rolled-back import only leaves a gap. (nextval once per row cost ~30 s at 5.5 M rows on this machine.)
        Exec(conn, "LOCK TABLE \"Members\" IN SHARE ROW EXCLUSIVE MODE");
        int first;
        using (var reserve = new NpgsqlCommand("SELECT (setval(pg_get_serial_sequence('\"Members\"', 'Id'), nextval(pg_get_serial_sequence('\"Members\"', 'Id')) + @n - 1) - @n + 1)::int", conn))
        {
            reserve.Parameters.AddWithValue("n", (long)rows.Count);
            first = (int)reserve.ExecuteScalar()!;
        }
        var ids = Enumerable.Range(first, rows.Count).ToArray();

        using (var w = conn.BeginBinaryImport("""
            COPY "Members" ("Id", "FullName", "NameKey", "SortKey", "DateOfBirth", "Sex", "Ethnicity", "AdmittedOn", "OfficialOn",
                            "PartyCardNumber", "CitizenId", "Phone", "Version") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                w.StartRow();
                w.Write(ids[i], NpgsqlDbType.Integer);
                w.Write(r.FullName, NpgsqlDbType.Varchar);
                w.Write(r.NameKey, NpgsqlDbType.Varchar);
                w.Write(r.SortKey, NpgsqlDbType.Bytea);
                Date(w, r.DateOfBirth);
                w.Write(r.Sex.ToString(), NpgsqlDbType.Varchar);
                Text(w, r.Ethnicity);
                w.Write(r.AdmittedOn, NpgsqlDbType.Date);
                Date(w, r.OfficialOn);
                Text(w, r.PartyCard);
                Text(w, r.CitizenId);
                Text(w, r.Phone);
                w.Write(0, NpgsqlDbType.Integer);
                if (i % Step == 0) { ct.ThrowIfCancellationRequested(); progress((int)(i * members)); }
            }
            w.Complete();
        }
        using (var w = conn.BeginBinaryImport("""COPY "Memberships" ("MemberId", "UnitId", "From") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                w.StartRow();
                w.Write(ids[i], NpgsqlDbType.Integer);
                w.Write(rows[i].CellId, NpgsqlDbType.Integer);
                w.Write(rows[i].Start, NpgsqlDbType.Date);
                if (i % Step == 0) { ct.ThrowIfCancellationRequested(); progress((int)(rows.Count * members + i * memberships)); }
            }
            w.Complete();
        }
    }

    static void Exec(NpgsqlConnection conn, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        cmd.ExecuteNonQuery();
    }

    static void Text(NpgsqlBinaryImporter w, string? v)
    {
        if (v is null) w.WriteNull();
        else w.Write(v, NpgsqlDbType.Varchar);
    }

    static void Date(NpgsqlBinaryImporter w, DateOnly? v)
    {
        if (v is { } d) w.Write(d, NpgsqlDbType.Date);
        else w.WriteNull();
    }

    /// <summary>SQLite: the same rows through EF (audited per row by SaveChanges), a thousand at a time so the tracker stays small.</summary>
    static async Task BatchesAsync(AppDbContext db, List<MemberRow> rows, Action<int> progress, CancellationToken ct)
    {
        for (var start = 0; start < rows.Count; start += 1000)
        {
            foreach (var r in rows.Skip(start).Take(1000))
            {
                var member = new Member { FullName = "", NameKey = "", SortKey = [] };
                MemberService.Apply(member, r.Profile());
                db.Members.Add(member);
                db.Memberships.Add(new Membership { Member = member, UnitId = r.CellId, From = r.Start });
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            progress(Math.Min(rows.Count, start + 1000));
        }
    }
}
