using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Audit;

/// <summary>
/// Who reads the change log: administrators only. Its rows copy personal data (citizen ids, phones) of whatever was
/// changed and name no unit, so an administrator attached below the top of the tree reads the changes made by the
/// accounts of its own subtree (who could only change what is inside it), not the whole country's; an administrator of a
/// top node reads everything, background jobs and the demo included.
/// </summary>
public static class AuditAccess
{
    public const string AdminsOnly = "Chỉ quản trị hệ thống mới xem được nhật ký thay đổi.";

    public static Access Check(UserScope scope) => !scope.IsAuthenticated ? Access.Hidden : Access.When(scope.IsAdmin, AdminsOnly);

    /// <summary>The entries the administrator may read (the caller has checked <see cref="Check"/>).</summary>
    public static async Task<IQueryable<AuditEntry>> VisibleAsync(AppDbContext db, UserScope scope, CancellationToken ct = default)
    {
        var root = scope.RootUnitId;
        var today = scope.Today;
        var isTop = !await db.UnitClosures.ValidOn(today).AnyAsync(c => c.DescendantId == root && c.Depth > 0, ct);
        if (isTop) return db.AuditEntries.AsNoTracking();
        var subtree = db.SubtreeIds(root, today);
        var actors = db.Users.Where(u => subtree.Contains(u.UnitId)).Select(u => u.UserName);
        return db.AuditEntries.AsNoTracking().Where(a => actors.Contains(a.Actor));
    }
}

/// <summary>The page form of <see cref="AuditAccess.Check"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AuditReaderAttribute : Attribute, IPageAccess
{
    public Task<Access> CheckAsync(HttpContext http) => Task.FromResult(AuditAccess.Check(http.RequestServices.GetRequiredService<UserScope>()));
}
