using System.Security.Claims;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Meetings;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ReportResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<ChiBo.Features.Campaigns.CampaignsApi.ReportDto>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace ChiBo.Features.Campaigns;

public static class CampaignsApi
{
    public record LevelDto(int Id, string Name, string UnitTypeCodes, DateOnly Deadline, bool HoldsConference);
    public record CampaignDto(int Id, int OwnerUnitId, string Title, CampaignKind Kind, string KindText, string? Implements, DateOnly PeriodFrom, DateOnly PeriodTo,
        DateOnly? PivotDate, int OutlineId, List<LevelDto> Levels);
    public record SectionDto(int SectionId, string Number, string Title, string? Guidance, Statistic Statistic, string? Text, string? Figures);
    public record CommentDto(int Id, int? SectionId, string AuthorName, string Text, DateTime At, string? Answer, DateTime? AnsweredAt, string? AnsweredBy);
    public record ReportDto(int Id, int CampaignId, string CampaignTitle, int UnitId, string UnitName, string Level, DateOnly Deadline, bool HoldsConference,
        ReportStatus Status, string StatusText, bool? OnTime, DateTime? FirstSubmittedAt, string? ReviewedBy, string? ReviewComment,
        DateOnly? ConferenceDate, string? ConferenceConclusion, string? ConclusionText, List<SectionDto> Sections, List<CommentDto> Comments, int Version);
    public record VersionBody(int Version);
    public record SaveBody(int Version, List<SectionText>? Sections);
    public record CommentBody(int? SectionId, string Text);
    public record AnswerBody(string Answer);
    public record ReviewBody(bool Accept, string? Comment, int Version);
    public record ConclusionBody(int Version, string Text);
    public record OutlineSectionInput(string Number, string Title, string? Guidance, Statistic Statistic);
    public record OutlineInput(string Name, List<OutlineSectionInput>? Sections);
    public record OutlineDto(int Id, string Name, bool BuiltIn, List<OutlineSectionInput> Sections);
    public record ChildText(int UnitId, string UnitName, string? Text);
    public record ChildSections(int SectionId, List<ChildText> Children);

    static CampaignDto ToDto(Campaign c) => new(c.Id, c.OwnerUnitId, c.Title, c.Kind, c.Kind.Vietnamese(), c.Implements, c.PeriodFrom, c.PeriodTo, c.PivotDate, c.OutlineId,
        c.Levels.OrderBy(l => l.Order).Select(l => new LevelDto(l.Id, l.Name, l.UnitTypeCodes, l.Deadline, l.HoldsConference)).ToList());

