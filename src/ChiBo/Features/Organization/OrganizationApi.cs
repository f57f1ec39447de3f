using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Members;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Organization;

public static class OrganizationApi
{
    public record UnitDetail(UnitDto Unit, List<UnitDto> Ancestors, List<UnitDto> Children, int MemberCount, DateOnly AsOf);
    public record CreateUnitRequest(string Code, string Name, string TypeCode, int ParentId, DateOnly From, string? IssuerCode, CellKind? CellKind, string? Place);
    public record RenameRequest(string Name, string? IssuerCode, DateOnly Date, string? Decision);
    public record MoveRequest(int NewParentId, DateOnly Date, string? Decision);
    public record MergeRequest(int[] SourceIds, DateOnly Date, string? Decision);
    public record DateRequest(DateOnly Date, string? Decision);
    public record SplitPartRequest(string Code, string Name, string TypeCode, string? IssuerCode, CellKind? CellKind, int[]? ChildIds, int[]? MemberIds);
    public record SplitRequest(DateOnly Date, SplitPartRequest[] Parts, string? Decision);

    public static RouteGroupBuilder MapOrganization(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/units").WithTags("Tổ chức đảng").RequireAuthorization();

        g.MapGet("/", async (UserScope scope, AppDbContext db, DateOnly? asOf) =>
        {
            var date = asOf ?? scope.Today;
            var root = await db.AsDtos(db.Units.Where(u => u.Id == scope.RootUnitId), date).FirstOrDefaultAsync();
            return TypedResults.Ok(root);
        }).OwnRecordsOnly("the account's own node").WithSummary("Đơn vị gốc của tài khoản");

        g.MapGet("/{id:int}", async Task<Results<Ok<UnitDetail>, NotFound>> (int id, DateOnly? asOf, UserScope scope, AppDbContext db) =>
        {
            var date = asOf ?? scope.Today;
            var unit = await db.AsDtos(db.Units.Where(u => u.Id == id), date).FirstOrDefaultAsync();
            if (unit is null) return TypedResults.NotFound();
            var ancestors = await db.AncestorsAsync(id, date);
            var children = await db.ChildrenAsync(id, date);
            var count = await db.Memberships.CountAsync(m => m.UnitId == id && m.From <= date && (m.To == null || m.To > date));
            return TypedResults.Ok(new UnitDetail(unit, ancestors, children.OrderBy(c => c.Name, ChiBo.Features.Search.VietnameseText.NameComparer).ToList(), count, date));
        }).RequireOn<UnitAccess, UnitNeed>(UnitNeed.See, "asOf").WithSummary("Một đơn vị vào một ngày: cấp trên, đơn vị trực thuộc");

        g.MapGet("/by-code/{code}", async Task<Results<Ok<UnitDto>, NotFound, ProblemHttpResult>> (string code, DateOnly? asOf, UserScope scope, UnitAccess access, AppDbContext db) =>
        {
            var date = asOf ?? scope.Today;
            var id = await db.Units.Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync();
            if (id is null) return Problems.NotFound();
            if (await access.OnAsync(id.Value, date, UnitNeed.See) is { Allowed: false } refused) return refused.ToProblem();
            var dto = await db.AsDtos(db.Units.Where(u => u.Id == id), date).FirstOrDefaultAsync();
            return dto is null ? TypedResults.NotFound() : TypedResults.Ok(dto);
        }).RuleInHandler("UnitAccess.See on the unit with that code").WithSummary("Tìm đơn vị theo mã");

        g.MapGet("/{id:int}/subtree", async Task<Ok<List<UnitDto>>> (int id, DateOnly? asOf, UserScope scope, AppDbContext db) =>
        {
            var date = asOf ?? scope.Today;
            var ids = db.SubtreeIds(id, date);
            return TypedResults.Ok(await db.AsDtos(db.Units.Where(u => ids.Contains(u.Id)), date).ToListAsync());
        }).RequireOn<UnitAccess, UnitNeed>(UnitNeed.See, "asOf").WithSummary("Toàn bộ cây dưới một đơn vị vào một ngày");

        g.MapGet("/{id:int}/roll", async Task<Ok<List<RollEntry>>> (int id, DateOnly? date, UserScope scope, AppDbContext db) =>
        {
            var d = date ?? scope.Today;
            return TypedResults.Ok(await Roll.OnAsync(db, id, d));
        }).RequireOn<UnitAccess, UnitNeed>(UnitNeed.See, "date").WithSummary("Danh sách đảng viên của chi bộ vào một ngày");

        g.MapGet("/{id:int}/history", async Task<Ok<List<UnitEvent>>> (int id, AppDbContext db) =>
            TypedResults.Ok(await db.UnitEvents.AsNoTracking().Where(e => e.UnitId == id).OrderBy(e => e.Date).ThenBy(e => e.Id).ToListAsync()))
            .Require<UnitAccess, UnitNeed>(UnitNeed.See).WithSummary("Lịch sử thành lập, đổi tên, chuyển, sáp nhập, chia tách, giải thể");

        g.MapPost("/", async Task<Results<Created<UnitDto>, ValidationProblem, ProblemHttpResult>> (CreateUnitRequest req, UnitAccess access, TreeService tree, AppDbContext db) =>
        {
            if (await access.OnAsync(req.ParentId, req.From, UnitNeed.Manage) is { Allowed: false } refused) return refused.ToProblem();
            var r = await InTransaction(db, () => tree.CreateAsync(new TreeService.NewUnit(req.Code, req.Name, req.TypeCode, req.ParentId, req.From, req.IssuerCode, req.CellKind, req.Place)));
            if (!r.Ok) return r.ToProblem();
            var dto = await db.AsDtos(db.Units.Where(u => u.Id == r.Value!.Id), req.From).FirstAsync();
            return TypedResults.Created($"/api/v1/units/{dto.Id}", dto);
        }).Require<UnitAccess, UnitNeed, CreateUnitRequest>(UnitNeed.Manage, r => r.ParentId, "parentId").WithSummary("Thành lập đơn vị");

        // Tree changes are the organization board's: committee staff of a node at or above the unit (UnitNeed.Manage).
        g.MapPost("/{id:int}/rename", (int id, RenameRequest req, UserScope scope, TreeService tree, AppDbContext db) =>
            Change(id, scope, db, () => tree.RenameAsync(id, req.Name, req.IssuerCode, req.Date, req.Decision)))
            .Require<UnitAccess, UnitNeed>(UnitNeed.Manage).WithSummary("Đổi tên đơn vị");
        g.MapPost("/{id:int}/move", (int id, MoveRequest req, UserScope scope, TreeService tree, AppDbContext db) =>
            Change(id, scope, db, () => tree.MoveAsync(id, req.NewParentId, req.Date, req.Decision)))
            .Require<UnitAccess, UnitNeed>(UnitNeed.Manage)
            .Require<UnitAccess, UnitNeed, MoveRequest>(UnitNeed.Manage, r => r.NewParentId, "newParentId").WithSummary("Chuyển đơn vị sang cấp trên khác");
        g.MapPost("/{id:int}/merge", async Task<Results<Ok<UnitDto>, ValidationProblem, ProblemHttpResult>> (int id, MergeRequest req, UserScope scope, UnitAccess access, TreeService tree, AppDbContext db) =>
        {
            foreach (var s in req.SourceIds ?? [])
                if (await access.OnAsync(s, req.Date, UnitNeed.Manage) is { Allowed: false } refused) return refused.ToProblem();
            return await Change(id, scope, db, () => tree.MergeAsync(req.SourceIds ?? [], id, req.Date, req.Decision));
        }).Require<UnitAccess, UnitNeed>(UnitNeed.Manage).WithSummary("Sáp nhập các đơn vị vào đơn vị này");
        g.MapPost("/{id:int}/dissolve", (int id, DateRequest req, UserScope scope, TreeService tree, AppDbContext db) =>
            Change(id, scope, db, () => tree.DissolveAsync(id, req.Date, req.Decision)))
            .Require<UnitAccess, UnitNeed>(UnitNeed.Manage).WithSummary("Giải thể đơn vị");

        g.MapPost("/{id:int}/split", async Task<Results<Ok<List<UnitDto>>, ValidationProblem, ProblemHttpResult>> (int id, SplitRequest req, UserScope scope, MemberAccess members, TreeService tree, AppDbContext db) =>
        {
            // The members divided out must be the unit's, seen by the caller: a foreign id is refused as not found.
            foreach (var m in (req.Parts ?? []).SelectMany(p => p.MemberIds ?? []))
                if (await members.ForAsync(m, MemberNeed.Edit) is { Allowed: false } refused) return refused.ToProblem();
            var parts = (req.Parts ?? []).Select(p => new TreeService.SplitPart(
                new TreeService.NewUnit(p.Code, p.Name, p.TypeCode, null, req.Date, p.IssuerCode, p.CellKind), p.ChildIds ?? [], p.MemberIds ?? [])).ToList();
            var r = await InTransaction(db, () => tree.SplitAsync(id, parts, req.Date, req.Decision));
            if (!r.Ok) return r.ToProblem();
            var ids = r.Value!.Select(u => u.Id).ToList();
            return TypedResults.Ok(await db.AsDtos(db.Units.Where(u => ids.Contains(u.Id)), req.Date).ToListAsync());
        }).Require<UnitAccess, UnitNeed>(UnitNeed.Manage).WithSummary("Chia tách đơn vị: đơn vị mới, đơn vị trực thuộc và đảng viên được chia về từng đơn vị");

        g.MapGet("/types", async (AppDbContext db) => TypedResults.Ok(await db.UnitTypes.AsNoTracking().OrderBy(t => t.LevelRank).ToListAsync()))
            .OwnRecordsOnly("reference data: the node types").WithSummary("Các loại tổ chức đảng (dữ liệu, có hiệu lực theo thời gian)");
        return g;
    }

    static async Task<Results<Ok<UnitDto>, ValidationProblem, ProblemHttpResult>> Change(int id, UserScope scope, AppDbContext db, Func<Task<Outcome<Unit>>> op)
    {
        var r = await InTransaction(db, op);
        if (!r.Ok) return r.ToProblem();
        return TypedResults.Ok(await db.AsDtos(db.Units.Where(u => u.Id == r.Value!.Id), scope.Today).FirstAsync());
    }

    /// <summary>All-or-nothing: a tree change touches several tables and saves more than once.</summary>
    public static async Task<Outcome<T>> InTransaction<T>(AppDbContext db, Func<Task<Outcome<T>>> op)
    {
        await using var tx = await db.Database.BeginWorkAsync();
        var r = await op();
        if (r.Ok) await tx.CommitAsync(); else { await tx.RollbackAsync(); db.ChangeTracker.Clear(); }
        return r;
    }
}
