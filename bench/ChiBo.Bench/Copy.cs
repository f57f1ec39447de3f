using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace ChiBo.Bench;

/// <summary>
/// One table's rows as the generator writes them: a fluent <c>Row().I(..).S(..)…</c> per row, values in <see cref="Tables"/>' column order.
/// PostgreSQL writes them with binary COPY (<see cref="CopyTable"/>), SQLite with a prepared INSERT (<see cref="SqliteTable"/>).
/// </summary>
public abstract class Table(string name, string[] columns) : IAsyncDisposable
{
    public string Name { get; } = name;
    protected string[] Columns { get; } = columns;
    public long Rows { get; protected set; }

    public abstract Task CompleteAsync();
    public abstract Table Row();
    public abstract Table I(int v);
    public abstract Table I(int? v);
    public abstract Table L(long v);
    public abstract Table S(string? v);
    public abstract Table B(bool v);
    public abstract Table D(DateOnly v);
    public abstract Table D(DateOnly? v);
    public abstract Table T(TimeOnly v);
    public abstract Table T(TimeOnly? v);
    public abstract Table Ts(DateTime v);
    public abstract Table Ts(DateTime? v);
    public abstract Table Bytes(byte[] v);
    public abstract Table N(decimal v);
    public abstract ValueTask DisposeAsync();
}

/// <summary>
/// One binary COPY into one table on its own connection. Every table has its own session so members, attendance
/// and meetings of a cell can be streamed as they are made, without holding a province in memory; foreign keys
/// are dropped during the load (see <see cref="Schema"/>) because rows of one COPY are invisible to another until it ends.
/// </summary>
public sealed class CopyTable(string name, string[] columns) : Table(name, columns)
{
    NpgsqlConnection? _conn;
    NpgsqlBinaryImporter? _copy;

    public async Task OpenAsync(string connString)
    {
        _conn = new NpgsqlConnection(connString);
        await _conn.OpenAsync();
        var cols = string.Join(", ", Columns.Select(c => $"\"{c}\""));
        _copy = await _conn.BeginBinaryImportAsync($"COPY \"{Name}\" ({cols}) FROM STDIN (FORMAT BINARY)");
    }

    public override async Task CompleteAsync()
    {
        if (_copy is null) return;
        await _copy.CompleteAsync();
        await _copy.DisposeAsync();
        await _conn!.DisposeAsync();
        _copy = null; _conn = null;
    }

    public override Table Row() { _copy!.StartRow(); Rows++; return this; }
    public override Table I(int v) { _copy!.Write(v, NpgsqlDbType.Integer); return this; }
    public override Table I(int? v) { if (v is { } x) _copy!.Write(x, NpgsqlDbType.Integer); else _copy!.WriteNull(); return this; }
    public override Table L(long v) { _copy!.Write(v, NpgsqlDbType.Bigint); return this; }
    public override Table S(string? v) { if (v is null) _copy!.WriteNull(); else _copy!.Write(v, NpgsqlDbType.Text); return this; }
    public override Table B(bool v) { _copy!.Write(v, NpgsqlDbType.Boolean); return this; }
    public override Table D(DateOnly v) { _copy!.Write(v, NpgsqlDbType.Date); return this; }
    public override Table D(DateOnly? v) { if (v is { } x) _copy!.Write(x, NpgsqlDbType.Date); else _copy!.WriteNull(); return this; }
    public override Table T(TimeOnly v) { _copy!.Write(v, NpgsqlDbType.Time); return this; }
    public override Table T(TimeOnly? v) { if (v is { } x) _copy!.Write(x, NpgsqlDbType.Time); else _copy!.WriteNull(); return this; }
    public override Table Ts(DateTime v) { _copy!.Write(v, NpgsqlDbType.TimestampTz); return this; }
    public override Table Ts(DateTime? v) { if (v is { } x) _copy!.Write(x, NpgsqlDbType.TimestampTz); else _copy!.WriteNull(); return this; }
    public override Table Bytes(byte[] v) { _copy!.Write(v, NpgsqlDbType.Bytea); return this; }
    public override Table N(decimal v) { _copy!.Write(v, NpgsqlDbType.Numeric); return this; }

    public override async ValueTask DisposeAsync()
    {
        if (_copy is not null) await _copy.DisposeAsync();
        if (_conn is not null) await _conn.DisposeAsync();
    }
}

/// <summary>Ids are allocated here, in generation order, so a seed gives the same ids every run.</summary>
public sealed class Ids
{
    readonly Dictionary<string, long> _next = [];
    public int Next(string table) => (int)NextLong(table);
    public long NextLong(string table) { var n = _next.GetValueOrDefault(table) + 1; _next[table] = n; return n; }
    public void Start(string table, long after) => _next[table] = after;
}

public sealed class Progress
{
    readonly Stopwatch _all = Stopwatch.StartNew();
    readonly Dictionary<string, long> _totals = [];
    public TimeSpan Elapsed => _all.Elapsed;

    public void Phase(string label, IEnumerable<Table> tables, TimeSpan took)
    {
        var parts = new List<string>();
        long rows = 0;
        foreach (var t in tables.Where(t => t.Rows > 0))
        {
            _totals[t.Name] = _totals.GetValueOrDefault(t.Name) + t.Rows;
            rows += t.Rows;
            parts.Add($"{t.Name} {t.Rows:N0}");
        }
        var rate = took.TotalSeconds > 0 ? rows / took.TotalSeconds : 0;
        Console.WriteLine($"[{_all.Elapsed:hh\\:mm\\:ss}] {label}: {rows:N0} rows in {took.TotalSeconds:N1}s ({rate:N0} rows/s) — {string.Join(", ", parts)}");
    }

    public void Line(string text) => Console.WriteLine($"[{_all.Elapsed:hh\\:mm\\:ss}] {text}");

    public void Summary()
    {
        Console.WriteLine("Totals:");
        foreach (var (name, rows) in _totals.OrderByDescending(x => x.Value)) Console.WriteLine($"  {name,-24} {rows,14:N0}");
        Console.WriteLine($"  {"(all)",-24} {_totals.Values.Sum(),14:N0} rows, {_all.Elapsed.TotalSeconds:N1}s");
    }
}
