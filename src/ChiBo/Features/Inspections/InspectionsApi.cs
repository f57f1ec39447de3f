using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Inspections;

/// <summary>Inspection and supervision of meeting practice (kiểm tra, giám sát): plans, inspections, conclusions, remedies.</summary>
public static class InspectionsApi
{
    public record VersionBody(int Version);

    static Results<Ok<T>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound> Reply<TValue, T>(Outcome<TValue> r, Func<T?> dto) where T : class
    {
        if (r.ToConflict() is { } conflict) return conflict;
        if (!r.Ok) return r.ToProblem();
        return dto() is { } value ? TypedResults.Ok(value) : TypedResults.NotFound();
    }

    public static void MapInspections(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1").WithTags("Kiểm tra, giám sát").RequireAuthorization();

        g.MapGet("/units/{unitId:int}/inspection-plans/{year:int}", async Task<Results<Ok<List<InspectionPlanDto>>, ForbidHttpResult>> (int unitId, int year, UserScope scope, AppDbContext db) =>
        {
            if (!await scope.CanSeeUnitAsync(unitId)) return TypedResults.Forbid();
            return TypedResults.Ok(await InspectionQueries.PlansAsync(db, unitId, year, scope.Today));
        }).WithSummary("Kế hoạch kiểm tra, giám sát năm của cấp ủy (Đảng ủy và Ủy ban Kiểm tra), với các cuộc kiểm tra");

        g.MapPut("/units/{unitId:int}/inspection-plans/{year:int}", async Task<Results<Ok<InspectionPlanDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int unitId, int year, PlanInput req, UserScope scope, AppDbContext db, InspectionService svc) =>
        {
            if (!await scope.CanInspectAsync(unitId)) return TypedResults.Forbid();
            var r = await svc.SavePlanAsync(unitId, year, req);
            var plans = r.Ok ? await InspectionQueries.PlansAsync(db, unitId, year, scope.Today) : [];
            return Reply(r, () => plans.FirstOrDefault(p => p.Id == r.Value!.Id));
        }).WithSummary("Lập hoặc sửa dự thảo kế hoạch kiểm tra, giám sát năm (chủ thể: Đảng ủy hoặc Ủy ban Kiểm tra Đảng ủy)");

