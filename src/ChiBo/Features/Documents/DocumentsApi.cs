using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Documents;

public static class DocumentsApi
{
    public record DocumentDto(int Id, int IssuerUnitId, string? Office, string TypeCode, int? Number, string? Symbol, DateOnly? IssuedOn, string Summary, DocumentStatus Status,
        bool External, string? ExternalIssuer, string? HeaderParent, string? Place, string? Addressee, string? Body, string? Recipients, SignatureForm SignatureForm,
        string? SignerFor, string? SignerPosition, string? SignerName, string? SourceKind, int? SourceId, int Version);
    public record SignatureDto(int Id, DateTime SignedAt, string? SignedBy, string Sha256, string Email, string Subject);
    public record DetailDto(DocumentDto Document, List<LineageEntry> Implements, List<LineageEntry> ImplementedBy, List<SignatureDto> Signatures);
    public record IssueBody(DateOnly? Date);
    public record TermBody(int? UnitId, string Name, DateOnly? From, DateOnly? To);
    public record LinkBody(int? TargetId, string? TargetSymbol, LinkKind? Kind);
    public record SourceBody(string? Kind, int SourceId);
    public record KeyBody(int? UnitId, string? Email);
    public record ImportKeyBody(int? UnitId, string? Pfx, string? Password);
    public record KeyDto(int Id, int UnitId, string Subject, string Email, string Thumbprint, DateTime NotBefore, DateTime NotAfter, bool Active);
    public record VerifyBody(string? Pdf, string? Signature);

    public static DocumentDto ToDto(PartyDocument d) => new(d.Id, d.IssuerUnitId, d.Office, d.TypeCode, d.Number, d.Symbol, d.IssuedOn, d.Summary, d.Status, d.External,
        d.ExternalIssuer, d.HeaderParent, d.Place, d.Addressee, d.Body, d.Recipients, d.SignatureForm, d.SignerFor, d.SignerPosition, d.SignerName, d.SourceKind, d.SourceId, d.Version);
    static KeyDto ToDto(SigningKey k) => new(k.Id, k.UnitId, k.Subject, k.Email, k.Thumbprint, k.NotBefore, k.NotAfter, k.Active);

    static Results<Ok<DocumentDto>, ValidationProblem, ProblemHttpResult> Reply(Outcome<PartyDocument> r) =>
        r.ToConflict() is { } c ? c : r.Ok ? TypedResults.Ok(ToDto(r.Value!)) : r.ToProblem();

    /// <summary>A document with its chain as the caller may see it (documents it may not read are left out) and its signatures.</summary>
    public static async Task<DetailDto> DetailAsync(AppDbContext db, DocumentAccess access, PartyDocument d, CancellationToken ct = default)
    {
        var signatures = await db.DocumentSignatures.Where(s => s.DocumentId == d.Id).OrderBy(s => s.Id)
            .Join(db.SigningKeys, s => s.KeyId, k => k.Id, (s, k) => new SignatureDto(s.Id, s.SignedAt, s.SignedBy, s.Sha256, k.Email, k.Subject)).ToListAsync(ct);
        Func<int, Task<bool>> visible = id => access.CanReadAsync(id, ct);
        return new DetailDto(ToDto(d), await Lineage.UpAsync(db, d.Id, ct, visible), await Lineage.DownAsync(db, d.Id, ct, visible), signatures);
    }

