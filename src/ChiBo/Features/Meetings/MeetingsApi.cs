using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MeetingResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<ChiBo.Features.Meetings.MeetingDto>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.ForbidHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.NotFound>;

namespace ChiBo.Features.Meetings;

public static class MeetingsApi
{
    public record UpdatePlanRequest(MeetingService.PlanRequest Plan, int Version);
    public record VersionRequest(int Version);
    public record AttendanceRequest(int Version, List<MeetingService.AttendanceEntry> Entries);
    public record AbsenceRequest(AbsenceReason Reason, string? ReasonText);
    public record RemarkRequest(int Version, int? MemberId, string? SpeakerName, string Text, int? TopicId);
    public record ConclusionRequest(int Version, string? Conclusion);
    public record VotesRequest(int Version, List<MinutesService.VoteInput> Votes);
    public record SignRequest(MinutesService.SignRole Role);
    public record AddendumRequest(DateOnly Date, string Text);
    public record ProposeRequest(Dictionary<string, decimal> Scores, string? Note);
    public record RatingVoteRequest(int VotesFor, int VotesAgainst);
    public record ConfirmRequest(RatingLevel? Level, string? Note);

    public static void MapMeetings(this IEndpointRouteBuilder app)
    {
        var cells = app.MapGroup("/api/v1/units/{cellId:int}").WithTags("Sinh hoạt chi bộ").RequireAuthorization();

        cells.MapGet("/meetings", async Task<Ok<List<MeetingListItem>>> (int cellId, int? year, UserScope scope, AppDbContext db) =>
            TypedResults.Ok(await MeetingQueries.ListAsync(db, scope, cellId, year ?? scope.Today.Year)))
            .Require<UnitAccess, UnitNeed>(UnitNeed.See, "cellId").WithSummary("Các buổi sinh hoạt của chi bộ trong năm");

        cells.MapPost("/meetings", async Task<Results<Created<MeetingDto>, ValidationProblem>> (int cellId, MeetingService.PlanRequest req, UserScope scope, MeetingService svc, AppDbContext db) =>
        {
            var r = await svc.PlanAsync(cellId, req);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Created($"/api/v1/meetings/{r.Value!.Id}", (await MeetingQueries.LoadAsync(db, scope, r.Value.Id))!);
        }).Require<UnitAccess, UnitNeed>(UnitNeed.Run, "cellId").WithSummary("Lập kế hoạch một buổi sinh hoạt (chương trình mặc định theo quy định đang áp dụng nếu không gửi)");

        cells.MapGet("/agenda-template", async Task<Ok<List<MeetingService.AgendaLine>>> (int cellId, MeetingKind kind, DateOnly? date, int? topicId, UserScope scope, MeetingService svc) =>
            TypedResults.Ok(await svc.TemplateAsync(cellId, kind, date ?? scope.Today, topicId)))
            .Require<UnitAccess, UnitNeed>(UnitNeed.See, "cellId").WithSummary("Chương trình mẫu theo loại buổi sinh hoạt và quy định đang áp dụng");

        cells.MapGet("/meeting-warnings", async Task<Ok<List<string>>> (int cellId, DateOnly? date, UserScope scope, AppDbContext db) =>
            TypedResults.Ok(await MeetingWarnings.ForCellAsync(db, cellId, date ?? scope.Today)))
            .Require<UnitAccess, UnitNeed>(UnitNeed.See, "cellId").WithSummary("Cảnh báo: tháng chưa có sinh hoạt thường kỳ, quý chưa có sinh hoạt chuyên đề");

        cells.MapGet("/meeting-book.docx", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int cellId, int? year, bool? committee, UserScope scope, AppDbContext db) =>
        {
            // The committee's own book is the committee's working record, not the members'.
            if (committee == true && scope.IsMemberOnly()) return Problems.Forbidden("Sổ họp chi ủy là sổ làm việc của chi ủy, không dành cho đảng viên.");
            var y = year ?? scope.Today.Year;
            var bytes = await MeetingBook.YearAsync(db, scope, cellId, y, committee == true);
            return TypedResults.File(bytes, MeetingBook.ContentType, committee == true ? $"so-hop-chi-uy-{y}.docx" : $"so-hop-chi-bo-{y}.docx");
        }).Require<UnitAccess, UnitNeed>(UnitNeed.See, "cellId").WithSummary("Sổ họp chi bộ (hoặc sổ họp chi ủy với committee=true) của một năm (DOCX): biên bản đã thông qua");

