using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Practices;

public enum PracticeNeed
{
    /// <summary>
    /// The recording committee and the levels above see every practice it records; once published, so does every
    /// account inside its subtree (the audience). Drafts and withdrawn practices stay the committee's own.
    /// </summary>
    Read,
    /// <summary>
    /// Record, edit, cite, publish, withdraw: the recording committee's own step, so its own staff only — not the
    /// province for a commune, not the cell whose practice it is, not a system administrator.
    /// </summary>
    Record,
}

/// <summary>The one access rule of a good practice (cách làm hay).</summary>
public class PracticeAccess(AppDbContext db, UserScope scope) : IAccessRule<PracticeNeed>
{
    public const string NotTheCommittee = "Cách làm hay do chính cấp ủy ghi nhận (cán bộ của cấp ủy đó) ghi, sửa, công bố hoặc thu hồi.";

    public async Task<Access> ForAsync(int id, PracticeNeed need, CancellationToken ct = default)
    {
        var p = await db.GoodPractices.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.CommitteeId, x.Status }).FirstOrDefaultAsync(ct);
        if (p is null || !await CanReadAsync(p.CommitteeId, p.Status, ct)) return Access.Hidden;
        return need == PracticeNeed.Read ? Access.Allow : Access.When(scope.CanRecordPractice(p.CommitteeId), NotTheCommittee);
    }

    async Task<bool> CanReadAsync(int committeeId, PracticeStatus status, CancellationToken ct) =>
        await scope.CanSeeUnitAsync(committeeId, null, ct)
        || (status == PracticeStatus.Published && scope.RootUnitId != 0
            && await db.IsInSubtreeAsync(committeeId, scope.RootUnitId, scope.Today, ct));
}

/// <summary>Recording a new practice under a committee (<c>units/{committeeId}/practices</c>): the committee's own staff.</summary>
public class PracticeCommitteeAccess(AppDbContext db, UserScope scope) : IAccessRule<PracticeNeed>
{
    public async Task<Access> ForAsync(int id, PracticeNeed need, CancellationToken ct = default)
    {
        if (!await db.Units.AnyAsync(u => u.Id == id, ct) || !await scope.CanSeeUnitAsync(id, null, ct)) return Access.Hidden;
        return need == PracticeNeed.Read ? Access.Allow : Access.When(scope.CanRecordPractice(id), PracticeAccess.NotTheCommittee);
    }
}

public static class PracticeScope
{
    /// <summary>Staff attached to the recording committee itself (the multi-level rule: the step belongs to that unit).</summary>
    public static bool CanRecordPractice(this UserScope scope, int committeeId) => scope.ActsFor(committeeId) && scope.IsInRole(Roles.CommitteeStaff);
}