    public static void MapDocuments(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/documents").WithTags("Văn bản của Đảng").RequireAuthorization();

        g.MapGet("/types", async (AppDbContext db) => TypedResults.Ok(await db.DocumentTypes.OrderBy(t => t.Order).Select(t => new { t.Code, t.Name }).ToListAsync()))
            .OwnRecordsOnly("reference data: the catalogue of document types")
            .WithSummary("Danh mục loại văn bản và chữ viết tắt");

        g.MapPost("/terms", async Task<Results<Ok<IssuerTerm>, ValidationProblem>> (TermBody req, AppDbContext db) =>
        {
            if (req.UnitId is not { } unitId) return Problems.Invalid("unitId", "Chọn cấp ủy của nhiệm kỳ (unitId).");
            if (req.From is not { } from) return Problems.Invalid("from", "Nhập ngày bắt đầu nhiệm kỳ.");
            if (string.IsNullOrWhiteSpace(req.Name) || req.Name.Trim().Length > 200 || req.To is { } to && to <= from)
                return Problems.Invalid("to", "Nhập tên nhiệm kỳ; ngày kết thúc phải sau ngày bắt đầu.");
            if (await db.IssuerTerms.AnyAsync(t => t.UnitId == unitId && t.From < (req.To ?? DateOnly.MaxValue) && (t.To == null || t.To > from)))
                return Problems.Invalid("from", "Nhiệm kỳ trùng thời gian với nhiệm kỳ đã có.");
            var t = new IssuerTerm { UnitId = unitId, Name = req.Name.Trim(), From = from, To = req.To };
            db.IssuerTerms.Add(t);
            await db.SaveChangesAsync();
            return TypedResults.Ok(t);
        }).Require<UnitAccess, UnitNeed, TermBody>(UnitNeed.Manage, b => b.UnitId, "unitId")
            .WithSummary("Nhiệm kỳ của cấp ủy (số văn bản đánh lại từ 01 mỗi nhiệm kỳ)");

        g.MapGet("/", async (int issuerUnitId, string? typeCode, string? q, int? year, DocumentAccess access, AppDbContext db) =>
            TypedResults.Ok((await RegisterQuery.SearchAsync(db, issuerUnitId, typeCode, q, year, await access.CanIssueAsync(issuerUnitId), access.UserName)).Select(ToDto).ToList()))
            .RequireQuery<UnitAccess, UnitNeed>(UnitNeed.See, "issuerUnitId")
            .WithSummary("Sổ văn bản của một đơn vị ban hành (tìm theo trích yếu, số ký hiệu, loại, năm); dự thảo chỉ hiện với người soạn và cán bộ ban hành");

        g.MapGet("/export.csv", async (int issuerUnitId, string? typeCode, string? q, int? year, DocumentAccess access, AppDbContext db) =>
        {
            var rows = RegisterQuery.Rows(await RegisterQuery.SearchAsync(db, issuerUnitId, typeCode, q, year, await access.CanIssueAsync(issuerUnitId), access.UserName, take: 100_000));
            return TypedResults.File(Tables.Csv(rows), "text/csv; charset=utf-8", $"so-van-ban-{issuerUnitId}.csv");
        }).RequireQuery<UnitAccess, UnitNeed>(UnitNeed.See, "issuerUnitId")
            .WithSummary("Xuất sổ văn bản (CSV, mở được bằng Excel)");

        g.MapGet("/{id:int}", async (int id, DocumentAccess access, AppDbContext db) =>
            TypedResults.Ok(await DetailAsync(db, access, await db.PartyDocuments.AsNoTracking().FirstAsync(x => x.Id == id))))
            .Require<DocumentAccess, DocumentNeed>(DocumentNeed.Read)
            .WithSummary("Một văn bản: nội dung, chuỗi văn bản (thực hiện / được thực hiện bởi, chỉ những văn bản tài khoản được xem), chữ ký số");

        g.MapPost("/", async (DraftInput req, DocumentRegister reg) => Reply(await reg.DraftAsync(req)))
            .Require<UnitAccess, UnitNeed, DraftInput>(UnitNeed.Run, b => b.IssuerUnitId, "issuerUnitId")
            .RequireReadable<DraftInput>(b => b.Implements, "implements")
            .WithSummary("Soạn dự thảo văn bản (chưa có số); văn bản mật bị từ chối");

        g.MapPut("/{id:int}", async (int id, EditInput req, DocumentRegister reg) => Reply(await reg.EditAsync(id, req)))
            .Require<DocumentAccess, DocumentNeed>(DocumentNeed.Edit)
            .WithSummary("Sửa dự thảo (kèm version; bản đã cũ hoặc hai người sửa cùng lúc: 409)");

        g.MapPost("/from-source", async Task<Results<Ok<DocumentDto>, ValidationProblem, ProblemHttpResult>> (SourceBody req, UnitAccess units, DocumentRegister reg, AppDbContext db) =>
        {
            if (req.Kind is null || !SourceKinds.All.Contains(req.Kind))
                return Problems.Invalid("kind", $"Loại bản ghi phải là một trong: {string.Join(", ", SourceKinds.All)}.");
            // The source record is another feature's: it is in scope when its unit is, and entering it is drafting for that unit.
            if (await SourceRecords.FindAsync(db, req.Kind, req.SourceId) is not { } src) return Problems.NotFound();
            var access = await units.ForAsync(src.UnitId, UnitNeed.Run);
            if (!access.Allowed) return access.ToProblem();
            return Reply(await reg.DraftFromSourceAsync(req.Kind, req.SourceId, src.UnitId, src.Summary));
        }).WithMetadata(new AccessMetadata("UnitAccess.Run on the unit of the source record (kind, sourceId)"))
            .WithSummary("Đưa biên bản, kế hoạch, báo cáo, kết luận của hệ thống vào sổ văn bản (dự thảo, rồi ban hành để có số)");

        g.MapPost("/{id:int}/issue", async (int id, IssueBody req, UserScope scope, DocumentRegister reg) => Reply(await reg.IssueAsync(id, req.Date ?? scope.Today)))
            .Require<DocumentAccess, DocumentNeed>(DocumentNeed.Edit)
            .WithSummary("Ban hành: cấp số tiếp theo của loại văn bản trong nhiệm kỳ của đơn vị; ngày không được trước ngày của số đã cấp gần nhất");

        g.MapPost("/{id:int}/withdraw", async (int id, DocumentRegister reg) => Reply(await reg.WithdrawAsync(id)))
            .Require<DocumentAccess, DocumentNeed>(DocumentNeed.Edit)
            .WithSummary("Hủy dự thảo (không dùng số)");

        g.MapPost("/external", async (ExternalInput req, DocumentRegister reg) => Reply(await reg.EnterExternalAsync(req)))
            .Require<UnitAccess, UnitNeed, ExternalInput>(UnitNeed.Manage, b => b.IssuerUnitId, "issuerUnitId")
            .RequireReadable<ExternalInput>(b => b.Implements, "implements")
            .WithSummary("Nhập văn bản từ ngoài hệ thống với số, ký hiệu, nơi ban hành, nội dung của nó");

        g.MapPost("/{id:int}/links", async Task<Results<Ok<DetailDto>, ValidationProblem, ProblemHttpResult>> (int id, LinkBody req, DocumentAccess access, DocumentRegister reg, AppDbContext db) =>
        {
            var target = await LinkTargets.ResolveAsync(access, req.TargetId, req.TargetSymbol);
            if (target.Id is not { } targetId)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [target.Field!] = [target.Error!] }, detail: target.Error, title: "Dữ liệu không hợp lệ",
                    extensions: target.Candidates.Count > 1 ? new Dictionary<string, object?> { ["candidates"] = target.Candidates } : null);
            var r = await reg.LinkAsync(id, targetId, req.Kind ?? LinkKind.Implements);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Ok(await DetailAsync(db, access, await db.PartyDocuments.AsNoTracking().FirstAsync(x => x.Id == id)));
        }).Require<DocumentAccess, DocumentNeed>(DocumentNeed.Edit)
            .Require<DocumentAccess, DocumentNeed, LinkBody>(DocumentNeed.Read, b => b.TargetId, "targetId")
            .WithSummary("Ghi văn bản này thực hiện (hoặc tiếp tục) văn bản khác, theo id hoặc số ký hiệu (chỉ văn bản tài khoản được xem; số trùng thì chọn theo id)");

        g.MapGet("/{id:int}/docx", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int id, AppDbContext db, DocumentRenderer render) =>
        {
            var d = await db.PartyDocuments.AsNoTracking().FirstAsync(x => x.Id == id);
            return await render.DocxAsync(d) is { } bytes ? TypedResults.File(bytes, Docx.ContentType, FileName(d, "docx")) : Problems.NotFound();
        }).Require<DocumentAccess, DocumentNeed>(DocumentNeed.Read)
            .WithSummary("Văn bản theo thể thức (DOCX)");

        g.MapGet("/{id:int}/pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int id, AppDbContext db, DocumentRenderer render, PdfConverter pdf) =>
        {
            var d = await db.PartyDocuments.AsNoTracking().FirstAsync(x => x.Id == id);
            // A signed document's PDF is the one that was signed, byte for byte.
            var signed = await db.DocumentSignatures.Where(s => s.DocumentId == id).OrderByDescending(s => s.Id).Select(s => s.Pdf).FirstOrDefaultAsync();
            if (signed is not null) return TypedResults.File(signed, "application/pdf", FileName(d, "pdf"));
            if (await render.DocxAsync(d) is not { } docx) return Problems.NotFound();
            var bytes = await pdf.ConvertAsync(docx);
            return bytes is null ? TypedResults.Problem("Máy chủ chưa chuyển được sang PDF (cần LibreOffice). Hãy tải bản DOCX.", statusCode: 503, title: "Chưa xuất được PDF")
                : TypedResults.File(bytes, "application/pdf", FileName(d, "pdf"));
        }).Require<DocumentAccess, DocumentNeed>(DocumentNeed.Read)
            .WithSummary("Văn bản theo thể thức (PDF; văn bản đã ký số: đúng bản PDF đã ký)");

        g.MapPost("/{id:int}/sign", async Task<Results<Ok<SignatureDto>, ValidationProblem, ProblemHttpResult>> (int id, AppDbContext db, DocumentRenderer render) =>
        {
            var r = await render.SignAsync(id);
            if (!r.Ok) return r.Field == "pdf" ? TypedResults.Problem(r.Error, statusCode: 503, title: "Chưa ký được") : r.ToConflict() is { } c ? c : r.ToProblem();
            var key = await db.SigningKeys.FirstAsync(k => k.Id == r.Value!.KeyId);
            return TypedResults.Ok(new SignatureDto(r.Value!.Id, r.Value.SignedAt, r.Value.SignedBy, r.Value.Sha256, key.Email, key.Subject));
        }).Require<DocumentAccess, DocumentNeed>(DocumentNeed.Sign)
            .WithSummary("Ký số văn bản đã ban hành bằng khóa của cơ quan ban hành (dấu chữ ký in lên văn bản)");

        g.MapGet("/{id:int}/signatures/{sid:int}/{file}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int id, int sid, string file, AppDbContext db) =>
        {
            var d = await db.PartyDocuments.AsNoTracking().FirstAsync(x => x.Id == id);
            var s = await db.DocumentSignatures.FirstOrDefaultAsync(x => x.Id == sid && x.DocumentId == id);
            return s is null ? Problems.NotFound() : file switch
            {
                "signed.pdf" => TypedResults.File(s.Pdf, "application/pdf", FileName(d, "pdf")),
                "signature.p7s" => TypedResults.File(s.Cms, "application/pkcs7-signature", FileName(d, "p7s")),
                _ => Problems.NotFound(),
            };
        }).Require<DocumentAccess, DocumentNeed>(DocumentNeed.Read)
            .WithSummary("Tải bản PDF đã ký (signed.pdf) hoặc chữ ký rời CMS/PKCS#7 (signature.p7s)");

        g.MapGet("/{id:int}/verify", async (int id, AppDbContext db, DocumentSigning signing) =>
        {
            var symbol = await db.PartyDocuments.Where(x => x.Id == id).Select(x => x.Symbol).FirstAsync();
            var list = new List<VerifyResult>();
            foreach (var s in await db.DocumentSignatures.AsNoTracking().Where(s => s.DocumentId == id).OrderBy(s => s.Id).ToListAsync())
                list.Add(await signing.VerifyAsync(s.Pdf, s.Cms) with { DocumentId = id, Symbol = symbol });
            return TypedResults.Ok(list);
        }).Require<DocumentAccess, DocumentNeed>(DocumentNeed.Read)
            .WithSummary("Kiểm tra các chữ ký số của một văn bản");

        g.MapPost("/verify", async Task<Results<Ok<VerifyResult>, ValidationProblem>> (VerifyBody req, DocumentSigning signing) =>
        {
            if (string.IsNullOrEmpty(req.Pdf)) return Problems.Invalid("pdf", "Gửi tệp PDF cần kiểm tra (mã hóa base64).");
            byte[] pdf; byte[]? sig = null;
            try { pdf = Convert.FromBase64String(req.Pdf); if (req.Signature is { } s) sig = Convert.FromBase64String(s); }
            catch (FormatException) { return Problems.Invalid("pdf", "Tệp gửi lên phải mã hóa base64."); }
            return TypedResults.Ok(await signing.VerifyPdfAsync(pdf, sig));
        }).OwnRecordsOnly("checks a PDF the caller already holds against the signatures kept here; it answers only about that file")
            .WithSummary("Kiểm tra một tệp PDF (base64), kèm hoặc không kèm chữ ký rời .p7s: còn nguyên vẹn không, ai ký, khi nào");

        g.MapGet("/keys", async (int unitId, AppDbContext db) =>
                TypedResults.Ok((await db.SigningKeys.Where(k => k.UnitId == unitId).OrderByDescending(k => k.Id).ToListAsync()).Select(ToDto).ToList()))
            .RequireQuery<UnitAccess, UnitNeed>(UnitNeed.See, "unitId")
            .WithSummary("Khóa ký số của đơn vị (chỉ chứng thư, không lộ khóa bí mật)");

        g.MapPost("/keys", async Task<Results<Ok<KeyDto>, ValidationProblem>> (KeyBody req, AppDbContext db, DocumentSigning signing) =>
        {
            if (req.UnitId is not { } unitId) return Problems.Invalid("unitId", "Chọn đơn vị của khóa ký số (unitId).");
            var name = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstAsync();
            var r = await signing.GenerateAsync(unitId, name, req.Email ?? "");
            return r.Ok ? TypedResults.Ok(ToDto(r.Value!)) : r.ToProblem();
        }).Require<UnitAccess, UnitNeed, KeyBody>(UnitNeed.Manage, b => b.UnitId, "unitId")
            .WithSummary("Tạo khóa ký số mới cho đơn vị (RSA 3072, chứng thư tự ký ghi tên và thư điện tử của cơ quan)");

        g.MapPost("/keys/import", async Task<Results<Ok<KeyDto>, ValidationProblem>> (ImportKeyBody req, DocumentSigning signing) =>
        {
            if (req.UnitId is not { } unitId) return Problems.Invalid("unitId", "Chọn đơn vị của khóa ký số (unitId).");
            if (string.IsNullOrEmpty(req.Pfx)) return Problems.Invalid("pfx", "Gửi tệp khóa .pfx/.p12 (mã hóa base64).");
            byte[] pfx;
            try { pfx = Convert.FromBase64String(req.Pfx); }
            catch (FormatException) { return Problems.Invalid("pfx", "Tệp khóa phải mã hóa base64."); }
            var r = await signing.ImportAsync(unitId, pfx, req.Password);
            return r.Ok ? TypedResults.Ok(ToDto(r.Value!)) : r.ToProblem();
        }).Require<UnitAccess, UnitNeed, ImportKeyBody>(UnitNeed.Manage, b => b.UnitId, "unitId")
            .WithSummary("Nhập khóa ký số có sẵn (tệp .pfx/.p12 mã hóa base64, kèm mật khẩu)");
    }

    /// <summary>
    /// Every document a body cites (a draft's <c>implements</c>) must be one the caller may read: a hidden one answers
    /// 404 like a missing one, before anything is written.
    /// </summary>
    static RouteHandlerBuilder RequireReadable<TArg>(this RouteHandlerBuilder b, Func<TArg, int[]?> pick, string what) =>
        b.WithMetadata(new AccessMetadata($"DocumentAccess.Read on each of {what}"))
            .AddEndpointFilter(async (ctx, next) =>
            {
                if (ctx.Arguments.OfType<TArg>().FirstOrDefault() is { } arg && pick(arg) is { Length: > 0 } ids)
                {
                    if (ids.Length > 100) return Problems.Invalid(what, "Dẫn chiếu tối đa 100 văn bản.");
                    var access = ctx.HttpContext.RequestServices.GetRequiredService<DocumentAccess>();
                    foreach (var id in ids.Distinct())
                        if (!await access.CanReadAsync(id, ctx.HttpContext.RequestAborted))
                            return Problems.NotFound($"Không có văn bản được dẫn chiếu (mã {id}) trong sổ, hoặc tài khoản không có quyền xem.");
                }
                return await next(ctx);
            });

    static string FileName(PartyDocument d, string ext) =>
        $"{(d.Symbol ?? $"du-thao-{d.Id}").Replace('/', '-')}.{ext}";
}
