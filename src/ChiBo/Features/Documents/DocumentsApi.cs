using ChiBo.Data;
using ChiBo.Features.Accounts;
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
    public record TermBody(int UnitId, string Name, DateOnly From, DateOnly? To);
    public record LinkBody(int? TargetId, string? TargetSymbol, LinkKind? Kind);
    public record SourceBody(string Kind, int SourceId);
    public record KeyBody(int UnitId, string Email);
    public record ImportKeyBody(int UnitId, string Pfx, string? Password);
    public record KeyDto(int Id, int UnitId, string Subject, string Email, string Thumbprint, DateTime NotBefore, DateTime NotAfter, bool Active);
    public record VerifyBody(string Pdf, string? Signature);

    public static DocumentDto ToDto(PartyDocument d) => new(d.Id, d.IssuerUnitId, d.Office, d.TypeCode, d.Number, d.Symbol, d.IssuedOn, d.Summary, d.Status, d.External,
        d.ExternalIssuer, d.HeaderParent, d.Place, d.Addressee, d.Body, d.Recipients, d.SignatureForm, d.SignerFor, d.SignerPosition, d.SignerName, d.SourceKind, d.SourceId, d.Version);
    static KeyDto ToDto(SigningKey k) => new(k.Id, k.UnitId, k.Subject, k.Email, k.Thumbprint, k.NotBefore, k.NotAfter, k.Active);

    static Results<Ok<DocumentDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound> Reply(Outcome<PartyDocument> r) =>
        r.ToConflict() is { } c ? c : r.Ok ? TypedResults.Ok(ToDto(r.Value!)) : r.ToProblem();

    /// <summary>Issuing for a unit: its committee staff (or above), or a cell's secretary for the cell's own documents.</summary>
    public static async Task<bool> CanIssueAsync(UserScope scope, int unitId) => scope.CanManageCells && await scope.CanSeeUnitAsync(unitId);

    public static async Task<DetailDto> DetailAsync(AppDbContext db, PartyDocument d, CancellationToken ct = default)
    {
        var signatures = await db.DocumentSignatures.Where(s => s.DocumentId == d.Id).OrderBy(s => s.Id)
            .Join(db.SigningKeys, s => s.KeyId, k => k.Id, (s, k) => new SignatureDto(s.Id, s.SignedAt, s.SignedBy, s.Sha256, k.Email, k.Subject)).ToListAsync(ct);
        return new DetailDto(ToDto(d), await Lineage.UpAsync(db, d.Id, ct), await Lineage.DownAsync(db, d.Id, ct), signatures);
    }

    public static void MapDocuments(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/documents").WithTags("Văn bản của Đảng").RequireAuthorization();

        async Task<(PartyDocument? Doc, bool Allowed)> Load(int id, UserScope scope, AppDbContext db, bool write)
        {
            var d = await db.PartyDocuments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
            if (d is null) return (null, false);
            return (d, write ? await CanIssueAsync(scope, d.IssuerUnitId) : await scope.CanSeeUnitAsync(d.IssuerUnitId));
        }

        g.MapGet("/types", async (AppDbContext db) => TypedResults.Ok(await db.DocumentTypes.OrderBy(t => t.Order).Select(t => new { t.Code, t.Name }).ToListAsync()))
            .WithSummary("Danh mục loại văn bản và chữ viết tắt");

        g.MapPost("/terms", async Task<Results<Ok<IssuerTerm>, ValidationProblem, ForbidHttpResult>> (TermBody req, UserScope scope, AppDbContext db) =>
        {
            if (!scope.IsStaff || !await scope.CanSeeUnitAsync(req.UnitId)) return TypedResults.Forbid();
            if (string.IsNullOrWhiteSpace(req.Name) || req.To is { } to && to <= req.From)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["Nhập tên nhiệm kỳ; ngày kết thúc phải sau ngày bắt đầu."] }, title: "Dữ liệu không hợp lệ");
            if (await db.IssuerTerms.AnyAsync(t => t.UnitId == req.UnitId && t.From < (req.To ?? DateOnly.MaxValue) && (t.To == null || t.To > req.From)))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["Nhiệm kỳ trùng thời gian với nhiệm kỳ đã có."] }, title: "Dữ liệu không hợp lệ");
            var t = new IssuerTerm { UnitId = req.UnitId, Name = req.Name.Trim(), From = req.From, To = req.To };
            db.IssuerTerms.Add(t);
            await db.SaveChangesAsync();
            return TypedResults.Ok(t);
        }).WithSummary("Nhiệm kỳ của cấp ủy (số văn bản đánh lại từ 01 mỗi nhiệm kỳ)");

        g.MapGet("/", async Task<Results<Ok<List<DocumentDto>>, ForbidHttpResult>> (int issuerUnitId, string? typeCode, string? q, int? year, UserScope scope, AppDbContext db) =>
        {
            if (!await scope.CanSeeUnitAsync(issuerUnitId)) return TypedResults.Forbid();
            return TypedResults.Ok((await RegisterQuery.SearchAsync(db, issuerUnitId, typeCode, q, year)).Select(ToDto).ToList());
        }).WithSummary("Sổ văn bản của một đơn vị ban hành (tìm theo trích yếu, số ký hiệu, loại, năm)");

        g.MapGet("/export.csv", async Task<Results<FileContentHttpResult, ForbidHttpResult>> (int issuerUnitId, string? typeCode, string? q, int? year, UserScope scope, AppDbContext db) =>
        {
            if (!await scope.CanSeeUnitAsync(issuerUnitId)) return TypedResults.Forbid();
            var rows = RegisterQuery.Rows(await RegisterQuery.SearchAsync(db, issuerUnitId, typeCode, q, year, take: 100_000));
            return TypedResults.File(Tables.Csv(rows), "text/csv; charset=utf-8", $"so-van-ban-{issuerUnitId}.csv");
        }).WithSummary("Xuất sổ văn bản (CSV, mở được bằng Excel)");

        g.MapGet("/{id:int}", async Task<Results<Ok<DetailDto>, NotFound, ForbidHttpResult>> (int id, UserScope scope, AppDbContext db) =>
        {
            var (d, ok) = await Load(id, scope, db, false);
            if (d is null) return TypedResults.NotFound();
            if (!ok) return TypedResults.Forbid();
            return TypedResults.Ok(await DetailAsync(db, d));
        }).WithSummary("Một văn bản: nội dung, chuỗi văn bản (thực hiện / được thực hiện bởi), chữ ký số");

        g.MapPost("/", async Task<Results<Ok<DocumentDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (DraftInput req, UserScope scope, DocumentRegister reg) =>
            !await CanIssueAsync(scope, req.IssuerUnitId) ? TypedResults.Forbid() : Reply(await reg.DraftAsync(req)))
            .WithSummary("Soạn dự thảo văn bản (chưa có số); văn bản mật bị từ chối");

        g.MapPut("/{id:int}", async Task<Results<Ok<DocumentDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int id, EditInput req, UserScope scope, DocumentRegister reg, AppDbContext db) =>
        {
            var (d, ok) = await Load(id, scope, db, true);
            if (d is null) return TypedResults.NotFound();
            return !ok ? TypedResults.Forbid() : Reply(await reg.EditAsync(id, req));
        }).WithSummary("Sửa dự thảo (kèm version)");

        g.MapPost("/from-source", async Task<Results<Ok<DocumentDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (SourceBody req, UserScope scope, DocumentRegister reg, AppDbContext db) =>
        {
            if (await SourceRecords.FindAsync(db, req.Kind, req.SourceId) is not { } src) return TypedResults.NotFound();
            if (!await CanIssueAsync(scope, src.UnitId)) return TypedResults.Forbid();
            return Reply(await reg.DraftFromSourceAsync(req.Kind, req.SourceId, src.UnitId, src.Summary));
        }).WithSummary("Đưa biên bản, kế hoạch, báo cáo, kết luận của hệ thống vào sổ văn bản (dự thảo, rồi ban hành để có số)");

        g.MapPost("/{id:int}/issue", async Task<Results<Ok<DocumentDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int id, IssueBody req, UserScope scope, DocumentRegister reg, AppDbContext db) =>
        {
            var (d, ok) = await Load(id, scope, db, true);
            if (d is null) return TypedResults.NotFound();
            return !ok ? TypedResults.Forbid() : Reply(await reg.IssueAsync(id, req.Date ?? scope.Today));
        }).WithSummary("Ban hành: cấp số tiếp theo của loại văn bản trong nhiệm kỳ của đơn vị");

        g.MapPost("/{id:int}/withdraw", async Task<Results<Ok<DocumentDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int id, UserScope scope, DocumentRegister reg, AppDbContext db) =>
        {
            var (d, ok) = await Load(id, scope, db, true);
            if (d is null) return TypedResults.NotFound();
            return !ok ? TypedResults.Forbid() : Reply(await reg.WithdrawAsync(id));
        }).WithSummary("Hủy dự thảo (không dùng số)");

        g.MapPost("/external", async Task<Results<Ok<DocumentDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (ExternalInput req, UserScope scope, DocumentRegister reg) =>
            !scope.IsStaff || req.IssuerUnitId is { } u && !await scope.CanSeeUnitAsync(u) ? TypedResults.Forbid() : Reply(await reg.EnterExternalAsync(req)))
            .WithSummary("Nhập văn bản từ ngoài hệ thống với số, ký hiệu, nơi ban hành, nội dung của nó");

        g.MapPost("/{id:int}/links", async Task<Results<Ok<DetailDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int id, LinkBody req, UserScope scope, DocumentRegister reg, AppDbContext db) =>
        {
            var (d, ok) = await Load(id, scope, db, true);
            if (d is null) return TypedResults.NotFound();
            if (!ok) return TypedResults.Forbid();
            var target = req.TargetId ?? await RegisterQuery.BySymbolAsync(db, req.TargetSymbol);
            if (target is null)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["targetSymbol"] = [$"Chưa có văn bản số {req.TargetSymbol} trong hệ thống; hãy nhập văn bản đó trước."] }, title: "Dữ liệu không hợp lệ");
            var r = await reg.LinkAsync(id, target.Value, req.Kind ?? LinkKind.Implements);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Ok(await DetailAsync(db, d));
        }).WithSummary("Ghi văn bản này thực hiện (hoặc tiếp tục) văn bản khác, theo id hoặc số ký hiệu");

        g.MapGet("/{id:int}/docx", async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> (int id, UserScope scope, AppDbContext db, DocumentRenderer render) =>
        {
            var (d, ok) = await Load(id, scope, db, false);
            if (d is null) return TypedResults.NotFound();
            if (!ok) return TypedResults.Forbid();
            return await render.DocxAsync(d) is { } bytes ? TypedResults.File(bytes, Docx.ContentType, FileName(d, "docx")) : TypedResults.NotFound();
        }).WithSummary("Văn bản theo thể thức (DOCX)");

        g.MapGet("/{id:int}/pdf", async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult, ProblemHttpResult>> (int id, UserScope scope, AppDbContext db, DocumentRenderer render, PdfConverter pdf) =>
        {
            var (d, ok) = await Load(id, scope, db, false);
            if (d is null) return TypedResults.NotFound();
            if (!ok) return TypedResults.Forbid();
            // A signed document's PDF is the one that was signed, byte for byte.
            var signed = await db.DocumentSignatures.Where(s => s.DocumentId == id).OrderByDescending(s => s.Id).Select(s => s.Pdf).FirstOrDefaultAsync();
            if (signed is not null) return TypedResults.File(signed, "application/pdf", FileName(d, "pdf"));
            if (await render.DocxAsync(d) is not { } docx) return TypedResults.NotFound();
            var bytes = await pdf.ConvertAsync(docx);
            return bytes is null ? TypedResults.Problem("Máy chủ chưa chuyển được sang PDF (cần LibreOffice). Hãy tải bản DOCX.", statusCode: 503, title: "Chưa xuất được PDF")
                : TypedResults.File(bytes, "application/pdf", FileName(d, "pdf"));
        }).WithSummary("Văn bản theo thể thức (PDF; văn bản đã ký số: đúng bản PDF đã ký)");

        g.MapPost("/{id:int}/sign", async Task<Results<Ok<SignatureDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int id, UserScope scope, AppDbContext db, DocumentRenderer render) =>
        {
            var (d, ok) = await Load(id, scope, db, true);
            if (d is null) return TypedResults.NotFound();
            if (!ok || !scope.IsStaff) return TypedResults.Forbid();
            var r = await render.SignAsync(id);
            if (!r.Ok) return r.Field == "pdf" ? TypedResults.Problem(r.Error, statusCode: 503, title: "Chưa ký được") : r.ToConflict() is { } c ? c : r.ToProblem();
            var key = await db.SigningKeys.FirstAsync(k => k.Id == r.Value!.KeyId);
            return TypedResults.Ok(new SignatureDto(r.Value!.Id, r.Value.SignedAt, r.Value.SignedBy, r.Value.Sha256, key.Email, key.Subject));
        }).WithSummary("Ký số văn bản đã ban hành bằng khóa của cơ quan ban hành (dấu chữ ký in lên văn bản)");

        g.MapGet("/{id:int}/signatures/{sid:int}/{file}", async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> (int id, int sid, string file, UserScope scope, AppDbContext db) =>
        {
            var (d, ok) = await Load(id, scope, db, false);
            if (d is null) return TypedResults.NotFound();
            if (!ok) return TypedResults.Forbid();
            var s = await db.DocumentSignatures.FirstOrDefaultAsync(x => x.Id == sid && x.DocumentId == id);
            return s is null ? TypedResults.NotFound() : file switch
            {
                "signed.pdf" => TypedResults.File(s.Pdf, "application/pdf", FileName(d, "pdf")),
                "signature.p7s" => TypedResults.File(s.Cms, "application/pkcs7-signature", FileName(d, "p7s")),
                _ => TypedResults.NotFound(),
            };
        }).WithSummary("Tải bản PDF đã ký (signed.pdf) hoặc chữ ký rời CMS/PKCS#7 (signature.p7s)");

        g.MapGet("/{id:int}/verify", async Task<Results<Ok<List<VerifyResult>>, NotFound, ForbidHttpResult>> (int id, UserScope scope, AppDbContext db, DocumentSigning signing) =>
        {
            var (d, ok) = await Load(id, scope, db, false);
            if (d is null) return TypedResults.NotFound();
            if (!ok) return TypedResults.Forbid();
            var list = new List<VerifyResult>();
            foreach (var s in await db.DocumentSignatures.AsNoTracking().Where(s => s.DocumentId == id).OrderBy(s => s.Id).ToListAsync())
                list.Add(await signing.VerifyAsync(s.Pdf, s.Cms) with { DocumentId = id, Symbol = d.Symbol });
            return TypedResults.Ok(list);
        }).WithSummary("Kiểm tra các chữ ký số của một văn bản");

        g.MapPost("/verify", async Task<Results<Ok<VerifyResult>, ValidationProblem>> (VerifyBody req, DocumentSigning signing) =>
        {
            byte[] pdf; byte[]? sig = null;
            try { pdf = Convert.FromBase64String(req.Pdf); if (req.Signature is { } s) sig = Convert.FromBase64String(s); }
            catch (FormatException)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pdf"] = ["Tệp gửi lên phải mã hóa base64."] }, title: "Dữ liệu không hợp lệ");
            }
            return TypedResults.Ok(await signing.VerifyPdfAsync(pdf, sig));
        }).WithSummary("Kiểm tra một tệp PDF (base64), kèm hoặc không kèm chữ ký rời .p7s: còn nguyên vẹn không, ai ký, khi nào");

        g.MapGet("/keys", async Task<Results<Ok<List<KeyDto>>, ForbidHttpResult>> (int unitId, UserScope scope, AppDbContext db) =>
            !await scope.CanSeeUnitAsync(unitId) ? TypedResults.Forbid()
                : TypedResults.Ok((await db.SigningKeys.Where(k => k.UnitId == unitId).OrderByDescending(k => k.Id).ToListAsync()).Select(ToDto).ToList()))
            .WithSummary("Khóa ký số của đơn vị (chỉ chứng thư, không lộ khóa bí mật)");

        g.MapPost("/keys", async Task<Results<Ok<KeyDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (KeyBody req, UserScope scope, AppDbContext db, DocumentSigning signing) =>
        {
            if (!scope.IsStaff || !await scope.CanSeeUnitAsync(req.UnitId)) return TypedResults.Forbid();
            var name = await db.Units.Where(u => u.Id == req.UnitId).Select(u => u.Name).FirstOrDefaultAsync();
            if (name is null) return TypedResults.NotFound();
            var r = await signing.GenerateAsync(req.UnitId, name, req.Email);
            return r.Ok ? TypedResults.Ok(ToDto(r.Value!)) : r.ToProblem();
        }).WithSummary("Tạo khóa ký số mới cho đơn vị (RSA 3072, chứng thư tự ký ghi tên và thư điện tử của cơ quan)");

        g.MapPost("/keys/import", async Task<Results<Ok<KeyDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (ImportKeyBody req, UserScope scope, DocumentSigning signing) =>
        {
            if (!scope.IsStaff || !await scope.CanSeeUnitAsync(req.UnitId)) return TypedResults.Forbid();
            byte[] pfx;
            try { pfx = Convert.FromBase64String(req.Pfx); }
            catch (FormatException) { return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pfx"] = ["Tệp khóa phải mã hóa base64."] }, title: "Dữ liệu không hợp lệ"); }
            var r = await signing.ImportAsync(req.UnitId, pfx, req.Password);
            return r.Ok ? TypedResults.Ok(ToDto(r.Value!)) : r.ToProblem();
        }).WithSummary("Nhập khóa ký số có sẵn (tệp .pfx/.p12 mã hóa base64, kèm mật khẩu)");
    }

    static string FileName(PartyDocument d, string ext) =>
        $"{(d.Symbol ?? $"du-thao-{d.Id}").Replace('/', '-')}.{ext}";
}
