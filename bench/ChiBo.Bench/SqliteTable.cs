using Microsoft.Data.Sqlite;

namespace ChiBo.Bench;

/// <summary>
/// One table written to SQLite with a prepared, parameterized INSERT on the shared connection and transaction. A row's values
/// are bound as the CLR values EF Core hands to Microsoft.Data.Sqlite, so they are stored exactly as the app stores them
/// (DateOnly 'yyyy-MM-dd', TimeOnly 'HH:mm:ss', DateTime 'yyyy-MM-dd HH:mm:ss.FFFFFFF', bool 0/1, decimal as TEXT, byte[] as BLOB);
/// the row is inserted when its last column is bound.
/// </summary>
public sealed class SqliteTable : Table
{
    readonly SqliteCommand _insert;
    readonly SqliteParameter[] _values;
    int _next;

    public SqliteTable(string name, string[] columns, SqliteConnection conn, SqliteTransaction tx) : base(name, columns)
    {
        _insert = conn.CreateCommand();
        _insert.Transaction = tx;
        _insert.CommandText = $"INSERT INTO \"{name}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        _values = columns.Select((_, i) => _insert.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value))).ToArray();
        _insert.Prepare();
    }

    Table Put(object? v)
    {
        _values[_next++].Value = v ?? DBNull.Value;
        if (_next == _values.Length)
        {
            _insert.ExecuteNonQuery();
            _next = 0;
        }
        return this;
    }

    public override Table Row()
    {
        if (_next != 0) throw new InvalidOperationException($"{Name}: the previous row has {_next} of {_values.Length} values.");
        Rows++;
        return this;
    }

    public override Task CompleteAsync()
    {
        if (_next != 0) throw new InvalidOperationException($"{Name}: the last row has {_next} of {_values.Length} values.");
        _insert.Dispose();
        return Task.CompletedTask;
    }

    public override Table I(int v) => Put(v);
    public override Table I(int? v) => Put(v);
    public override Table L(long v) => Put(v);
    public override Table S(string? v) => Put(v);
    public override Table B(bool v) => Put(v);
    public override Table D(DateOnly v) => Put(v);
    public override Table D(DateOnly? v) => Put(v);
    public override Table T(TimeOnly v) => Put(v);
    public override Table T(TimeOnly? v) => Put(v);
    public override Table Ts(DateTime v) => Put(v);
    public override Table Ts(DateTime? v) => Put(v);
    public override Table Bytes(byte[] v) => Put(v);
    public override Table N(decimal v) => Put(v);

    public override ValueTask DisposeAsync()
    {
        _insert.Dispose();
        return ValueTask.CompletedTask;
    }
}
