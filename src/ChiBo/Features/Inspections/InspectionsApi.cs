using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Inspections;

/// <summary>Inspection and supervision of meeting practice (kiểm tra, giám sát): plans, inspections, conclusions, remedies.</summary>
public static class InspectionsApi
{
    public record VersionBody(int Version);

    static Results<Ok<T>, ValidationProblem, ProblemHttpResult, NotFound> Reply<TValue, T>(Outcome<TValue> r, Func<T?> dto) where T : class
    {
        if (r.ToConflict() is { } conflict) return conflict;
        if (!r.Ok) return r.ToProblem();
        return dto() is { } value ? TypedResults.Ok(value) : TypedResults.NotFound();
    }

    public static void MapInspections(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1").WithTags("Kiểm tra, giám sát").RequireAuthorization();

        g.MapGet("/units/{unitId:int}/inspection-plans/{year:int}", async (int unitId, int year, UserScope scope, AppDbContext db) =>
            TypedResults.Ok(await InspectionQueries.PlansAsync(db, unitId, year, scope.Today)))
            .Require<UnitAccess, UnitNeed>(UnitNeed.See, "unitId")
            .WithSummary("Kế hoạch kiểm tra, giám sát năm của cấp ủy (Đảng ủy và Ủy ban Kiểm tra), với các cuộc kiểm tra");

        // The committee plans its own inspections: its own staff, not the level above.
        g.MapPut("/units/{unitId:int}/inspection-plans/{year:int}", async Task<Results<Ok<InspectionPlanDto>, ValidationProblem, ProblemHttpResult, NotFound>> (int unitId, int year, PlanInput req, UserScope scope, AppDbContext db, InspectionService svc) =>
        {
            var r = await svc.SavePlanAsync(unitId, year, req);
            var plans = r.Ok ? await InspectionQueries.PlansAsync(db, unitId, year, scope.Today) : [];
            return Reply(r, () => plans.FirstOrDefault(p => p.Id == r.Value!.Id));
        }).Require<UnitAccess, UnitNeed>(UnitNeed.Own, "unitId")
            .WithSummary("Lập hoặc sửa dự thảo kế hoạch kiểm tra, giám sát năm (chủ thể: Đảng ủy hoặc Ủy ban Kiểm tra Đảng ủy)");

        g.MapPost("/inspection-plans/{id:int}/approve", async Task<Results<Ok<InspectionPlanDto>, ValidationProblem, ProblemHttpResult, NotFound>> (int id, VersionBody req, UserScope scope, AppDbContext db, InspectionService svc) =>
        {
            var plan = await db.InspectionPlans.AsNoTracking().FirstAsync(p => p.Id == id);
            var r = await svc.ApprovePlanAsync(id, req.Version);
            var plans = r.Ok ? await InspectionQueries.PlansAsync(db, plan.UnitId, plan.Year, scope.Today) : [];
            return Reply(r, () => plans.FirstOrDefault(p => p.Id == id));
        }).Require<InspectionPlanAccess, InspectionNeed>(InspectionNeed.Inspect)
            .WithSummary("Phê duyệt kế hoạch kiểm tra, giám sát");

        g.MapPost("/inspection-plans/{id:int}/inspections", async Task<Results<Ok<InspectionDto>, ValidationProblem, ProblemHttpResult, NotFound>> (int id, InspectionInput req, UserScope scope, AppDbContext db, InspectionService svc) =>
        {
            var r = await svc.AddAsync(id, req);
            var dto = r.Ok ? await InspectionQueries.LoadAsync(db, r.Value!.Id, scope.Today) : null;
            return Reply(r, () => dto);
        }).Require<InspectionPlanAccess, InspectionNeed>(InspectionNeed.Inspect)
            .WithSummary("Thêm cuộc kiểm tra, giám sát chi bộ vào kế hoạch (tháng, hình thức, nội dung, thời kỳ)");

        g.MapGet("/units/{unitId:int}/inspections", async (int unitId, int? year, UserScope scope, AppDbContext db) =>
            TypedResults.Ok(await InspectionQueries.ListAsync(db, unitId, year ?? scope.Today.Year, scope.Today)))
            .Require<UnitAccess, UnitNeed>(UnitNeed.See, "unitId")
            .WithSummary("Các cuộc kiểm tra, giám sát trong năm: do đơn vị tiến hành hoặc đối với chi bộ, với số biện pháp khắc phục còn mở, quá hạn");

        g.MapGet("/inspections/{id:int}", async Task<Results<Ok<InspectionDto>, NotFound>> (int id, UserScope scope, AppDbContext db) =>
            await InspectionQueries.LoadAsync(db, id, scope.Today) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound())
            .Require<InspectionAccess, InspectionNeed>(InspectionNeed.Read)
            .WithSummary("Cuộc kiểm tra: số liệu đã kiểm tra, kết quả, thông báo kết luận, biện pháp khắc phục");

        g.MapPost("/inspections/{id:int}/start", (int id, VersionBody req, UserScope scope, AppDbContext db, InspectionService svc) =>
            Then(id, scope, db, () => svc.StartAsync(id, req.Version)))
            .Require<InspectionAccess, InspectionNeed>(InspectionNeed.Inspect)
            .WithSummary("Bắt đầu kiểm tra: lấy số liệu sinh hoạt của chi bộ trong thời kỳ từ sổ họp (gọi lại để cập nhật khi chưa kết luận)");

        g.MapPut("/inspections/{id:int}/findings", (int id, FindingsInput req, UserScope scope, AppDbContext db, InspectionService svc) =>
            Then(id, scope, db, () => svc.SaveFindingsAsync(id, req)))
            .Require<InspectionAccess, InspectionNeed>(InspectionNeed.Inspect)
            .WithSummary("Ghi kết quả kiểm tra: ưu điểm, hạn chế, yêu cầu khắc phục (khóa sau khi kết luận)");

        g.MapPost("/inspections/{id:int}/conclude", (int id, ConcludeInput req, UserScope scope, AppDbContext db, InspectionService svc) =>
            Then(id, scope, db, () => svc.ConcludeAsync(id, req)))
            .Require<InspectionAccess, InspectionNeed>(InspectionNeed.Inspect)
            .WithSummary("Kết luận: ban hành Thông báo kết luận (loại TB, cấp số trong sổ văn bản của cấp ủy) và khóa kết quả kiểm tra");

        g.MapPost("/inspections/{id:int}/remedies", (int id, RemedyInput req, UserScope scope, AppDbContext db, InspectionService svc) =>
            Then(id, scope, db, () => svc.AddRemedyAsync(id, req)))
            .Require<InspectionAccess, InspectionNeed>(InspectionNeed.Answer)
            .WithSummary("Chi bộ trả lời bằng biện pháp khắc phục: hạn chế, biện pháp, người chịu trách nhiệm, thời hạn");

        g.MapPut("/remedies/{id:int}", async (int id, RemedyInput req, UserScope scope, AppDbContext db, InspectionService svc) =>
            await Then(await InspectionOf(db, id), scope, db, () => svc.EditRemedyAsync(id, req)))
            .Require<RemedyAccess, InspectionNeed>(InspectionNeed.Answer)
            .WithSummary("Sửa biện pháp khắc phục chưa hoàn thành (kèm version)");

        g.MapPost("/remedies/{id:int}/done", async (int id, DoneInput req, UserScope scope, AppDbContext db, InspectionService svc) =>
            await Then(await InspectionOf(db, id), scope, db, () => svc.MarkDoneAsync(id, req)))
            .Require<RemedyAccess, InspectionNeed>(InspectionNeed.Answer)
            .WithSummary("Đánh dấu biện pháp khắc phục đã hoàn thành (ngày, ghi chú)");
    }

    static Task<int> InspectionOf(AppDbContext db, int remedyId) => db.Remedies.Where(r => r.Id == remedyId).Select(r => r.InspectionId).FirstAsync();

    /// <summary>Runs a step the declared rule allowed, then answers with the inspection as it now is.</summary>
    static async Task<Results<Ok<InspectionDto>, ValidationProblem, ProblemHttpResult, NotFound>> Then<T>(int inspectionId, UserScope scope, AppDbContext db,
        Func<Task<Outcome<T>>> action)
    {
        var r = await action();
        db.ChangeTracker.Clear();
        var dto = r.Ok ? await InspectionQueries.LoadAsync(db, inspectionId, scope.Today) : null;
        return Reply(r, () => dto);
    }
}
