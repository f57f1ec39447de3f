using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
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

    static Results<Ok<PlanDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound> Reply(Outcome<ThematicPlan> r, PlanDto? dto)
    {
        if (r.ToConflict() is { } conflict) return conflict;
        if (!r.Ok) return r.ToProblem();
        return TypedResults.Ok(dto!);
    }

    public static void MapPlans(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1").WithTags("Kế hoạch sinh hoạt chuyên đề").RequireAuthorization();

        g.MapGet("/units/{cellId:int}/plans/{year:int}", async Task<Results<Ok<PlanDto>, ProblemHttpResult>> (int cellId, int year, AppDbContext db, PlanService plans) =>
            await LoadAsync(db, plans, cellId, year) is { } dto ? TypedResults.Ok(dto) : Problems.NotFound($"Chi bộ chưa có kế hoạch sinh hoạt chuyên đề năm {year}."))
            .Require<UnitAccess, UnitNeed>(UnitNeed.See, "cellId")
            .WithSummary("Kế hoạch sinh hoạt chuyên đề năm của chi bộ");

        g.MapGet("/units/{cellId:int}/plans/{year:int}/docx", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int cellId, int year, AppDbContext db, PlanService plans) =>
            await LoadAsync(db, plans, cellId, year) is { } dto
                ? TypedResults.File(await PlanDocument.DocxAsync(db, dto), Documents.Docx.ContentType, $"ke-hoach-chuyen-de-{year}.docx")
                : Problems.NotFound($"Chi bộ chưa có kế hoạch sinh hoạt chuyên đề năm {year}."))
            .Require<UnitAccess, UnitNeed>(UnitNeed.See, "cellId")
            .WithSummary("Kế hoạch sinh hoạt chuyên đề năm (DOCX, thể thức văn bản của Đảng)");

        // The cell's secretary drafts (or committee staff above it, who help a cell without one); only the cell itself sends it.
        g.MapPut("/units/{cellId:int}/plans/{year:int}", async Task<Results<Ok<PlanDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int cellId, int year, SavePlanRequest req, AppDbContext db, PlanService plans) =>
        {
            var r = await plans.SaveAsync(cellId, year, req.Version, req.Items ?? []);
            return Reply(r, r.Ok ? await Reload(db, plans, cellId, year) : null);
        }).Require<UnitAccess, UnitNeed>(UnitNeed.Run, "cellId")
          .WithSummary("Lưu dự thảo kế hoạch (chuyên đề theo quý hoặc tháng, người chuẩn bị, chủ đề)");

        g.MapPost("/units/{cellId:int}/plans/{year:int}/submit", async Task<Results<Ok<PlanDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int cellId, int year, VersionBody req, AppDbContext db, PlanService plans) =>
        {
            var r = await plans.SubmitAsync(cellId, year, req.Version);
            return Reply(r, r.Ok ? await Reload(db, plans, cellId, year) : null);
        }).Require<UnitAccess, UnitNeed>(UnitNeed.Own, "cellId")
          .WithSummary("Chi bộ gửi kế hoạch lên cấp ủy (hạn theo quy định, mặc định trước 05/02)");

        g.MapPost("/plans/{id:int}/review", async Task<Results<Ok<PlanDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int id, ReviewRequest req, AppDbContext db, PlanService plans) =>
        {
            var r = await plans.ReviewAsync(id, req.Approve, req.Comment, req.Version);
            var plan = await db.ThematicPlans.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.CellId, p.Year }).FirstAsync();
            return Reply(r, r.Ok ? await Reload(db, plans, plan.CellId, plan.Year) : null);
        }).Require<PlanAccess, PlanNeed>(PlanNeed.Review)
          .WithSummary("Cấp ủy duyệt kế hoạch (cấp trên trực tiếp của chi bộ) phê duyệt hoặc trả lại kế hoạch, kèm ý kiến");

        g.MapGet("/units/{unitId:int}/plans-overview", async Task<Ok<PlanOverview>> (int unitId, int? year, UserScope scope, PlanService plans) =>
            TypedResults.Ok(await plans.OverviewAsync(unitId, year ?? scope.Today.Year)))
            .Require<UnitAccess, UnitNeed>(UnitNeed.See, "unitId")
            .WithSummary("Tình hình gửi kế hoạch của các chi bộ trong đơn vị: đúng hạn, muộn, được duyệt, bị trả lại, chưa gửi");

        g.MapGet("/units/{cellId:int}/plans/{year:int}/practice", async Task<Ok<PlanPractice>> (int cellId, int year, UserScope scope, PlanService plans) =>
            TypedResults.Ok(await plans.PracticeAsync(cellId, year, scope.Today)))
            .Require<UnitAccess, UnitNeed>(UnitNeed.See, "cellId")
            .WithSummary("Đối chiếu kế hoạch với thực tế: đúng hạn, muộn, không sinh hoạt, ngoài kế hoạch");
    }

    public record VersionBody(int Version);

    static async Task<PlanDto?> Reload(AppDbContext db, PlanService plans, int cellId, int year)
    {
        db.ChangeTracker.Clear();
        return await LoadAsync(db, plans, cellId, year);
    }
}