        g.MapPost("/inspection-plans/{id:int}/approve", async Task<Results<Ok<InspectionPlanDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int id, VersionBody req, UserScope scope, AppDbContext db, InspectionService svc) =>
        {
            var plan = await db.InspectionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
            if (plan is null) return TypedResults.NotFound();
            if (!await scope.CanInspectAsync(plan.UnitId)) return TypedResults.Forbid();
            var r = await svc.ApprovePlanAsync(id, req.Version);
            var plans = r.Ok ? await InspectionQueries.PlansAsync(db, plan.UnitId, plan.Year, scope.Today) : [];
            return Reply(r, () => plans.FirstOrDefault(p => p.Id == id));
        }).WithSummary("Phê duyệt kế hoạch kiểm tra, giám sát");

        g.MapPost("/inspection-plans/{id:int}/inspections", async Task<Results<Ok<InspectionDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int id, InspectionInput req, UserScope scope, AppDbContext db, InspectionService svc) =>
        {
            var plan = await db.InspectionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
            if (plan is null) return TypedResults.NotFound();
            if (!await scope.CanInspectAsync(plan.UnitId)) return TypedResults.Forbid();
            var r = await svc.AddAsync(id, req);
            var dto = r.Ok ? await InspectionQueries.LoadAsync(db, r.Value!.Id, scope.Today) : null;
            return Reply(r, () => dto);
        }).WithSummary("Thêm cuộc kiểm tra, giám sát chi bộ vào kế hoạch (tháng, hình thức, nội dung, thời kỳ)");

        g.MapGet("/units/{unitId:int}/inspections", async Task<Results<Ok<List<InspectionListItem>>, ForbidHttpResult>> (int unitId, int? year, UserScope scope, AppDbContext db) =>
        {
            if (!await scope.CanSeeUnitAsync(unitId)) return TypedResults.Forbid();
            return TypedResults.Ok(await InspectionQueries.ListAsync(db, unitId, year ?? scope.Today.Year, scope.Today));
        }).WithSummary("Các cuộc kiểm tra, giám sát trong năm: do đơn vị tiến hành hoặc đối với chi bộ, với số biện pháp khắc phục còn mở, quá hạn");

        g.MapGet("/inspections/{id:int}", async Task<Results<Ok<InspectionDto>, ForbidHttpResult, NotFound>> (int id, UserScope scope, AppDbContext db) =>
        {
            var i = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
            if (i is null) return TypedResults.NotFound();
            if (!await scope.CanReadAsync(i)) return TypedResults.Forbid();
            return TypedResults.Ok((await InspectionQueries.LoadAsync(db, id, scope.Today))!);
        }).WithSummary("Cuộc kiểm tra: số liệu đã kiểm tra, kết quả, thông báo kết luận, biện pháp khắc phục");

        g.MapPost("/inspections/{id:int}/start", (int id, VersionBody req, UserScope scope, AppDbContext db, InspectionService svc) =>
            Inspect(id, scope, db, i => svc.StartAsync(id, req.Version)))
            .WithSummary("Bắt đầu kiểm tra: lấy số liệu sinh hoạt của chi bộ trong thời kỳ từ sổ họp (gọi lại để cập nhật khi chưa kết luận)");

        g.MapPut("/inspections/{id:int}/findings", (int id, FindingsInput req, UserScope scope, AppDbContext db, InspectionService svc) =>
            Inspect(id, scope, db, i => svc.SaveFindingsAsync(id, req)))
            .WithSummary("Ghi kết quả kiểm tra: ưu điểm, hạn chế, yêu cầu khắc phục (khóa sau khi kết luận)");

        g.MapPost("/inspections/{id:int}/conclude", (int id, ConcludeInput req, UserScope scope, AppDbContext db, InspectionService svc) =>
            Inspect(id, scope, db, i => svc.ConcludeAsync(id, req)))
            .WithSummary("Kết luận: ban hành Thông báo kết luận (loại TB, cấp số trong sổ văn bản của cấp ủy) và khóa kết quả kiểm tra");

        g.MapPost("/inspections/{id:int}/remedies", async Task<Results<Ok<InspectionDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int id, RemedyInput req, UserScope scope, AppDbContext db, InspectionService svc) =>
        {
            var i = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
            if (i is null) return TypedResults.NotFound();
            if (!await scope.CanAnswerAsync(i)) return TypedResults.Forbid();
            var r = await svc.AddRemedyAsync(id, req);
            var dto = r.Ok ? await InspectionQueries.LoadAsync(db, id, scope.Today) : null;
            return Reply(r, () => dto);
        }).WithSummary("Chi bộ trả lời bằng biện pháp khắc phục: hạn chế, biện pháp, người chịu trách nhiệm, thời hạn");

        g.MapPut("/remedies/{id:int}", (int id, RemedyInput req, UserScope scope, AppDbContext db, InspectionService svc) =>
            Answer(id, scope, db, () => svc.EditRemedyAsync(id, req)))
            .WithSummary("Sửa biện pháp khắc phục chưa hoàn thành (kèm version)");

        g.MapPost("/remedies/{id:int}/done", (int id, DoneInput req, UserScope scope, AppDbContext db, InspectionService svc) =>
            Answer(id, scope, db, () => svc.MarkDoneAsync(id, req)))
            .WithSummary("Đánh dấu biện pháp khắc phục đã hoàn thành (ngày, ghi chú)");
    }

    static async Task<Results<Ok<InspectionDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> Inspect(int id, UserScope scope, AppDbContext db,
        Func<Inspection, Task<Outcome<Inspection>>> action)
    {
        var i = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (i is null) return TypedResults.NotFound();
        if (!await scope.CanInspectAsync(i.UnitId)) return TypedResults.Forbid();
        var r = await action(i);
        db.ChangeTracker.Clear();
        var dto = r.Ok ? await InspectionQueries.LoadAsync(db, id, scope.Today) : null;
        return Reply(r, () => dto);
    }

    static async Task<Results<Ok<InspectionDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> Answer(int remedyId, UserScope scope, AppDbContext db,
        Func<Task<Outcome<Remedy>>> action)
    {
        var i = await db.Remedies.Where(r => r.Id == remedyId).Join(db.Inspections, r => r.InspectionId, x => x.Id, (r, x) => x).AsNoTracking().FirstOrDefaultAsync();
        if (i is null) return TypedResults.NotFound();
        if (!await scope.CanAnswerAsync(i)) return TypedResults.Forbid();
        var r = await action();
        db.ChangeTracker.Clear();
        var dto = r.Ok ? await InspectionQueries.LoadAsync(db, i.Id, scope.Today) : null;
        return Reply(r, () => dto);
    }
}
