using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Meetings;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PracticeResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<ChiBo.Features.Practices.PracticeDto>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.NotFound>;

namespace ChiBo.Features.Practices;

public static class PracticesApi
{
    public record UpdateRequest(int Version, int? SourceCellId, string? Title, string? Summary, string? Description, int? TopicId, List<FigureInput>? Figures);
    public record EvidenceRequest(int Version, int MeetingId, int? AgendaItemId, int? RemarkId);
    public record VersionRequest(int Version);
    public record WithdrawRequest(int Version, string? Reason);
    public record AdoptRequest(int CellId, DateOnly? AdoptedOn, string? Note);

    public static void MapPractices(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1").WithTags("Cách làm hay, mô hình hiệu quả").RequireAuthorization();

        g.MapGet("/units/{unitId:int}/practices", async Task<Results<Ok<UnitPractices>, NotFound>> (int unitId, UserScope scope, AppDbContext db) =>
            await PracticeQueries.ForUnitAsync(db, unitId, scope.Today) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .Require<UnitAccess, UnitNeed>(UnitNeed.See, "unitId")
            .WithSummary("Cách làm hay của một đơn vị: cấp trên công bố tới đơn vị (với chi bộ: đã áp dụng hay chưa), đơn vị ghi nhận, cấp dưới ghi nhận");

        g.MapPost("/units/{committeeId:int}/practices", async Task<Results<Created<PracticeDto>, ValidationProblem>> (int committeeId, PracticeInput req, UserScope scope, PracticeService svc, AppDbContext db) =>
        {
            var r = await svc.CreateAsync(committeeId, req);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Created($"/api/v1/practices/{r.Value!.Id}", (await Reload(db, scope, r.Value.Id))!);
        }).Require<PracticeCommitteeAccess, PracticeNeed>(PracticeNeed.Record, "committeeId")
            .WithSummary("Cấp ủy ghi nhận một cách làm hay của chi bộ trực thuộc (dự thảo)");

        g.MapGet("/practices/{id:int}", async Task<PracticeResult> (int id, UserScope scope, AppDbContext db) =>
            await PracticeQueries.LoadAsync(db, scope, id) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound())
            .Require<PracticeAccess, PracticeNeed>(PracticeNeed.Read)
            .WithSummary("Một cách làm hay: mô tả, minh chứng từ biên bản, số liệu, các chi bộ đã áp dụng");

        g.MapPut("/practices/{id:int}", async Task<PracticeResult> (int id, UpdateRequest req, UserScope scope, PracticeService svc, AppDbContext db) =>
            await Reply(await svc.UpdateAsync(id, req.Version, new PracticeInput(req.SourceCellId, req.Title, req.Summary, req.Description, req.TopicId, req.Figures)), id, scope, db))
            .Require<PracticeAccess, PracticeNeed>(PracticeNeed.Record)
            .WithSummary("Sửa dự thảo cách làm hay (tên, tóm tắt, mô tả, chủ đề, số liệu)");

        g.MapPost("/practices/{id:int}/evidence", async Task<PracticeResult> (int id, EvidenceRequest req, UserScope scope, PracticeService svc, AppDbContext db) =>
            await Reply(await svc.LinkEvidenceAsync(id, req.Version, req.MeetingId, req.AgendaItemId, req.RemarkId), id, scope, db))
            .Require<PracticeAccess, PracticeNeed>(PracticeNeed.Record)
            .WithSummary("Thêm minh chứng: một buổi sinh hoạt của chi bộ, trích nguyên văn kết luận, ý kiến hoặc nghị quyết từ biên bản đã thông qua");

        g.MapDelete("/practices/{id:int}/evidence/{evidenceId:int}", async Task<PracticeResult> (int id, int evidenceId, int version, UserScope scope, PracticeService svc, AppDbContext db) =>
            await Reply(await svc.UnlinkEvidenceAsync(id, version, evidenceId), id, scope, db))
            .Require<PracticeAccess, PracticeNeed>(PracticeNeed.Record)
            .WithSummary("Gỡ một minh chứng (version là phiên bản đang xem)");

        g.MapGet("/practices/{id:int}/figures-from-records", async Task<Results<Ok<List<FigureInput>>, ValidationProblem, NotFound>> (int id, DateOnly? from, DateOnly? to, UserScope scope, AppDbContext db) =>
        {
            var p = await db.GoodPractices.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
            if (p is null) return TypedResults.NotFound();
            var (f, t) = (from ?? (to ?? scope.Today).AddYears(-1).AddDays(1), to ?? scope.Today);
            if (f > t) return Problems.Invalid("from", $"Ngày bắt đầu {f.Vn()} ở sau ngày kết thúc {t.Vn()}.");
            return TypedResults.Ok(await PracticeFigures.FromRecordsAsync(db, p.SourceCellId, f, t));
        }).Require<PracticeAccess, PracticeNeed>(PracticeNeed.Record)
            .WithSummary("Số liệu từ sổ sách của chi bộ nguồn trong một khoảng thời gian (mặc định 12 tháng gần nhất), để điền vào phần số liệu");

        g.MapPost("/practices/{id:int}/publish", async Task<PracticeResult> (int id, VersionRequest req, UserScope scope, PracticeService svc, AppDbContext db) =>
            await Reply(await svc.PublishAsync(id, req.Version), id, scope, db))
            .Require<PracticeAccess, PracticeNeed>(PracticeNeed.Record)
            .WithSummary("Công bố cách làm hay tới các chi bộ trong phạm vi cấp ủy ghi nhận");

        g.MapPost("/practices/{id:int}/withdraw", async Task<PracticeResult> (int id, WithdrawRequest req, UserScope scope, PracticeService svc, AppDbContext db) =>
            await Reply(await svc.WithdrawAsync(id, req.Version, req.Reason), id, scope, db))
            .Require<PracticeAccess, PracticeNeed>(PracticeNeed.Record)
            .WithSummary("Thu hồi cách làm hay đã công bố (kèm lý do); các lần áp dụng vẫn được lưu");

        // Taking a practice up is the cell's own declaration: its secretary records it, not the committee on its behalf.
        g.MapPost("/practices/{id:int}/adoptions", async Task<Results<Created<AdoptionDto>, ValidationProblem, ProblemHttpResult>> (int id, AdoptRequest req, PracticeService svc, AppDbContext db) =>
        {
            var r = await svc.AdoptAsync(id, req.CellId, req.AdoptedOn, req.Note);
            if (r.ToConflict() is { } conflict) return conflict;
            if (!r.Ok) return r.ToProblem();
            var name = await db.Units.Where(u => u.Id == req.CellId).Select(u => u.Name).FirstAsync();
            var a = r.Value!;
            return TypedResults.Created($"/api/v1/practices/{id}", new AdoptionDto(a.CellId, name, a.AdoptedOn, a.Note, a.RecordedBy));
        }).Require<PracticeAccess, PracticeNeed>(PracticeNeed.Read)
            .Require<UnitAccess, UnitNeed, AdoptRequest>(UnitNeed.Own, r => r.CellId == 0 ? null : r.CellId, "cellId")
            .WithSummary("Chi bộ đăng ký đã áp dụng cách làm hay (bí thư của chính chi bộ đó)");

        g.MapDelete("/practices/{id:int}/adoptions/{cellId:int}", async Task<Results<NoContent, NotFound>> (int id, int cellId, PracticeService svc) =>
            await svc.UnadoptAsync(id, cellId) ? TypedResults.NoContent() : TypedResults.NotFound())
            .Require<PracticeAccess, PracticeNeed>(PracticeNeed.Read)
            .Require<UnitAccess, UnitNeed>(UnitNeed.Own, "cellId")
            .WithSummary("Gỡ đăng ký áp dụng ghi nhầm (bí thư của chi bộ đã đăng ký)");

        g.MapGet("/units/{unitId:int}/practice-spread", async Task<Results<Ok<PracticeSpread>, NotFound>> (int unitId, int? practiceId, UserScope scope, AppDbContext db) =>
            await PracticeSpreads.ForNodeAsync(db, unitId, practiceId, scope.Today) is { } spread ? TypedResults.Ok(spread) : TypedResults.NotFound())
            .Require<UnitAccess, UnitNeed>(UnitNeed.See, "unitId")
            .RequireQuery<PracticeAccess, PracticeNeed>(PracticeNeed.Read, "practiceId")
            .WithSummary("Cách làm hay lan tỏa tới đâu: theo từng đơn vị trực thuộc, số chi bộ đã áp dụng trên số chi bộ được công bố, thấp nhất trước");
    }

    static async Task<PracticeResult> Reply(Outcome<GoodPractice> r, int id, UserScope scope, AppDbContext db)
    {
        if (r.ToConflict() is { } conflict) return conflict;
        if (!r.Ok) return r.ToProblem();
        return TypedResults.Ok((await Reload(db, scope, id))!);
    }

    static async Task<PracticeDto?> Reload(AppDbContext db, UserScope scope, int id)
    {
        db.ChangeTracker.Clear();
        return await PracticeQueries.LoadAsync(db, scope, id);
    }
}