        var g = app.MapGroup("/api/v1/meetings/{id:int}").WithTags("Sinh hoạt chi bộ").RequireAuthorization();
        // Every route names its need of the meeting's one access rule (MeetingAccess): the handler runs only once it allowed.
        const MeetingNeed Read = MeetingNeed.Read, Run = MeetingNeed.Run;

        g.MapGet("/", async Task<MeetingResult> (int id, UserScope scope, AppDbContext db) =>
            TypedResults.Ok((await MeetingQueries.LoadAsync(db, scope, id))!))
            .Require<MeetingAccess, MeetingNeed>(Read).WithSummary("Một buổi sinh hoạt: kế hoạch, tài liệu, điểm danh, biên bản, xếp loại, cảnh báo");

        g.MapPut("/", async Task<MeetingResult> (int id, UpdatePlanRequest req, UserScope scope, MeetingService svc, AppDbContext db) =>
            await Reply(await svc.UpdatePlanAsync(id, req.Plan, req.Version), id, scope, db))
            .Require<MeetingAccess, MeetingNeed>(Run).WithSummary("Sửa kế hoạch (đổi giờ, địa điểm thì cần gửi lại thông báo)");

        g.MapPost("/cancel", async Task<MeetingResult> (int id, VersionRequest req, UserScope scope, MeetingService svc, AppDbContext db) =>
            await Reply(await svc.CancelAsync(id, req.Version), id, scope, db))
            .Require<MeetingAccess, MeetingNeed>(Run).WithSummary("Hủy buổi sinh hoạt");

        g.MapPost("/notice", async Task<MeetingResult> (int id, UserScope scope, MeetingService svc, AppDbContext db) =>
            await Reply(await svc.SendNoticeAsync(id), id, scope, db))
            .Require<MeetingAccess, MeetingNeed>(Run).WithSummary("Gửi thông báo cho đảng viên và cấp ủy viên, tổ theo dõi được phân công");

        g.MapPost("/documents", async Task<MeetingResult> (int id, string fileName, DocumentKind? kind, HttpRequest request, UserScope scope, MeetingService svc, AppDbContext db) =>
        {
            using var ms = new MemoryStream();
            await request.Body.CopyToAsync(ms);
            var r = await svc.AddDocumentAsync(id, kind ?? DocumentKind.Material, fileName, request.ContentType ?? "", ms.ToArray());
            return await Reply(r, id, scope, db);
        }).Require<MeetingAccess, MeetingNeed>(Run).WithSummary("Đính kèm tài liệu, dự thảo nghị quyết, bản đề dẫn (thân yêu cầu là nội dung tệp)");

        g.MapGet("/documents/{docId:int}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int id, int docId, AppDbContext db) =>
            await db.MeetingDocuments.FirstOrDefaultAsync(d => d.Id == docId && d.MeetingId == id) is { } doc
                ? TypedResults.File(doc.Content, doc.ContentType, doc.FileName) : Problems.NotFound())
            .Require<MeetingAccess, MeetingNeed>(Read).WithSummary("Tải một tài liệu của buổi sinh hoạt");

        g.MapPut("/attendance", async Task<MeetingResult> (int id, AttendanceRequest req, UserScope scope, MeetingService svc, AppDbContext db) =>
            await Reply(await svc.RecordAttendanceAsync(id, req.Version, req.Entries ?? [], scope.Today), id, scope, db))
            .Require<MeetingAccess, MeetingNeed>(Run).WithSummary("Điểm danh: mỗi đảng viên trong danh sách chi bộ ngày họp một trạng thái");

