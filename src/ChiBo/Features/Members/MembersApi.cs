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

        g.MapGet("/{id:int}", async Task<Results<Ok<MemberDto>, NotFound>> (int id, UserScope scope, AppDbContext db) =>
            await MemberQueries.LoadAsync(db, scope, id) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound())
            .Require<MemberAccess, MemberNeed>(MemberNeed.Read).WithSummary("Hồ sơ đảng viên (thông tin cá nhân chỉ hiện với vai trò cần đến)");

        g.MapPost("/", async Task<Results<Created<MemberDto>, ValidationProblem>> (CreateMemberRequest req, UserScope scope, MemberService svc, AppDbContext db) =>
        {
            var r = await svc.CreateAsync(req.Profile, req.CellId, req.JoinedOn);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Created($"/api/v1/members/{r.Value!.Id}", (await MemberQueries.LoadAsync(db, scope, r.Value.Id))!);
        }).Require<UnitAccess, UnitNeed, CreateMemberRequest>(UnitNeed.Run, r => r.CellId, "cellId").WithSummary("Thêm đảng viên vào chi bộ");

        g.MapPut("/{id:int}", async Task<Results<Ok<MemberDto>, ValidationProblem, ProblemHttpResult>> (int id, UpdateMemberRequest req, UserScope scope, MemberService svc, AppDbContext db) =>
        {
            var r = await svc.UpdateAsync(id, req.Profile, req.Version);
            if (r.ToConflict() is { } conflict) return conflict;
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Ok((await MemberQueries.LoadAsync(db, scope, id))!);
        }).Require<MemberAccess, MemberNeed>(MemberNeed.Edit).WithSummary("Sửa hồ sơ (gửi kèm version để không ghi đè thay đổi của người khác)");

        g.MapPost("/{id:int}/transfer", async Task<Results<Ok<MemberDto>, ValidationProblem>> (int id, TransferRequest req, UserScope scope, MemberService svc, AppDbContext db) =>
        {
            var r = await OrganizationApi.InTransaction(db, () => svc.TransferAsync(id, req.ToCellId, req.Date, req.Note));
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Ok((await MemberQueries.LoadAsync(db, scope, id))!);
        }).Require<MemberAccess, MemberNeed>(MemberNeed.Edit)
          // The sending side must be the account's, and so must the receiving cell.
          .Require<UnitAccess, UnitNeed, TransferRequest>(UnitNeed.Run, r => r.ToCellId, "toCellId").WithSummary("Chuyển sinh hoạt đảng");

        g.MapPost("/{id:int}/positions", async Task<Results<Ok<MemberDto>, ValidationProblem>> (int id, PositionRequest req, UserScope scope, MemberService svc, AppDbContext db) =>
        {
            var r = await svc.AssignPositionAsync(id, req.Position, req.From);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Ok((await MemberQueries.LoadAsync(db, scope, id))!);
        }).Require<MemberAccess, MemberNeed>(MemberNeed.Edit).WithSummary("Giao chức vụ trong chi bộ");

        g.MapPost("/{id:int}/exemptions", async Task<Results<Ok<MemberDto>, ValidationProblem>> (int id, ExemptionRequest req, UserScope scope, MemberService svc, AppDbContext db) =>
        {
            var r = await svc.ExemptAsync(id, req.Kind, req.DecisionDate, req.From, req.To, req.Reason);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Ok((await MemberQueries.LoadAsync(db, scope, id))!);
        }).Require<MemberAccess, MemberNeed>(MemberNeed.Edit).WithSummary("Miễn công tác và sinh hoạt đảng / nhiệm vụ đặc biệt");
        LeavingService.Map(g);
        return g;
    }
}
