using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChiBo.Data;

/// <summary>
/// A unit of work that is its own transaction when none is open, and a savepoint inside the caller's when one is
/// (a request run under an Idempotency-Key, an import, the demo seed), so services can be all-or-nothing without
/// knowing who called them.
/// </summary>
public sealed class Work : IAsyncDisposable
{
    readonly IDbContextTransaction? _own;
    readonly IDbContextTransaction? _outer;
    readonly string? _savepoint;

    Work(IDbContextTransaction? own, IDbContextTransaction? outer, string? savepoint) => (_own, _outer, _savepoint) = (own, outer, savepoint);

    public static async Task<Work> BeginAsync(DatabaseFacade db, CancellationToken ct = default)
    {
        if (db.CurrentTransaction is { } outer)
        {
            var name = "w" + Guid.NewGuid().ToString("N")[..8];
            await outer.CreateSavepointAsync(name, ct);
            return new Work(null, outer, name);
        }
        return new Work(await db.BeginTransactionAsync(ct), null, null);
    }

    public async Task CommitAsync(CancellationToken ct = default)
    {
        if (_own is not null) await _own.CommitAsync(ct);
        else if (_outer is not null) await _outer.ReleaseSavepointAsync(_savepoint!, ct);
    }

    public async Task RollbackAsync(CancellationToken ct = default)
    {
        if (_own is not null) await _own.RollbackAsync(ct);
        else if (_outer is not null) await _outer.RollbackToSavepointAsync(_savepoint!, ct);
    }

    /// <summary>An exception inside a joined unit fails the caller's transaction as a whole: nothing to undo here.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_own is not null) await _own.DisposeAsync();
    }
}

public static class WorkExtensions
{
    public static Task<Work> BeginWorkAsync(this DatabaseFacade db, CancellationToken ct = default) => Work.BeginAsync(db, ct);
}
