using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Documents;

/// <summary>A new draft. <paramref name="Secret"/> is asked so that the answer can be no: secret documents stay out of the system.</summary>
public record DraftInput(int? IssuerUnitId, string TypeCode, string Summary, string? Place = null, string? Body = null, string? Addressee = null,
    string? Recipients = null, SignatureForm? SignatureForm = null, string? SignerFor = null, string? SignerPosition = null, string? SignerName = null,
    bool Secret = false, int[]? Implements = null, string? Office = null);

/// <summary>A document from outside the product, entered as printed: number, issuer lines, place and date, addressee, text, recipients, signer.</summary>
public record ExternalInput(string Symbol, string TypeCode, DateOnly? IssuedOn, string Summary, string? ExternalIssuer, int? IssuerUnitId,
    string? HeaderParent = null, string? Place = null, string? Addressee = null, string? Body = null, string? Recipients = null,
    SignatureForm? SignatureForm = null, string? SignerFor = null, string? SignerPosition = null, string? SignerName = null, int[]? Implements = null);

/// <summary>Editing a draft's text and layout parts (issued documents are fixed).</summary>
public record EditInput(string Summary, string? Place, string? Body, string? Addressee, string? Recipients, SignatureForm? SignatureForm,
    string? SignerFor, string? SignerPosition, string? SignerName, int Version);

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

    /// <summary>A stale version or a lost race: the same words whether the version was checked here or by the database's UPDATE.</summary>
    public const string Stale = "Văn bản vừa được người khác sửa hoặc ban hành; hãy tải lại trước khi thao tác tiếp.";

    public async Task<Outcome<PartyDocument>> DraftAsync(DraftInput input, CancellationToken ct = default)
    {
        if (input.IssuerUnitId is not { } issuerId) return Outcome<PartyDocument>.Fail("issuerUnitId", "Chọn đơn vị ban hành (issuerUnitId).");
        if (!await db.DocumentTypes.AnyAsync(t => t.Code == input.TypeCode, ct)) return Outcome<PartyDocument>.Fail("typeCode", "Loại văn bản không có trong danh mục.");
        if (input.Secret) return Outcome<PartyDocument>.Fail("secret", "Văn bản mật không được soạn thảo, lưu trữ trên hệ thống; chỉ văn bản không mật.");
        if (string.IsNullOrWhiteSpace(input.Summary)) return Outcome<PartyDocument>.Fail("summary", "Nhập trích yếu nội dung.");
        var office = Clean(input.Office);
        if (!Letterheads.IsOffice(office)) return Outcome<PartyDocument>.Fail("office", $"Cơ quan ban hành chỉ có thể là cấp ủy (để trống) hoặc Ủy ban Kiểm tra ({Letterheads.InspectionCommission}).");
        if (office is not null && await db.Units.AnyAsync(u => u.Id == issuerId && u.UnitType!.IsCell, ct))
            return Outcome<PartyDocument>.Fail("office", "Chi bộ không có Ủy ban Kiểm tra; văn bản do chi bộ ban hành.");
        var d = new PartyDocument
        {
            IssuerUnitId = issuerId, Office = office, TypeCode = input.TypeCode, Summary = input.Summary.Trim(), Place = Clean(input.Place), Body = input.Body,
            Addressee = Clean(input.Addressee), Recipients = Clean(input.Recipients), SignatureForm = input.SignatureForm ?? SignatureForm.OnBehalf,
            SignerFor = Clean(input.SignerFor), SignerPosition = Clean(input.SignerPosition), SignerName = Clean(input.SignerName),
            Status = DocumentStatus.Draft, CreatedAt = Now, CreatedBy = Actor,
        };
        return await AddWithLinksAsync(d, input.Implements, ct);
    }

    /// <summary>Issues a draft on a date: the next number of its type in the issuer's term on that date.</summary>
    public async Task<Outcome<PartyDocument>> IssueAsync(int id, DateOnly date, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginWorkAsync(ct);
        var d = await db.PartyDocuments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Outcome<PartyDocument>.Fail("id", "Không có văn bản này.");
        // Issued a moment ago is the usual case (two clerks pressing at once): say so, with its number.
        if (d.Status == DocumentStatus.Issued) return Outcome<PartyDocument>.Fail("status", $"Văn bản đã được ban hành với số {d.Symbol} (có thể do người khác vừa ban hành); hãy tải lại.");
        if (d.Status != DocumentStatus.Draft) return Outcome<PartyDocument>.Fail("status", "Chỉ ban hành văn bản đang là dự thảo.");
        var issuer = await db.AsDtos(db.Units.Where(u => u.Id == d.IssuerUnitId), date).FirstAsync(ct);
        // A cell signs as "CB" (chi bộ) unless the tree gives it its own abbreviation.
        var issuerCode = string.IsNullOrWhiteSpace(issuer.IssuerCode) ? issuer.IsCell ? "CB" : null : issuer.IssuerCode;
        if (issuerCode is null) return Outcome<PartyDocument>.Fail("issuerUnitId", "Đơn vị chưa có ký hiệu cơ quan ban hành (VD: HU, TU, ĐU).");
        // The inspection commission numbers in its own register and signs as UBKT + the committee's code (UBKTĐU, UBKTHU).
        var office = d.Office ?? "";
        issuerCode = office + issuerCode;
        var term = await db.IssuerTerms.Where(t => t.UnitId == d.IssuerUnitId && t.From <= date && (t.To == null || t.To > date)).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        var key = term ?? 0;
        // Make sure the counter row exists (two first issues may race to create it; the loser's insert is ignored), then bump it.
        var insert = db.Database.IsPostgres()
            ? """INSERT INTO "DocumentCounters" ("IssuerUnitId", "Office", "TypeCode", "TermKey", "LastNumber") VALUES ({0}, {1}, {2}, {3}, 0) ON CONFLICT DO NOTHING"""
            : """INSERT OR IGNORE INTO "DocumentCounters" ("IssuerUnitId", "Office", "TypeCode", "TermKey", "LastNumber") VALUES ({0}, {1}, {2}, {3}, 0)""";
        await db.Database.ExecuteSqlRawAsync(insert, [d.IssuerUnitId, office, d.TypeCode, key], ct);
        var counter = db.DocumentCounters.Where(c => c.IssuerUnitId == d.IssuerUnitId && c.Office == office && c.TypeCode == d.TypeCode && c.TermKey == key);
        await counter.ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), ct);
        // The counter row is now held until commit, so whoever issued in this series before us has committed: the
        // checks below see their number, and a parallel issue of this same draft is seen as done (409, not a second number).
        var current = await db.PartyDocuments.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Status, x.Version }).FirstAsync(ct);
        if (current.Status != DocumentStatus.Draft || current.Version != d.Version)
        {
            await tx.RollbackAsync(ct);
            return Outcome<PartyDocument>.Fail("version", Stale);
        }
        var last = await db.PartyDocuments.AsNoTracking()
            .Where(x => x.IssuerUnitId == d.IssuerUnitId && (x.Office ?? "") == office && x.TypeCode == d.TypeCode && x.TermId == term
                        && x.Status == DocumentStatus.Issued && !x.External && x.Number != null)
            .OrderByDescending(x => x.Number).Select(x => new { x.Symbol, x.IssuedOn }).FirstOrDefaultAsync(ct);
        if (last is { IssuedOn: { } lastOn } && date < lastOn)
        {
            await tx.RollbackAsync(ct);
            return Outcome<PartyDocument>.Fail("date", $"Ngày ban hành {date.Vn()} trước ngày của số đã cấp gần nhất trong sổ ({last.Symbol} ngày {lastOn.Vn()}): " +
                $"số sau không được mang ngày sớm hơn số trước; hãy ghi ngày từ {lastOn.Vn()} trở đi.");
        }
        var number = await counter.Select(c => c.LastNumber).FirstAsync(ct);
        d.Number = number; d.TermId = term; d.IssuedOn = date; d.Status = DocumentStatus.Issued;
        d.Symbol = $"{number:00}-{d.TypeCode}/{issuerCode}";
        if (!await SavedAsync(ct))
        {
            await tx.RollbackAsync(ct);
            return Outcome<PartyDocument>.Fail("version", Stale);
        }
        await tx.CommitAsync(ct);
        return Outcome<PartyDocument>.Success(d);
    }

    /// <summary>Saves, or says the row's version had moved: the UPDATE carries the version it read (a concurrency token).</summary>
    async Task<bool> SavedAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); return true; }
        catch (DbUpdateConcurrencyException) { return false; }
    }

    public async Task<Outcome<PartyDocument>> WithdrawAsync(int id, CancellationToken ct = default)
    {
        var d = await db.PartyDocuments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Outcome<PartyDocument>.Fail("id", "Không có văn bản này.");
        if (d.Status != DocumentStatus.Draft) return Outcome<PartyDocument>.Fail("status", "Chỉ hủy được dự thảo; văn bản đã ban hành giữ số của nó.");
        d.Status = DocumentStatus.Withdrawn;
        return await SavedAsync(ct) ? Outcome<PartyDocument>.Success(d) : Outcome<PartyDocument>.Fail("version", Stale);
    }

    /// <summary>A document from outside the product (a Central directive, a province's plan), entered with its own number and symbol.</summary>
    public async Task<Outcome<PartyDocument>> EnterExternalAsync(ExternalInput input, CancellationToken ct = default)
    {
        if (input.IssuerUnitId is null) return Outcome<PartyDocument>.Fail("issuerUnitId", "Chọn đơn vị nhập văn bản vào sổ.");
        if (string.IsNullOrWhiteSpace(input.Symbol)) return Outcome<PartyDocument>.Fail("symbol", "Nhập số, ký hiệu của văn bản (dạng 18-KL/TW).");
        if (string.IsNullOrWhiteSpace(input.Summary)) return Outcome<PartyDocument>.Fail("summary", "Nhập trích yếu nội dung.");
        if (input.IssuedOn is not { } issuedOn) return Outcome<PartyDocument>.Fail("issuedOn", "Nhập ngày ban hành của văn bản.");
        if (!await db.DocumentTypes.AnyAsync(t => t.Code == input.TypeCode, ct)) return Outcome<PartyDocument>.Fail("typeCode", "Loại văn bản không có trong danh mục.");
        // The number may be missing from a copy (seed 002 carries none): "-KH/TU" enters it as "…-KH/TU".
        var m = System.Text.RegularExpressions.Regex.Match(input.Symbol.Trim(), @"^(\d+)?\s*-\s*([^/\s]+)\s*/\s*(\S+)$");
        if (!m.Success) return Outcome<PartyDocument>.Fail("symbol", "Số, ký hiệu ghi dạng 18-KL/TW.");
        if (m.Groups[2].Value != input.TypeCode) return Outcome<PartyDocument>.Fail("typeCode", $"Ký hiệu {input.Symbol} không khớp loại văn bản {input.TypeCode}.");
        var known = m.Groups[1].Success;
        var d = new PartyDocument
        {
            IssuerUnitId = input.IssuerUnitId ?? 0, TypeCode = input.TypeCode, Number = known && int.TryParse(m.Groups[1].Value, out var n) ? n : null,
            Symbol = $"{(known ? m.Groups[1].Value : "…")}-{m.Groups[2].Value}/{m.Groups[3].Value}",
            IssuedOn = issuedOn, Summary = input.Summary.Trim(), Status = DocumentStatus.Issued, External = true, ExternalIssuer = Clean(input.ExternalIssuer),
            HeaderIssuer = Clean(input.ExternalIssuer), HeaderParent = Clean(input.HeaderParent), Place = Clean(input.Place), Addressee = Clean(input.Addressee),
            Body = input.Body, Recipients = Clean(input.Recipients), SignatureForm = input.SignatureForm ?? SignatureForm.None, SignerFor = Clean(input.SignerFor),
            SignerPosition = Clean(input.SignerPosition), SignerName = Clean(input.SignerName), CreatedAt = Now, CreatedBy = Actor,
        };
        return await AddWithLinksAsync(d, input.Implements, ct);
    }

    public async Task<Outcome<PartyDocument>> EditAsync(int id, EditInput input, CancellationToken ct = default)
    {
        var d = await db.PartyDocuments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Outcome<PartyDocument>.Fail("id", "Không có văn bản này.");
        if (d.Version != input.Version) return Outcome<PartyDocument>.Fail("version", Stale);
        if (d.Status != DocumentStatus.Draft) return Outcome<PartyDocument>.Fail("status", "Văn bản đã ban hành không sửa được; hãy ban hành văn bản sửa đổi, bổ sung.");
        if (string.IsNullOrWhiteSpace(input.Summary)) return Outcome<PartyDocument>.Fail("summary", "Nhập trích yếu nội dung.");
        d.Summary = input.Summary.Trim(); d.Place = Clean(input.Place); d.Body = input.Body; d.Addressee = Clean(input.Addressee); d.Recipients = Clean(input.Recipients);
        d.SignatureForm = input.SignatureForm ?? d.SignatureForm; d.SignerFor = Clean(input.SignerFor); d.SignerPosition = Clean(input.SignerPosition); d.SignerName = Clean(input.SignerName);
        if (TooLong(d) is { } refused) return refused;
        return await SavedAsync(ct) ? Outcome<PartyDocument>.Success(d) : Outcome<PartyDocument>.Fail("version", Stale);
    }

    /// <summary>A product record (minutes, a thematic plan, a report, a conclusion) entered in its issuer's register as a draft of the matching type.</summary>
    public async Task<Outcome<PartyDocument>> DraftFromSourceAsync(string kind, int sourceId, int issuerUnitId, string summary, CancellationToken ct = default, string? office = null)
    {
        if (await db.PartyDocuments.AnyAsync(d => d.SourceKind == kind && d.SourceId == sourceId && d.Status != DocumentStatus.Withdrawn, ct))
            return Outcome<PartyDocument>.Fail("status", "Văn bản này đã có trong sổ văn bản.");
        var d = new PartyDocument
        {
            IssuerUnitId = issuerUnitId, Office = office, TypeCode = SourceKinds.TypeOf(kind), Summary = summary, SourceKind = kind, SourceId = sourceId,
            SignatureForm = SignatureForm.OnBehalf, Status = DocumentStatus.Draft, CreatedAt = Now, CreatedBy = Actor,
        };
        return await AddWithLinksAsync(d, null, ct);
    }

    /// <summary>Records that a document implements (or follows) another; the chain may not loop.</summary>
    public async Task<Outcome<DocumentLink>> LinkAsync(int id, int targetId, LinkKind kind, CancellationToken ct = default)
    {
        if (id == targetId) return Outcome<DocumentLink>.Fail("targetId", "Văn bản không thể thực hiện chính nó.");
        if (!await db.PartyDocuments.AnyAsync(d => d.Id == targetId, ct)) return Outcome<DocumentLink>.Fail("targetId", "Không có văn bản được dẫn chiếu; hãy nhập văn bản đó vào sổ trước.");
        if (await db.DocumentLinks.AnyAsync(l => l.DocumentId == id && l.TargetId == targetId, ct)) return Outcome<DocumentLink>.Fail("targetId", "Đã ghi liên kết này.");
        if ((await Lineage.UpAsync(db, targetId, ct)).Any(x => x.Id == id)) return Outcome<DocumentLink>.Fail("targetId", "Liên kết này tạo thành vòng lặp trong chuỗi văn bản.");
        var link = new DocumentLink { DocumentId = id, TargetId = targetId, Kind = kind };
        db.DocumentLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return Outcome<DocumentLink>.Success(link);
    }

    async Task<Outcome<PartyDocument>> AddWithLinksAsync(PartyDocument d, int[]? implements, CancellationToken ct)
    {
        if (TooLong(d) is { } refused) return refused;
        var targets = (implements ?? []).Distinct().ToList();
        if (targets.Count > 0 && await db.PartyDocuments.CountAsync(x => targets.Contains(x.Id), ct) != targets.Count)
            return Outcome<PartyDocument>.Fail("implements", "Có văn bản được dẫn chiếu không tồn tại trong sổ.");
        await using var tx = await db.Database.BeginWorkAsync(ct);
        db.PartyDocuments.Add(d);
        await db.SaveChangesAsync(ct);
        foreach (var t in targets) db.DocumentLinks.Add(new DocumentLink { DocumentId = d.Id, TargetId = t, Kind = LinkKind.Implements });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<PartyDocument>.Success(d);
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The register's column widths (PostgreSQL refuses a longer value with an error, SQLite would keep it): a field too long is bad input.</summary>
    static Outcome<PartyDocument>? TooLong(PartyDocument d)
    {
        foreach (var (field, value, max) in new[] { ("summary", d.Summary, 1000), ("place", d.Place, 100), ("addressee", d.Addressee, 500), ("symbol", d.Symbol, 60),
                     ("signerFor", d.SignerFor, 200), ("signerPosition", d.SignerPosition, 200), ("signerName", d.SignerName, 200),
                     ("headerParent", d.HeaderParent, 200), ("externalIssuer", d.ExternalIssuer, 300) })
            if (value is { Length: var n } && n > max) return Outcome<PartyDocument>.Fail(field, $"Trường {field} dài quá {max} ký tự.");
        return null;
    }
}
