using Npgsql;

namespace ChiBo.Features.Import;

/// <summary>
/// A first national load (millions of members into a near-empty table) spends most of its time maintaining the secondary
/// indexes row by row — the trigram index on names above all — and checking the Memberships foreign keys one row at a
/// time. Built once after the COPY the same indexes take a sort each and the keys one join each. Everything happens inside
/// the import's transaction (DDL is transactional in PostgreSQL): a failure, a duplicate found by the rebuilt unique
/// index, or a dangling key restores the tables and indexes exactly as they were. The price: DROP INDEX locks Members and
/// Memberships exclusively until the commit, so readers of members wait for the import — acceptable for an initial load,
/// which is why it is used only when the file is at least as large as the table.
/// Definitions are read from the catalog, so the rebuilt indexes are the migrations' own.
/// </summary>
public sealed class Deferred
{
    static readonly string[] Tables = ["Members", "Memberships"];
    readonly List<string> _restore = [];

    /// <summary>The planner's row estimate (no full count of a large table).</summary>
    public static long Estimate(NpgsqlConnection conn, string table)
    {
        using var cmd = new NpgsqlCommand("SELECT GREATEST(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass(@t)", conn);
        cmd.Parameters.AddWithValue("t", $"\"{table}\"");
        return cmd.ExecuteScalar() is long n ? n : 0;
    }

    public static Deferred Drop(NpgsqlConnection conn)
    {
        var d = new Deferred();
        var drops = new List<string>();
        // Primary keys stay: the foreign keys of other tables hang on them, and the ids are written in order anyway.
        var sql = """
            SELECT 'ALTER TABLE ' || c.conrelid::regclass || ' DROP CONSTRAINT ' || quote_ident(c.conname),
                   'ALTER TABLE ' || c.conrelid::regclass || ' ADD CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid)
            FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = ANY(@tables::regclass[])
            UNION ALL
            SELECT 'DROP INDEX ' || i.indexrelid::regclass, pg_get_indexdef(i.indexrelid)
            FROM pg_index i WHERE i.indrelid = ANY(@tables::regclass[]) AND NOT i.indisprimary
            """;
        using (var cmd = new NpgsqlCommand(sql, conn))
        {
            cmd.Parameters.AddWithValue("tables", Tables.Select(t => $"\"{t}\"").ToArray());
            using var r = cmd.ExecuteReader();
            while (r.Read()) { drops.Add(r.GetString(0)); d._restore.Add(r.GetString(1)); }
        }
        // Indexes before keys on the way back: a key's check then finds the rebuilt indexes.
        d._restore.Sort((a, b) => a.StartsWith("ALTER", StringComparison.Ordinal).CompareTo(b.StartsWith("ALTER", StringComparison.Ordinal)));
        // A larger sort memory for this transaction's index builds only (the server default is 64 MB).
        Exec(conn, "SET LOCAL maintenance_work_mem = '1GB'");
        foreach (var statement in drops) Exec(conn, statement);
        return d;
    }

    /// <summary>Rebuilds what <see cref="Drop"/> removed, telling how long each statement took.</summary>
    public void Restore(NpgsqlConnection conn, Action<string> note, Action<double> progress)
    {
        foreach (var (statement, i) in _restore.Select((s, i) => (s, i)))
        {
            progress((double)i / _restore.Count);
            var w = System.Diagnostics.Stopwatch.StartNew();
            Exec(conn, statement);
            note($"{w.Elapsed.TotalSeconds:0.0} s: {statement}");
        }
    }

    static void Exec(NpgsqlConnection conn, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        cmd.ExecuteNonQuery();
    }
}