    public static async Task<ReportDto?> LoadAsync(AppDbContext db, int reportId)
    {
        var r = await db.CampaignReports.AsNoTracking().Include(x => x.Sections).Include(x => x.Comments).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == reportId);
        if (r is null) return null;
        var c = await db.Campaigns.AsNoTracking().Include(x => x.Levels).FirstAsync(x => x.Id == r.CampaignId);
        var level = c.Levels.FirstOrDefault(l => l.Id == r.LevelId)
            ?? new CampaignLevel { Name = "Cấp tổ chức đợt", UnitTypeCodes = "", Deadline = c.Levels.Max(l => l.Deadline), HoldsConference = true };
        var sections = await db.OutlineSections.Where(s => s.OutlineId == c.OutlineId).OrderBy(s => s.Order).ToListAsync();
        var unit = await db.AsDtos(db.Units.Where(u => u.Id == r.UnitId), level.Deadline).Select(u => u.Name).FirstAsync();
        return new ReportDto(r.Id, c.Id, c.Title, r.UnitId, unit, level.Name, level.Deadline, level.HoldsConference, r.Status, r.Status.Vietnamese(),
            r.FirstSubmittedAt is { } f ? VnTime.Day(f) < level.Deadline : null, r.FirstSubmittedAt, r.ReviewedBy, r.ReviewComment,
            r.ConferenceDate, r.ConferenceConclusion, r.ConclusionText,
            sections.Select(s =>
            {
                var row = r.Sections.FirstOrDefault(x => x.SectionId == s.Id);
                return new SectionDto(s.Id, s.Number, s.Title, s.Guidance, s.Statistic, row?.Text, row?.Figures);
            }).ToList(),
            r.Comments.OrderBy(x => x.Id).Select(x => new CommentDto(x.Id, x.SectionId, x.AuthorName, x.Text, x.At, x.Answer, x.AnsweredAt, x.AnsweredBy)).ToList(), r.Version);
    }

    static async Task<ReportResult> Reply<T>(Outcome<T> r, int reportId, AppDbContext db)
    {
        if (r.ToConflict() is { } conflict) return conflict;
        if (!r.Ok) return r.ToProblem();
        db.ChangeTracker.Clear();
        return TypedResults.Ok((await LoadAsync(db, reportId))!);
    }

    public static void MapCampaigns(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1").WithTags("Tổng kết, sơ kết").RequireAuthorization();

        g.MapPost("/campaigns", async Task<Results<Created<CampaignDto>, ValidationProblem>> (CampaignInput req, CampaignService svc) =>
        {
            var r = await svc.CreateAsync(req);
            return r.Ok ? TypedResults.Created($"/api/v1/campaigns/{r.Value!.Id}", ToDto(r.Value)) : r.ToProblem();
        }).Require<UnitAccess, UnitNeed, CampaignInput>(UnitNeed.Manage, b => b.OwnerUnitId, "ownerUnitId")
            .WithSummary("Ban tổ chức lập đợt tổng kết: kỳ, văn bản thực hiện, đề cương, thời hạn và hội nghị từng cấp");

        g.MapGet("/campaigns", async (CampaignAccess access, AppDbContext db) =>
        {
            var list = await access.ReadableAsync(db.Campaigns.Include(c => c.Levels).OrderByDescending(c => c.PeriodTo).AsSplitQuery());
            return TypedResults.Ok(list.Select(ToDto).ToList());
        }).OwnRecordsOnly("lists only the campaigns CampaignAccess lets the account read (its owner's subtree, staff above the owner)")
            .WithSummary("Các đợt tổng kết, sơ kết liên quan đến đơn vị của tài khoản");

        g.MapGet("/campaigns/outlines", async (AppDbContext db) => TypedResults.Ok((await db.ReportOutlines.Include(o => o.Sections).OrderBy(o => o.Id).ToListAsync())
            .Select(o => new OutlineDto(o.Id, o.Name, o.BuiltIn, o.Sections.OrderBy(x => x.Order).Select(x => new OutlineSectionInput(x.Number, x.Title, x.Guidance, x.Statistic)).ToList())).ToList()))
            .OwnRecordsOnly("reference data: the report outlines any campaign may use")
            .WithSummary("Các đề cương báo cáo (đề cương của Kế hoạch tổng kết Chỉ thị 10-CT/TW có sẵn)");

        g.MapPost("/campaigns/outlines", async Task<Results<Created<OutlineDto>, ValidationProblem, ProblemHttpResult>> (OutlineInput req, UserScope scope, AppDbContext db) =>
        {
            // An outline belongs to no unit (any campaign may use it): the only rule is who writes one.
            if (!scope.IsStaff) return Problems.Forbidden("Chỉ cán bộ cấp ủy (ban tổ chức) mới soạn đề cương báo cáo.");
            var sections = req.Sections ?? [];
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(req.Name) || req.Name.Trim().Length > 500) errors["name"] = ["Nhập tên đề cương (tối đa 500 ký tự)."];
            if (sections.Count == 0 || sections.Any(x => x is null || string.IsNullOrWhiteSpace(x.Number) || string.IsNullOrWhiteSpace(x.Title)))
                errors["sections"] = ["Mỗi mục cần số thứ tự (I, II.1, …) và tên mục."];
            else if (sections.Any(x => x.Number.Trim().Length > 20 || x.Title.Trim().Length > 1000 || x.Guidance?.Trim().Length > 2000))
                errors["sections"] = ["Số thứ tự mục tối đa 20 ký tự, tên mục 1000, hướng dẫn 2000."];
            else if (sections.Select(x => x.Number.Trim()).Distinct().Count() != sections.Count) errors["sections"] = ["Số thứ tự mục bị trùng."];
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Dữ liệu không hợp lệ");
            var o = new ReportOutline { Name = req.Name.Trim() };
            var i = 0;
            foreach (var x in sections) o.Sections.Add(new OutlineSection { Number = x.Number.Trim(), Title = x.Title.Trim(), Guidance = x.Guidance?.Trim(), Statistic = x.Statistic, Order = ++i });
            db.ReportOutlines.Add(o);
            await db.SaveChangesAsync();
            return TypedResults.Created($"/api/v1/campaigns/outlines/{o.Id}", new OutlineDto(o.Id, o.Name, false, sections));
        }).WithMetadata(new AccessMetadata("committee staff: an outline is shared reference data owned by no unit"))
            .WithSummary("Ban tổ chức soạn đề cương mới: mục, hướng dẫn, số liệu cần điền");

        g.MapGet("/campaigns/{id:int}", async (int id, CampaignService svc) => TypedResults.Ok(ToDto((await svc.FindAsync(id))!)))
            .Require<CampaignAccess, CampaignNeed>(CampaignNeed.Read)
            .WithSummary("Một đợt tổng kết");

        g.MapGet("/campaigns/{id:int}/completeness", async (int id, int? nodeId, DateOnly? date, UserScope scope, CampaignService svc) =>
            TypedResults.Ok(await svc.CompletenessAsync(id, nodeId ?? scope.RootUnitId, date ?? scope.Today)))
            .Require<CampaignAccess, CampaignNeed>(CampaignNeed.Read)
            .RequireQuery<UnitAccess, UnitNeed>(UnitNeed.See, "nodeId")
            .WithSummary("Tiến độ: số báo cáo phải nộp, đã nộp, đúng hạn, muộn, bị trả lại, đã tiếp nhận, còn thiếu — theo cấp và theo đơn vị trực thuộc");

        g.MapPost("/campaigns/{id:int}/units/{unitId:int}/report", async Task<ReportResult> (int id, int unitId, CampaignService svc, AppDbContext db) =>
        {
            var r = await svc.StartReportAsync(id, unitId);
            return r.Ok ? await Reply(r, r.Value!.Id, db) : r.ToProblem();
        }).Require<CampaignAccess, CampaignNeed>(CampaignNeed.Read)
            .Require<UnitAccess, UnitNeed>(UnitNeed.Run, "unitId")
            .WithSummary("Bắt đầu báo cáo của đơn vị (đơn vị phải thuộc diện báo cáo của đợt): các mục theo đề cương, số liệu tính sẵn từ dữ liệu");

        var rep = app.MapGroup("/api/v1/campaign-reports/{rid:int}").WithTags("Tổng kết, sơ kết").RequireAuthorization();

        rep.MapGet("/", async Task<ReportResult> (int rid, AppDbContext db) => TypedResults.Ok((await LoadAsync(db, rid))!))
            .Require<ReportAccess, ReportNeed>(ReportNeed.Read, "rid").WithSummary("Báo cáo của một đơn vị");

        rep.MapPut("/", async Task<ReportResult> (int rid, SaveBody req, CampaignService svc, AppDbContext db) =>
            req.Sections is null ? Problems.Invalid("sections", "Gửi nội dung các mục (sections).") : await Reply(await svc.SaveAsync(rid, req.Version, req.Sections), rid, db))
            .Require<ReportAccess, ReportNeed>(ReportNeed.Draft, "rid").WithSummary("Soạn, sửa nội dung từng mục");

        rep.MapPost("/refresh", async Task<ReportResult> (int rid, VersionBody req, CampaignService svc, AppDbContext db) =>
            await Reply(await svc.RefreshFiguresAsync(rid, req.Version), rid, db))
            .Require<ReportAccess, ReportNeed>(ReportNeed.Draft, "rid").WithSummary("Tính lại số liệu từ dữ liệu hiện có");

        rep.MapPost("/comments", async Task<ReportResult> (int rid, CommentBody req, UserScope scope, ClaimsPrincipal user, CampaignService svc, AppDbContext db) =>
        {
            var name = user.FindFirstValue("chibo:fullname") ?? scope.Name;
            return await Reply(await svc.CommentAsync(rid, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", name, req.SectionId, req.Text), rid, db);
        }).Require<ReportAccess, ReportNeed>(ReportNeed.Read, "rid").WithSummary("Đảng viên góp ý dự thảo báo cáo");

        rep.MapPost("/comments/{cid:int}/answer", async Task<ReportResult> (int rid, int cid, AnswerBody req, CampaignService svc, AppDbContext db) =>
            await Reply(await svc.AnswerAsync(rid, cid, req.Answer), rid, db))
            .Require<ReportAccess, ReportNeed>(ReportNeed.Draft, "rid").WithSummary("Tiếp thu, giải trình ý kiến góp ý");

        rep.MapPost("/submit", async Task<ReportResult> (int rid, VersionBody req, CampaignService svc, AppDbContext db) =>
            await Reply(await svc.SubmitAsync(rid, req.Version), rid, db))
            .Require<ReportAccess, ReportNeed>(ReportNeed.Own, "rid").WithSummary("Gửi báo cáo lên cấp ủy cấp trên (chỉ tài khoản của chính đơn vị báo cáo)");

        rep.MapPost("/conference", async Task<ReportResult> (int rid, CampaignService.ConferenceInput req, CampaignService svc, AppDbContext db) =>
            await Reply(await svc.ConferenceAsync(rid, req), rid, db))
            .Require<ReportAccess, ReportNeed>(ReportNeed.Own, "rid").WithSummary("Ghi hội nghị tổng kết của cấp (ngày, thành phần, thảo luận, kết luận)");

        rep.MapPost("/compile", async Task<ReportResult> (int rid, VersionBody req, CampaignService svc, AppDbContext db) =>
            await Reply(await svc.CompileAsync(rid, req.Version), rid, db))
            .Require<ReportAccess, ReportNeed>(ReportNeed.Draft, "rid")
            .WithSummary("Tổng hợp: điền các mục còn trống từ báo cáo đã tiếp nhận của cấp dưới, tính lại số liệu của cả đơn vị");

        rep.MapGet("/children", async (int rid, CampaignService svc, AppDbContext db) =>
        {
            var r = await db.CampaignReports.FirstAsync(x => x.Id == rid);
            var children = await svc.ChildReportsAsync(r);
            var ids = children.Select(c => c.UnitId).ToList();
            var names = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
            return TypedResults.Ok(children.SelectMany(c => c.Sections.Select(s => new { c.UnitId, s.SectionId, s.Text }))
                .GroupBy(x => x.SectionId).Select(g => new ChildSections(g.Key, g.Select(x => new ChildText(x.UnitId, names[x.UnitId], x.Text)).ToList())).ToList());
        }).Require<ReportAccess, ReportNeed>(ReportNeed.Read, "rid").WithSummary("Các mục của báo cáo cấp dưới đã tiếp nhận, đặt cạnh nhau cho người tổng hợp");

        rep.MapGet("/docx", async (int rid, AppDbContext db) =>
            TypedResults.File(await ReportDocument.DocxAsync(db, (await LoadAsync(db, rid))!), Documents.Docx.ContentType, $"bao-cao-{rid}.docx"))
            .Require<ReportAccess, ReportNeed>(ReportNeed.Read, "rid").WithSummary("Báo cáo (DOCX), kèm phụ lục số liệu");

        rep.MapGet("/pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int rid, AppDbContext db, Documents.PdfConverter pdf) =>
        {
            var bytes = await pdf.ConvertAsync(await ReportDocument.DocxAsync(db, (await LoadAsync(db, rid))!));
            return bytes is null ? TypedResults.Problem("Máy chủ chưa chuyển được sang PDF (cần LibreOffice). Hãy tải bản DOCX.", statusCode: 503, title: "Chưa xuất được PDF")
                : TypedResults.File(bytes, "application/pdf", $"bao-cao-{rid}.pdf");
        }).Require<ReportAccess, ReportNeed>(ReportNeed.Read, "rid").WithSummary("Báo cáo (PDF, chuyển từ DOCX bằng LibreOffice)");

        // The concluding document is the unit's own, written after its own conference (the owner's closes the campaign): the conference's step.
        rep.MapPost("/conclusion", async Task<ReportResult> (int rid, VersionBody req, CampaignService svc, AppDbContext db) =>
            await Reply(await svc.DraftConclusionAsync(rid, req.Version), rid, db))
            .Require<ReportAccess, ReportNeed>(ReportNeed.Own, "rid").WithSummary("Dự thảo văn bản kết luận từ hội nghị và số liệu");

        rep.MapPut("/conclusion", async Task<ReportResult> (int rid, ConclusionBody req, CampaignService svc, AppDbContext db) =>
            await Reply(await svc.EditConclusionAsync(rid, req.Version, req.Text), rid, db))
            .Require<ReportAccess, ReportNeed>(ReportNeed.Own, "rid").WithSummary("Sửa văn bản kết luận");

        rep.MapGet("/conclusion.docx", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int rid, AppDbContext db) =>
        {
            var dto = (await LoadAsync(db, rid))!;
            if (dto.ConclusionText is null) return Problems.NotFound("Báo cáo chưa có văn bản kết luận.");
            return TypedResults.File(await ReportDocument.ConclusionDocxAsync(db, dto), Documents.Docx.ContentType, $"ket-luan-{rid}.docx");
        }).Require<ReportAccess, ReportNeed>(ReportNeed.Read, "rid").WithSummary("Văn bản kết luận (DOCX)");

        rep.MapPost("/review", async Task<ReportResult> (int rid, ReviewBody req, CampaignService svc, AppDbContext db) =>
            await Reply(await svc.ReviewAsync(rid, req.Accept, req.Comment, req.Version), rid, db))
            .Require<ReportAccess, ReportNeed>(ReportNeed.Review, "rid").WithSummary("Cấp ủy trực tiếp cấp trên tiếp nhận hoặc trả lại báo cáo (kèm ý kiến)");
    }
}
