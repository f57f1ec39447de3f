using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Appraisals;

public static partial class AppraisalsApi
{
    public static void MapAppraisals(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1").WithTags("Đánh giá, xếp loại và Chi bộ 4 tốt").RequireAuthorization();

        g.MapGet("/appraisal-schemes", async Task<Ok<List<AppraisalScheme>>> (AppDbContext db, UserScope scope) =>
        {
            var all = await db.AppraisalSchemes.Include(s => s.Criteria.OrderBy(c => c.Order)).Include(s => s.Conditions).AsSplitQuery().AsNoTracking()
                .OrderBy(s => s.Subject).ThenByDescending(s => s.EffectiveFrom).ToListAsync();
            // A committee's own version is for its subtree: the accounts under it (it rates them) and those who see it.
            var above = await db.UnitClosures.Where(c => c.DescendantId == scope.RootUnitId).Select(c => c.AncestorId).Distinct().ToListAsync();
            var list = new List<AppraisalScheme>();
            foreach (var s in all)
                if (s.UnitId is not { } u || above.Contains(u) || await scope.CanSeeUnitAsync(u)) list.Add(s);
            return TypedResults.Ok(list);
        }).OwnRecordsOnly("reference data: the rating schemes in force over the account's node (Party-wide, its ancestors', its subtree's)")
          .WithSummary("Các quy định đánh giá, xếp loại (theo thời gian hiệu lực): tiêu chí, thang điểm, điều kiện, tỷ lệ");

        g.MapPost("/appraisal-schemes", async Task<Results<Created<AppraisalScheme>, ValidationProblem, ProblemHttpResult>> (SchemeInput req, UserScope scope, SchemeVersions versions) =>
        {
            // Party-wide rules are the administrators'; a committee's staff set their own subtree's (e.g. a quota), checked on unitId.
            if (req.UnitId is null && !scope.IsAdmin)
                return Problems.Forbidden("Quy định áp dụng toàn Đảng do quản trị hệ thống ban hành; cấp ủy ban hành quy định cho đơn vị mình (ghi unitId).");
            var r = await versions.CreateAsync(req);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Created($"/api/v1/appraisal-schemes/{r.Value!.Id}", r.Value);
        }).Require<UnitAccess, UnitNeed, SchemeInput>(UnitNeed.Manage, b => b.UnitId, "unitId")
          .WithSummary("Ban hành phiên bản mới của quy định đánh giá, xếp loại từ một ngày (toàn Đảng hoặc cho một đơn vị): ngưỡng điểm, tiêu chí, điều kiện, tỷ lệ khống chế");

        g.MapGet("/units/{unitId:int}/appraisals", async Task<Results<Ok<Overview>, ProblemHttpResult, ValidationProblem>> (int unitId, int year, AppraisalSubject? subject, UnitAccess units, AppDbContext db, AppraisalService svc) =>
        {
            if (subject is { } s && !Enum.IsDefined(s)) return Problems.Invalid("subject", "Đối tượng đánh giá là Organization (tổ chức đảng) hoặc Member (đảng viên).");
            // Members' ratings are the cell's and its committee's working records, not every reader's.
            if (subject == AppraisalSubject.Member && await units.ForAsync(unitId, UnitNeed.Run) is { Allowed: false } refused) return refused.ToProblem();
            return TypedResults.Ok(await OverviewAsync(db, svc, unitId, year, subject ?? AppraisalSubject.Organization));
        }).Require<UnitAccess, UnitNeed>(UnitNeed.See, "unitId")
          .WithSummary("Kết quả đánh giá, xếp loại các tổ chức đảng trực thuộc (hoặc đảng viên của chi bộ) trong năm: trạng thái, phân bố, tỷ lệ");

        g.MapPost("/units/{unitId:int}/appraisals", async Task<Results<Created<AppraisalDto>, ValidationProblem, ProblemHttpResult>> (int unitId, StartRequest req, AppraisalAccess access, AppDbContext db, AppraisalService svc) =>
        {
            var r = await svc.StartAsync(unitId, req.MemberId, req.Year, req.FromYear);
            if (!r.Ok) return r.ToProblem();
            db.ChangeTracker.Clear();
            return TypedResults.Created($"/api/v1/appraisals/{r.Value!.Id}", (await LoadAsync(db, svc, access, r.Value.Id))!);
        }).Require<UnitAccess, UnitNeed>(UnitNeed.Run, "unitId")
          .WithSummary("Mở đánh giá, xếp loại năm (hoặc nhiệm kỳ, với fromYear) của tổ chức đảng hoặc của một đảng viên (điểm các tiêu chí tính được đề xuất từ dữ liệu sinh hoạt)");

        g.MapGet("/appraisals/{id:int}", async Task<Ok<AppraisalDto>> (int id, AppraisalAccess access, AppDbContext db, AppraisalService svc) =>
            TypedResults.Ok((await LoadAsync(db, svc, access, id))!))
            .Require<AppraisalAccess, AppraisalNeed>(AppraisalNeed.Read)
            .WithSummary("Bản đánh giá, xếp loại: tiêu chí, điểm từng bước, minh chứng từ dữ liệu sinh hoạt, lịch sử");

        async Task<Results<Ok<AppraisalDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> Step(int id, AppraisalAccess access, AppDbContext db, AppraisalService svc,
            Func<Task<Outcome<Appraisal>>> run)
        {
            var r = await run();
            db.ChangeTracker.Clear();
            return Reply(r, r.Ok ? await LoadAsync(db, svc, access, id) : null);
        }

        g.MapPost("/appraisals/{id:int}/self", (int id, StepRequest req, AppraisalAccess access, AppDbContext db, AppraisalService svc) =>
            Step(id, access, db, svc, () => svc.SelfAssessAsync(id, req.Scores, req.Note, req.Version)))
            .Require<AppraisalAccess, AppraisalNeed>(AppraisalNeed.Self)
            .WithSummary("Tự đánh giá, tự xếp loại (điểm tiêu chí bỏ trống lấy theo dữ liệu nếu tiêu chí tính được)");
        g.MapPost("/appraisals/{id:int}/propose", (int id, StepRequest req, AppraisalAccess access, AppDbContext db, AppraisalService svc) =>
            Step(id, access, db, svc, () => svc.ProposeAsync(id, req.Scores, req.Note, req.Version)))
            .Require<AppraisalAccess, AppraisalNeed>(AppraisalNeed.Propose)
            .WithSummary("Chi bộ (cấp ủy) nhận xét, chấm điểm và đề xuất mức xếp loại");
        g.MapPost("/appraisals/{id:int}/decide", (int id, DecideRequest req, AppraisalAccess access, AppDbContext db, AppraisalService svc) =>
            Step(id, access, db, svc, () => svc.DecideAsync(id, req.Level, req.Note, req.Version)))
            .Require<AppraisalAccess, AppraisalNeed>(AppraisalNeed.Decide)
            .WithSummary("Cấp ủy trực tiếp cấp trên quyết định xếp loại (“xuất sắc” chỉ khi đạt mọi điều kiện và trong tỷ lệ)");
        g.MapPost("/appraisals/{id:int}/return", (int id, ReturnRequest req, AppraisalAccess access, AppDbContext db, AppraisalService svc) =>
            Step(id, access, db, svc, () => svc.ReturnAsync(id, req.Note, req.Version)))
            .Require<AppraisalAccess, AppraisalNeed>(AppraisalNeed.Return)
            .WithSummary("Trả lại để đánh giá lại (kèm lý do)");

        g.MapGet("/units/{cellId:int}/four-good/{year:int}", async Task<Ok<FourGoodDto>> (int cellId, int year, AppDbContext db, AppraisalService svc, FourGoodService four) =>
            TypedResults.Ok(await FourGoodAsync(db, svc, four, cellId, year)))
            .Require<FourGoodAccess, FourGoodNeed>(FourGoodNeed.Read, "cellId")
            .WithSummary("“Chi bộ 4 tốt” của chi bộ trong năm, với minh chứng; chất lượng sinh hoạt đề xuất từ xếp loại các buổi sinh hoạt");

        g.MapPut("/units/{cellId:int}/four-good/{year:int}", async Task<Results<Ok<FourGoodDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int cellId, int year, FourGoodInput req, AppDbContext db, AppraisalService svc, FourGoodService four) =>
        {
            var r = await four.SaveAsync(cellId, year, req);
            return Reply(r, r.Ok ? await FourGoodAsync(db, svc, four, cellId, year) : null);
        }).Require<FourGoodAccess, FourGoodNeed>(FourGoodNeed.Record, "cellId")
          .WithSummary("Chi bộ báo cáo bốn tiêu chí “4 tốt” với minh chứng");

        g.MapPost("/units/{cellId:int}/four-good/{year:int}/recognize", async Task<Results<Ok<FourGoodDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int cellId, int year, ReturnRequest req, AppDbContext db, AppraisalService svc, FourGoodService four) =>
        {
            var r = await four.RecognizeAsync(cellId, year, req.Version);
            return Reply(r, r.Ok ? await FourGoodAsync(db, svc, four, cellId, year) : null);
        }).Require<FourGoodAccess, FourGoodNeed>(FourGoodNeed.Recognize, "cellId")
          .WithSummary("Cấp ủy trực tiếp cấp trên công nhận “Chi bộ 4 tốt”");

        g.MapGet("/units/{unitId:int}/four-good", async Task<Ok<FourGoodList>> (int unitId, int year, AppDbContext db, AppraisalService svc, FourGoodService four) =>
            TypedResults.Ok(await FourGoodListAsync(db, svc, four, unitId, year)))
            .Require<UnitAccess, UnitNeed>(UnitNeed.See, "unitId")
            .WithSummary("“Chi bộ 4 tốt” theo cấp: số chi bộ báo cáo, đạt đủ bốn tiêu chí, được công nhận, theo từng đơn vị trực thuộc");
    }
}
