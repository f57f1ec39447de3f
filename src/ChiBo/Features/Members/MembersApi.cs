using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChiBo.Features.Members;

public static class MembersApi
{
    public record CreateMemberRequest(MemberService.Profile Profile, int CellId, DateOnly JoinedOn);
    public record UpdateMemberRequest(MemberService.Profile Profile, int Version);
    public record TransferRequest(int ToCellId, DateOnly Date, string? Note);
    public record PositionRequest(Position Position, DateOnly From);
    public record ExemptionRequest(ExemptionKind Kind, DateOnly DecisionDate, DateOnly From, DateOnly? To, string? Reason);

    public static RouteGroupBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/members").WithTags("Đảng viên").RequireAuthorization();

        g.MapGet("/{id:int}", async Task<Results<Ok<MemberDto>, NotFound, ForbidHttpResult>> (int id, UserScope scope, AppDbContext db) =>
        {
            if (!await scope.CanSeeMemberAsync(id)) return TypedResults.Forbid();
            var dto = await MemberQueries.LoadAsync(db, scope, id);
            return dto is null ? TypedResults.NotFound() : TypedResults.Ok(dto);
        }).WithSummary("Hồ sơ đảng viên (thông tin cá nhân chỉ hiện với vai trò cần đến)");

        g.MapPost("/", async Task<Results<Created<MemberDto>, ValidationProblem, ForbidHttpResult>> (CreateMemberRequest req, UserScope scope, MemberService svc, AppDbContext db) =>
        {
            if (!await scope.CanEditUnitAsync(req.CellId)) return TypedResults.Forbid();
            var r = await svc.CreateAsync(req.Profile, req.CellId, req.JoinedOn);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Created($"/api/v1/members/{r.Value!.Id}", (await MemberQueries.LoadAsync(db, scope, r.Value.Id))!);
        }).WithSummary("Thêm đảng viên vào chi bộ");

        g.MapPut("/{id:int}", async Task<Results<Ok<MemberDto>, ValidationProblem, ForbidHttpResult, ProblemHttpResult>> (int id, UpdateMemberRequest req, UserScope scope, MemberService svc, AppDbContext db) =>
        {
            if (!await MemberQueries.CanEditAsync(db, scope, id)) return TypedResults.Forbid();
            var r = await svc.UpdateAsync(id, req.Profile, req.Version);
            if (r.ToConflict() is { } conflict) return conflict;
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Ok((await MemberQueries.LoadAsync(db, scope, id))!);
        }).WithSummary("Sửa hồ sơ (gửi kèm version để không ghi đè thay đổi của người khác)");

        g.MapPost("/{id:int}/transfer", async Task<Results<Ok<MemberDto>, ValidationProblem, ForbidHttpResult>> (int id, TransferRequest req, UserScope scope, MemberService svc, AppDbContext db) =>
        {
            // The sending side must be the account's, and so must the receiving cell.
            if (!await MemberQueries.CanEditAsync(db, scope, id) || !await scope.CanSeeUnitAsync(req.ToCellId, req.Date)) return TypedResults.Forbid();
            var r = await OrganizationApi.InTransaction(db, () => svc.TransferAsync(id, req.ToCellId, req.Date, req.Note));
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Ok((await MemberQueries.LoadAsync(db, scope, id))!);
        }).WithSummary("Chuyển sinh hoạt đảng");

        g.MapPost("/{id:int}/positions", async Task<Results<Ok<MemberDto>, ValidationProblem, ForbidHttpResult>> (int id, PositionRequest req, UserScope scope, MemberService svc, AppDbContext db) =>
        {
            if (!await MemberQueries.CanEditAsync(db, scope, id)) return TypedResults.Forbid();
            var r = await svc.AssignPositionAsync(id, req.Position, req.From);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Ok((await MemberQueries.LoadAsync(db, scope, id))!);
        }).WithSummary("Giao chức vụ trong chi bộ");

        g.MapPost("/{id:int}/exemptions", async Task<Results<Ok<MemberDto>, ValidationProblem, ForbidHttpResult>> (int id, ExemptionRequest req, UserScope scope, MemberService svc, AppDbContext db) =>
        {
            if (!await MemberQueries.CanEditAsync(db, scope, id)) return TypedResults.Forbid();
            var r = await svc.ExemptAsync(id, req.Kind, req.DecisionDate, req.From, req.To, req.Reason);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Ok((await MemberQueries.LoadAsync(db, scope, id))!);
        }).WithSummary("Miễn công tác và sinh hoạt đảng / nhiệm vụ đặc biệt");
        return g;
    }
}
