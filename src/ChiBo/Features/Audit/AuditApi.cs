using ChiBo.Data;
using ChiBo.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Audit;

public static class AuditApi
{
    public static async Task<List<AuditEntry>> PageAsync(AppDbContext db, string? entity, string? entityId, int page, int size = 100) =>
        await db.AuditEntries.AsNoTracking()
            .Where(a => entity == null || a.Entity == entity)
            .Where(a => entityId == null || a.EntityId == entityId)
            .OrderByDescending(a => a.Id).Skip(Math.Max(0, page - 1) * size).Take(size).ToListAsync();

    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/audit").WithTags("Nhật ký thay đổi").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        g.MapGet("/", async (string? entity, string? entityId, int? page, AppDbContext db) =>
            TypedResults.Ok(await PageAsync(db, entity, entityId, page ?? 1))).WithSummary("Nhật ký mọi thay đổi (chỉ quản trị)");
        return g;
    }
}
