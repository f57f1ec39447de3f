using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Audit;

public static class AuditApi
{
    public const int PageSize = 100;

    /// <summary>One page of the entries the administrator may read (<see cref="AuditAccess"/>), newest first.</summary>
    public static async Task<List<AuditEntry>> PageAsync(AppDbContext db, UserScope scope, string? entity, string? entityId, int page, CancellationToken ct = default)
    {
        var visible = await AuditAccess.VisibleAsync(db, scope, ct);
        // Pages past the last are empty, not an overflowing OFFSET.
        var skip = (int)Math.Min(int.MaxValue, Math.Max(0L, page - 1L) * PageSize);
        return await visible.Where(a => entity == null || a.Entity == entity)
            .Where(a => entityId == null || a.EntityId == entityId)
            .OrderByDescending(a => a.Id).Skip(skip).Take(PageSize).ToListAsync(ct);
    }

    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/audit").WithTags("Nhật ký thay đổi").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        g.MapGet("/", async (string? entity, string? entityId, int? page, UserScope scope, AppDbContext db) =>
            TypedResults.Ok(await PageAsync(db, scope, entity, entityId, page ?? 1)))
            .WithMetadata(new AccessMetadata("AuditAccess: administrators only, the changes made inside their subtree"))
            .AddEndpointFilter(async (ctx, next) =>
            {
                var access = AuditAccess.Check(ctx.HttpContext.RequestServices.GetRequiredService<UserScope>());
                return access.Allowed ? await next(ctx) : access.ToProblem();
            })
            .WithSummary("Nhật ký mọi thay đổi (chỉ quản trị; quản trị cấp dưới xem thay đổi của các tài khoản trong phạm vi của mình)");
        return g;
    }
}
