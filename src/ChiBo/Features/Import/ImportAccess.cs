using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Import;

public enum ImportNeed
{
    /// <summary>The job's progress and its error report: the account that uploaded it, and staff who see the node it ran under.</summary>
    Read,
}

/// <summary>
/// The access rule of an import job. Its error report quotes the file's values (names, card and citizen numbers), so
/// it is not for every account: the uploader, and committee staff (or administrators) whose subtree holds the job's node.
/// </summary>
public class ImportAccess(AppDbContext db, UserScope scope) : IAccessRule<ImportNeed>
{
    public async Task<Access> ForAsync(int id, ImportNeed need, CancellationToken ct = default)
    {
        var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == id).Select(j => new { j.Actor, j.ScopeUnitId }).FirstOrDefaultAsync(ct);
        if (job is null) return Access.Hidden;
        if (scope.IsAuthenticated && job.Actor == scope.Name) return Access.Allow;
        return scope.IsStaff && await scope.CanSeeUnitAsync(job.ScopeUnitId, null, ct) ? Access.Allow : Access.Hidden;
    }
}
