using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Meetings;
using ChiBo.Features.Rules;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Plans;

public static class PlansApi
{
    public record PlanItemDto(int Id, int Quarter, int? Month, int TopicId, string TopicName, string Title, int? PreparerId, string? PreparerName);
    public record PlanEventDto(PlanAction Action, string ActionText, DateTime At, string Actor, string? Comment);
    public record PlanDto(int Id, int CellId, int Year, PlanStatus Status, string StatusText, int ReviewerUnitId, DateOnly Due, bool? OnTime,
        DateTime? FirstSubmittedAt, DateTime? SubmittedAt, string? ReviewedBy, string? ReviewComment, List<PlanItemDto> Items, List<PlanEventDto> Events, int Version);
    public record SavePlanRequest(int? Version, List<PlanItemInput> Items);
    public record ReviewRequest(bool Approve, string? Comment, int Version);

    public static async Task<PlanDto?> LoadAsync(AppDbContext db, PlanService plans, int cellId, int year)
    {
        var p = await plans.FindAsync(cellId, year);
        if (p is null) return null;
        var due = (await RuleSets.InForceAsync(db, cellId, new DateOnly(year, 1, 1))).PlanDue(year);
        var topics = await db.Topics.ToDictionaryAsync(t => t.Id, t => t.Name);
        var ids = p.Items.Where(i => i.PreparerId is not null).Select(i => i.PreparerId!.Value).ToList();
        var names = await db.Members.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FullName);
        bool? onTime = p.FirstSubmittedAt is { } f ? VnTime.Day(f) < due : null;
        return new PlanDto(p.Id, p.CellId, p.Year, p.Status, p.Status.Vietnamese(), p.ReviewerUnitId, due, onTime, p.FirstSubmittedAt, p.SubmittedAt, p.ReviewedBy, p.ReviewComment,
            p.Items.Select(i => new PlanItemDto(i.Id, i.Quarter, i.Month, i.TopicId, topics.GetValueOrDefault(i.TopicId, ""), i.Title, i.PreparerId,
                i.PreparerId is { } pid ? names.GetValueOrDefault(pid) : null)).ToList(),
            p.Events.Select(e => new PlanEventDto(e.Action, e.Action.Vietnamese(), e.At, e.Actor, e.Comment)).ToList(), p.Version);
    }

    /// <summary>Reviewing is for committee staff at (or above) the committee the plan goes to, never the cell itself.</summary>
    public static async Task<bool> CanReviewAsync(UserScope scope, ThematicPlan plan) =>
        scope.IsStaff && scope.RootUnitId != plan.CellId && await scope.CanSeeUnitAsync(plan.ReviewerUnitId);

    static Results<Ok<PlanDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound> Reply(Outcome<ThematicPlan> r, PlanDto? dto)
    {
        if (r.ToConflict() is { } conflict) return conflict;
        if (!r.Ok) return r.ToProblem();
        return TypedResults.Ok(dto!);
    }

    public static void MapPlans(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1").WithTags("Kế hoạch sinh hoạt chuyên đề").RequireAuthorization();

        g.MapGet("/units/{cellId:int}/plans/{year:int}", async Task<Results<Ok<PlanDto>, NotFound, ForbidHttpResult>> (int cellId, int year, UserScope scope, AppDbContext db, PlanService plans) =>
        {
            if (!await scope.CanSeeUnitAsync(cellId, new DateOnly(year, 1, 1))) return TypedResults.Forbid();
            var dto = await LoadAsync(db, plans, cellId, year);
            return dto is null ? TypedResults.NotFound() : TypedResults.Ok(dto);
        }).WithSummary("Kế hoạch sinh hoạt chuyên đề năm của chi bộ");

        g.MapGet("/units/{cellId:int}/plans/{year:int}/docx", async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> (int cellId, int year, UserScope scope, AppDbContext db, PlanService plans) =>
        {
            if (!await scope.CanSeeUnitAsync(cellId, new DateOnly(year, 1, 1))) return TypedResults.Forbid();
            var dto = await LoadAsync(db, plans, cellId, year);
            return dto is null ? TypedResults.NotFound() : TypedResults.File(await PlanDocument.DocxAsync(db, dto), Documents.Docx.ContentType, $"ke-hoach-chuyen-de-{year}.docx");
        }).WithSummary("Kế hoạch sinh hoạt chuyên đề năm (DOCX, thể thức văn bản của Đảng)");

        g.MapPut("/units/{cellId:int}/plans/{year:int}", async Task<Results<Ok<PlanDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int cellId, int year, SavePlanRequest req, UserScope scope, AppDbContext db, PlanService plans) =>
        {
            if (!await scope.CanRunAsync(cellId)) return TypedResults.Forbid();
            var r = await plans.SaveAsync(cellId, year, req.Version, req.Items);
            return Reply(r, r.Ok ? await Reload(db, plans, cellId, year) : null);
        }).WithSummary("Lưu dự thảo kế hoạch (chuyên đề theo quý hoặc tháng, người chuẩn bị, chủ đề)");

        g.MapPost("/units/{cellId:int}/plans/{year:int}/submit", async Task<Results<Ok<PlanDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int cellId, int year, VersionBody req, UserScope scope, AppDbContext db, PlanService plans) =>
        {
            if (!await scope.CanRunAsync(cellId)) return TypedResults.Forbid();
            var r = await plans.SubmitAsync(cellId, year, req.Version);
            return Reply(r, r.Ok ? await Reload(db, plans, cellId, year) : null);
        }).WithSummary("Gửi kế hoạch lên cấp ủy (hạn theo quy định, mặc định trước 05/02)");

        g.MapPost("/plans/{id:int}/review", async Task<Results<Ok<PlanDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int id, ReviewRequest req, UserScope scope, AppDbContext db, PlanService plans) =>
        {
            var plan = await db.ThematicPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
            if (plan is null) return TypedResults.NotFound();
            if (!await CanReviewAsync(scope, plan)) return TypedResults.Forbid();
            var r = await plans.ReviewAsync(id, req.Approve, req.Comment, req.Version);
            return Reply(r, r.Ok ? await Reload(db, plans, plan.CellId, plan.Year) : null);
        }).WithSummary("Cấp ủy phê duyệt hoặc trả lại kế hoạch (kèm ý kiến)");

        g.MapGet("/units/{unitId:int}/plans-overview", async Task<Results<Ok<PlanOverview>, ForbidHttpResult>> (int unitId, int? year, UserScope scope, PlanService plans) =>
        {
            if (!await scope.CanSeeUnitAsync(unitId)) return TypedResults.Forbid();
            return TypedResults.Ok(await plans.OverviewAsync(unitId, year ?? scope.Today.Year));
        }).WithSummary("Tình hình gửi kế hoạch của các chi bộ trong đơn vị: đúng hạn, muộn, được duyệt, bị trả lại, chưa gửi");

        g.MapGet("/units/{cellId:int}/plans/{year:int}/practice", async Task<Results<Ok<PlanPractice>, ForbidHttpResult>> (int cellId, int year, UserScope scope, PlanService plans) =>
        {
            if (!await scope.CanSeeUnitAsync(cellId, new DateOnly(year, 1, 1))) return TypedResults.Forbid();
            return TypedResults.Ok(await plans.PracticeAsync(cellId, year, scope.Today));
        }).WithSummary("Đối chiếu kế hoạch với thực tế: đúng hạn, muộn, không sinh hoạt, ngoài kế hoạch");
    }

    public record VersionBody(int Version);

    static async Task<PlanDto?> Reload(AppDbContext db, PlanService plans, int cellId, int year)
    {
        db.ChangeTracker.Clear();
        return await LoadAsync(db, plans, cellId, year);
    }
}
