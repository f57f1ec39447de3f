using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Documents;

public record DraftInput(int IssuerUnitId, string TypeCode, string Summary, string? Place, string? Body);
public record ExternalInput(string Symbol, string TypeCode, DateOnly IssuedOn, string Summary, string? ExternalIssuer, int? IssuerUnitId);

/// <summary>
/// The register of an issuer's documents and the allocation of numbers: per type within the issuer's term, allocated
/// in the issuing transaction by incrementing one counter row, which the database serializes — two clerks issuing at
/// the same moment get consecutive numbers, never the same one.
/// </summary>
public class DocumentRegister(AppDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public static readonly (string Code, string Name)[] Types =
    [
        ("NQ", "Nghị quyết"), ("QĐ", "Quyết định"), ("CT", "Chỉ thị"), ("KL", "Kết luận"), ("QC", "Quy chế"), ("QĐi", "Quy định"),
        ("HD", "Hướng dẫn"), ("TB", "Thông báo"), ("BC", "Báo cáo"), ("KH", "Kế hoạch"), ("CTr", "Chương trình"), ("ĐA", "Đề án"),
        ("TTr", "Tờ trình"), ("CV", "Công văn"), ("BB", "Biên bản"),
    ];

    public static async Task SeedAsync(AppDbContext db)
    {
        var existing = await db.DocumentTypes.Select(t => t.Code).ToListAsync();
        var i = 0;
        foreach (var (code, name) in Types)
        {
            i++;
            if (!existing.Contains(code)) db.DocumentTypes.Add(new DocumentType { Code = code, Name = name, Order = i });
        }
        await db.SaveChangesAsync();
    }

    DateTime Now => clock.GetUtcNow().UtcDateTime;
    string Actor => http.HttpContext?.User.Identity?.Name ?? "hệ thống";

    public async Task<Outcome<PartyDocument>> DraftAsync(DraftInput input, CancellationToken ct = default)
    {
        if (!await db.DocumentTypes.AnyAsync(t => t.Code == input.TypeCode, ct)) return Outcome<PartyDocument>.Fail("typeCode", "Loại văn bản không có trong danh mục.");
        if (string.IsNullOrWhiteSpace(input.Summary)) return Outcome<PartyDocument>.Fail("summary", "Nhập trích yếu nội dung.");
        var d = new PartyDocument
        {
            IssuerUnitId = input.IssuerUnitId, TypeCode = input.TypeCode, Summary = input.Summary.Trim(), Place = input.Place?.Trim(), Body = input.Body,
            Status = DocumentStatus.Draft, CreatedAt = Now, CreatedBy = Actor,
        };
        db.PartyDocuments.Add(d);
        await db.SaveChangesAsync(ct);
        return Outcome<PartyDocument>.Success(d);
    }

    /// <summary>Issues a draft on a date: the next number of its type in the issuer's term on that date.</summary>
    public async Task<Outcome<PartyDocument>> IssueAsync(int id, DateOnly date, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var d = await db.PartyDocuments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Outcome<PartyDocument>.Fail("id", "Không có văn bản này.");
        if (d.Status != DocumentStatus.Draft) return Outcome<PartyDocument>.Fail("status", "Chỉ ban hành văn bản đang là dự thảo.");
        var issuer = await db.AsDtos(db.Units.Where(u => u.Id == d.IssuerUnitId), date).FirstAsync(ct);
        if (string.IsNullOrWhiteSpace(issuer.IssuerCode)) return Outcome<PartyDocument>.Fail("issuerUnitId", "Đơn vị chưa có ký hiệu cơ quan ban hành (VD: HU, TU, ĐU).");
        var term = await db.IssuerTerms.Where(t => t.UnitId == d.IssuerUnitId && t.From <= date && (t.To == null || t.To > date)).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        var key = term ?? 0;
        // Make sure the counter row exists (two first issues may race to create it; the loser's insert is ignored), then bump it.
        var insert = db.Database.IsPostgres()
            ? """INSERT INTO "DocumentCounters" ("IssuerUnitId", "TypeCode", "TermKey", "LastNumber") VALUES ({0}, {1}, {2}, 0) ON CONFLICT DO NOTHING"""
            : """INSERT OR IGNORE INTO "DocumentCounters" ("IssuerUnitId", "TypeCode", "TermKey", "LastNumber") VALUES ({0}, {1}, {2}, 0)""";
        await db.Database.ExecuteSqlRawAsync(insert, [d.IssuerUnitId, d.TypeCode, key], ct);
        await db.DocumentCounters.Where(c => c.IssuerUnitId == d.IssuerUnitId && c.TypeCode == d.TypeCode && c.TermKey == key)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), ct);
        var number = await db.DocumentCounters.Where(c => c.IssuerUnitId == d.IssuerUnitId && c.TypeCode == d.TypeCode && c.TermKey == key)
            .Select(c => c.LastNumber).FirstAsync(ct);
        d.Number = number; d.TermId = term; d.IssuedOn = date; d.Status = DocumentStatus.Issued;
        d.Symbol = $"{number:00}-{d.TypeCode}/{issuer.IssuerCode}";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<PartyDocument>.Success(d);
    }

    public async Task<Outcome<PartyDocument>> WithdrawAsync(int id, CancellationToken ct = default)
    {
        var d = await db.PartyDocuments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Outcome<PartyDocument>.Fail("id", "Không có văn bản này.");
        if (d.Status != DocumentStatus.Draft) return Outcome<PartyDocument>.Fail("status", "Chỉ hủy được dự thảo; văn bản đã ban hành giữ số của nó.");
        d.Status = DocumentStatus.Withdrawn;
        await db.SaveChangesAsync(ct);
        return Outcome<PartyDocument>.Success(d);
    }

    /// <summary>A document from outside the product (a Central directive, a province's plan), entered with its own number and symbol.</summary>
    public async Task<Outcome<PartyDocument>> EnterExternalAsync(ExternalInput input, CancellationToken ct = default)
    {
        var m = System.Text.RegularExpressions.Regex.Match(input.Symbol.Trim(), @"^(\d+)\s*-\s*([^/\s]+)\s*/\s*(\S+)$");
        if (!m.Success) return Outcome<PartyDocument>.Fail("symbol", "Số, ký hiệu ghi dạng 18-KL/TW.");
        if (m.Groups[2].Value != input.TypeCode) return Outcome<PartyDocument>.Fail("typeCode", $"Ký hiệu {input.Symbol} không khớp loại văn bản {input.TypeCode}.");
        var d = new PartyDocument
        {
            IssuerUnitId = input.IssuerUnitId ?? 0, TypeCode = input.TypeCode, Number = int.Parse(m.Groups[1].Value), Symbol = $"{m.Groups[1].Value}-{m.Groups[2].Value}/{m.Groups[3].Value}",
            IssuedOn = input.IssuedOn, Summary = input.Summary.Trim(), Status = DocumentStatus.Issued, External = true, ExternalIssuer = input.ExternalIssuer?.Trim(),
            CreatedAt = Now, CreatedBy = Actor,
        };
        if (input.IssuerUnitId is null) return Outcome<PartyDocument>.Fail("issuerUnitId", "Chọn đơn vị nhập văn bản vào sổ.");
        db.PartyDocuments.Add(d);
        await db.SaveChangesAsync(ct);
        return Outcome<PartyDocument>.Success(d);
    }
}