        g.MapPost("/absence", async Task<MeetingResult> (int id, AbsenceRequest req, UserScope scope, MeetingService svc, AppDbContext db) =>
            scope.MemberId is not { } me ? Problems.Invalid("memberId", "Tài khoản không gắn với đảng viên nào.")
                : await Reply(await svc.AnnounceAbsenceAsync(id, me, req.Reason, req.ReasonText, scope.Today), id, scope, db))
            .Require<MeetingAccess, MeetingNeed>(Read).WithSummary("Đảng viên báo vắng trước, có lý do");

        g.MapPut("/minutes", async Task<MeetingResult> (int id, MinutesService.MinutesInput req, UserScope scope, MinutesService svc, AppDbContext db) =>
            await Reply(await svc.SaveAsync(id, req), id, scope, db))
            .Require<MeetingAccess, MeetingNeed>(Run).WithSummary("Ghi biên bản (bản nháp): giờ, chủ trì, thư ký, khách mời, ý kiến phát biểu, kết luận, nghị quyết. Gửi kèm version.");

        g.MapPost("/agenda/{itemId:int}/remarks", async Task<MeetingResult> (int id, int itemId, RemarkRequest req, UserScope scope, MinutesService svc, AppDbContext db) =>
            await Reply(await svc.AddRemarkAsync(id, itemId, req.Version, new(req.MemberId, req.SpeakerName, req.Text, req.TopicId)), id, scope, db))
            .Require<MeetingAccess, MeetingNeed>(Run).WithSummary("Thêm ý kiến phát biểu vào một mục chương trình");

        g.MapPut("/agenda/{itemId:int}/conclusion", async Task<MeetingResult> (int id, int itemId, ConclusionRequest req, UserScope scope, MinutesService svc, AppDbContext db) =>
            await Reply(await svc.SetConclusionAsync(id, itemId, req.Version, req.Conclusion), id, scope, db))
            .Require<MeetingAccess, MeetingNeed>(Run).WithSummary("Kết luận của chủ trì về một mục chương trình");

        g.MapPut("/votes", async Task<MeetingResult> (int id, VotesRequest req, UserScope scope, MinutesService svc, AppDbContext db) =>
            await Reply(await svc.CastVotesAsync(id, req.Version, req.Votes ?? []), id, scope, db))
            .Require<MeetingAccess, MeetingNeed>(Run).WithSummary("Biểu quyết nghị quyết (chỉ đảng viên chính thức có mặt)");

        g.MapPost("/adopt", async Task<MeetingResult> (int id, VersionRequest req, UserScope scope, MinutesService svc, AppDbContext db) =>
            await Reply(await svc.AdoptAsync(id, req.Version), id, scope, db))
            .Require<MeetingAccess, MeetingNeed>(Run).WithSummary("Thông qua biên bản: từ đây nội dung bất biến, lưu mã băm SHA-256");

        // The chair or the minutes' secretary signs with their own account; the cell's secretary may record a signature from the paper book.
        g.MapPost("/sign", async Task<MeetingResult> (int id, SignRequest req, UserScope scope, MeetingAccess access, MinutesService svc, AppDbContext db) =>
            await Reply(await svc.SignAsync(id, req.Role, scope.MemberId, (await access.ForAsync(id, Run)).Allowed), id, scope, db))
            .Require<MeetingAccess, MeetingNeed>(Read).WithSummary("Chủ trì hoặc thư ký ký biên bản");

        g.MapPost("/addenda", async Task<MeetingResult> (int id, AddendumRequest req, UserScope scope, MinutesService svc, AppDbContext db) =>
            await Reply(await svc.AddAddendumAsync(id, req.Date, req.Text), id, scope, db))
            .Require<MeetingAccess, MeetingNeed>(Run).WithSummary("Lập phụ lục đính chính biên bản đã thông qua (bản gốc giữ nguyên)");