public static class DocumentsApi
{
    public record DocumentDto(int Id, int IssuerUnitId, string TypeCode, int? Number, string? Symbol, DateOnly? IssuedOn, string Summary, DocumentStatus Status, bool External, string? ExternalIssuer);
    public record IssueBody(DateOnly? Date);
    public record TermBody(int UnitId, string Name, DateOnly From, DateOnly? To);

    static DocumentDto ToDto(PartyDocument d) => new(d.Id, d.IssuerUnitId, d.TypeCode, d.Number, d.Symbol, d.IssuedOn, d.Summary, d.Status, d.External, d.ExternalIssuer);

    static Results<Ok<DocumentDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound> Reply(Outcome<PartyDocument> r) =>
        r.ToConflict() is { } c ? c : r.Ok ? TypedResults.Ok(ToDto(r.Value!)) : r.ToProblem();

    public static void MapDocuments(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/documents").WithTags("Văn bản của Đảng").RequireAuthorization();

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

        g.MapGet("/", async Task<Results<Ok<List<DocumentDto>>, ForbidHttpResult>> (int issuerUnitId, string? typeCode, string? q, UserScope scope, AppDbContext db) =>
        {
            if (!await scope.CanSeeUnitAsync(issuerUnitId)) return TypedResults.Forbid();
            var query = db.PartyDocuments.Where(d => d.IssuerUnitId == issuerUnitId && (typeCode == null || d.TypeCode == typeCode));
            if (!string.IsNullOrWhiteSpace(q)) query = query.Where(d => d.Summary.Contains(q) || (d.Symbol != null && d.Symbol.Contains(q)));
            var list = await query.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Number).ThenByDescending(d => d.Id).Take(500).ToListAsync();
            return TypedResults.Ok(list.Select(ToDto).ToList());
        }).WithSummary("Sổ văn bản của một đơn vị ban hành (tìm theo trích yếu, số ký hiệu)");