        g.MapPost("/addenda/{addendumId:int}/sign", async Task<MeetingResult> (int id, int addendumId, UserScope scope, MinutesService svc, AppDbContext db) =>
            await Reply(await svc.SignAddendumAsync(id, addendumId), id, scope, db))
            .Require<MeetingAccess, MeetingNeed>(Run).WithSummary("Ký phụ lục biên bản");

        g.MapGet("/rating/sheet", async Task<Ok<RatingSheet>> (int id, RatingService svc) =>
            TypedResults.Ok(await svc.SheetAsync(await svc.LoadAsync(id), null)))
            .Require<MeetingAccess, MeetingNeed>(Run).WithSummary("Phiếu chấm điểm: tiêu chí đo được tính từ biên bản, tiêu chí còn lại để trống");

        g.MapPost("/rating/propose", async Task<MeetingResult> (int id, ProposeRequest req, UserScope scope, RatingService svc, AppDbContext db) =>
            await Reply(await svc.ProposeAsync(id, req.Scores ?? [], req.Note), id, scope, db))
            .Require<MeetingAccess, MeetingNeed>(MeetingNeed.CellStep).WithSummary("Chi ủy đề xuất điểm và xếp loại (bí thư chi bộ ghi nhận)");

        g.MapPost("/rating/vote", async Task<MeetingResult> (int id, RatingVoteRequest req, UserScope scope, RatingService svc, AppDbContext db) =>
            await Reply(await svc.VoteAsync(id, req.VotesFor, req.VotesAgainst), id, scope, db))
            .Require<MeetingAccess, MeetingNeed>(MeetingNeed.CellStep).WithSummary("Chi bộ biểu quyết đề xuất xếp loại (bí thư chi bộ ghi nhận; lưu người ghi)");

        g.MapPost("/rating/confirm", async Task<MeetingResult> (int id, ConfirmRequest req, UserScope scope, RatingService svc, AppDbContext db) =>
            await Reply(await svc.ConfirmAsync(id, req.Level, req.Note), id, scope, db))
            .Require<MeetingAccess, MeetingNeed>(MeetingNeed.Confirm).WithSummary("Cấp ủy trực tiếp cấp trên hoặc tổ theo dõi phụ trách chi bộ xác nhận xếp loại");

        g.MapGet("/minutes.docx", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int id, UserScope scope, AppDbContext db) =>
        {
            var dto = (await MeetingQueries.LoadAsync(db, scope, id))!;
            // Members read adopted minutes only; the committee can print a draft to read it back at the meeting.
            if (dto.Status != MeetingStatus.Adopted && (scope.IsMemberOnly() || dto.Status != MeetingStatus.Held))
                return Problems.Forbidden(scope.IsMemberOnly() ? "Đảng viên đọc biên bản sau khi biên bản được thông qua." : "Buổi sinh hoạt chưa có biên bản để in.");
            return TypedResults.File(await MeetingBook.MeetingAsync(db, dto), MeetingBook.ContentType, $"bien-ban-{dto.Date:yyyy-MM-dd}.docx");
        }).Require<MeetingAccess, MeetingNeed>(Read).WithSummary("Biên bản buổi sinh hoạt (DOCX, bố cục trang sổ họp chi bộ)");
    }

    /// <summary>Expected failures as ProblemDetails: a stale version or a locked record is 409, bad input 400 next to its field.</summary>
    static async Task<MeetingResult> Reply<T>(Outcome<T> r, int id, UserScope scope, AppDbContext db)
    {
        if (r.ToConflict() is { } conflict) return conflict;
        if (!r.Ok) return r.ToProblem();
        db.ChangeTracker.Clear();
        return TypedResults.Ok((await MeetingQueries.LoadAsync(db, scope, id))!);
    }
}