        g.MapPost("/", async Task<Results<Ok<DocumentDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (DraftInput req, UserScope scope, DocumentRegister reg) =>
            !scope.IsStaff || !await scope.CanSeeUnitAsync(req.IssuerUnitId) ? TypedResults.Forbid() : Reply(await reg.DraftAsync(req)))
            .WithSummary("Soạn dự thảo văn bản (chưa có số)");

        g.MapPost("/{id:int}/issue", async Task<Results<Ok<DocumentDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int id, IssueBody req, UserScope scope, DocumentRegister reg, AppDbContext db) =>
        {
            var issuer = await db.PartyDocuments.Where(d => d.Id == id).Select(d => (int?)d.IssuerUnitId).FirstOrDefaultAsync();
            if (issuer is null) return TypedResults.NotFound();
            if (!scope.IsStaff || !await scope.CanSeeUnitAsync(issuer.Value)) return TypedResults.Forbid();
            return Reply(await reg.IssueAsync(id, req.Date ?? scope.Today));
        }).WithSummary("Ban hành: cấp số tiếp theo của loại văn bản trong nhiệm kỳ của đơn vị");

        g.MapPost("/{id:int}/withdraw", async Task<Results<Ok<DocumentDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (int id, UserScope scope, DocumentRegister reg, AppDbContext db) =>
        {
            var issuer = await db.PartyDocuments.Where(d => d.Id == id).Select(d => (int?)d.IssuerUnitId).FirstOrDefaultAsync();
            if (issuer is null) return TypedResults.NotFound();
            if (!scope.IsStaff || !await scope.CanSeeUnitAsync(issuer.Value)) return TypedResults.Forbid();
            return Reply(await reg.WithdrawAsync(id));
        }).WithSummary("Hủy dự thảo (không dùng số)");

        g.MapPost("/external", async Task<Results<Ok<DocumentDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound>> (ExternalInput req, UserScope scope, DocumentRegister reg) =>
            !scope.IsStaff || req.IssuerUnitId is { } u && !await scope.CanSeeUnitAsync(u) ? TypedResults.Forbid() : Reply(await reg.EnterExternalAsync(req)))
            .WithSummary("Nhập văn bản từ ngoài hệ thống với số, ký hiệu của nó");
    }
}
