using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Campaigns;
using ChiBo.Features.Meetings;
using ChiBo.Features.Monitoring;
using ChiBo.Features.Plans;
using ChiBo.Features.Shared;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Documents;

/// <summary>
/// A register entry in the official layout: its own text, or — when it prints a product record (minutes, a plan, a report,
/// a conclusion) — that record's document, with the number the register gave it. Also signs the PDF.
/// </summary>
public partial class DocumentRenderer(AppDbContext db, UserScope scope, PdfConverter pdf, DocumentSigning signing, GroupReportService groups, PlanService plans, TimeProvider clock)
{
    public async Task<OfficialDocument?> LayoutAsync(PartyDocument d, CancellationToken ct = default)
    {
        var doc = d.SourceKind switch
        {
            null => await OwnAsync(d, ct),
            SourceKinds.Minutes => await MeetingQueries.LoadAsync(db, scope, d.SourceId!.Value, ct) is { Minutes: not null } m ? await MeetingBook.MinutesDocumentAsync(db, m, ct) : null,
            SourceKinds.ThematicPlan => await db.ThematicPlans.FirstOrDefaultAsync(p => p.Id == d.SourceId, ct) is { } p
                && await PlansApi.LoadAsync(db, plans, p.CellId, p.Year) is { } dto ? await PlanDocument.DocumentAsync(db, dto, ct) : null,
            SourceKinds.GroupReport => await db.GroupReports.FirstOrDefaultAsync(r => r.Id == d.SourceId, ct) is { } r ? await groups.DocumentAsync(r, ct) : null,
            SourceKinds.CampaignReport => await CampaignsApi.LoadAsync(db, d.SourceId!.Value) is { } c ? await ReportDocument.ReportAsync(db, c, ct) : null,
            SourceKinds.CampaignConclusion => await CampaignsApi.LoadAsync(db, d.SourceId!.Value) is { ConclusionText: not null } c ? await ReportDocument.ConclusionAsync(db, c, ct) : null,
            SourceKinds.Inspection => await Inspections.InspectionDocument.LayoutAsync(db, d, ct),
            _ => null,
        };
        return doc is null ? null : doc with { Stamps = await StampsAsync(d.Id, doc.Head.Issuer, ct) };
    }

    public async Task<byte[]?> DocxAsync(PartyDocument d, CancellationToken ct = default) =>
        await LayoutAsync(d, ct) is { } doc ? OfficialLayout.Render(doc) : null;

    /// <summary>The document's own parts: header lines as entered (external) or from the tree on its date, type and summary, text, recipients, signer.</summary>
    async Task<OfficialDocument> OwnAsync(PartyDocument d, CancellationToken ct)
    {
        var tree = Letterheads.ForOffice(await Letterheads.ForUnitAsync(db, d.IssuerUnitId, d.IssuedOn ?? scope.Today, d.Symbol, d.IssuedOn, ct), d.Office);
        var head = new Letterhead(d.HeaderParent ?? (d.External ? null : tree.ParentOrg), d.HeaderIssuer ?? (d.External ? d.ExternalIssuer ?? "" : tree.Issuer),
            d.Symbol, d.Place ?? (d.External ? null : tree.Place), d.IssuedOn) { UpperCommittee = tree.UpperCommittee };
        var typeName = await db.DocumentTypes.Where(t => t.Code == d.TypeCode).Select(t => t.Name).FirstOrDefaultAsync(ct);
        var hasSigner = d.SignatureForm != SignatureForm.None || d.SignerPosition is not null || d.SignerName is not null;
        return new OfficialDocument(head, typeName, d.Summary, body => Paragraphs(body, d.Body))
        {
            Letter = d.TypeCode == "CV",
            Addressee = d.Addressee,
            Recipients = (d.Recipients ?? "").Split('\n').Select(r => r.Trim()).Where(r => r.Length > 0).ToList(),
            Signature = hasSigner ? new SignatureBlock(d.SignatureForm, d.SignerFor ?? head.Collective, d.SignerPosition, d.SignerName, HeadPosition: d.SignerFor,
                Note: d.Status == DocumentStatus.Draft ? "(Dự thảo)" : null) : null,
        };
    }

    /// <summary>The text a line a paragraph; "I. …" and "1. …" headings of the outline style stand out.</summary>
    static void Paragraphs(Body body, string? text)
    {
        foreach (var raw in (text ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var heading = Heading().IsMatch(line);
            body.Append(Docx.P(line, bold: heading, justify: true, indent: true, before: heading ? 120 : 0));
        }
    }

    [GeneratedRegex(@"^[IVX]+\.\s")]
    private static partial Regex Heading();

    async Task<List<DigitalStamp>> StampsAsync(int documentId, string issuer, CancellationToken ct) =>
        (await db.DocumentSignatures.Where(s => s.DocumentId == documentId).OrderBy(s => s.Id)
            .Join(db.SigningKeys, s => s.KeyId, k => k.Id, (s, k) => new { s.SignedAt, k.Email }).ToListAsync(ct))
        .Select(x => new DigitalStamp(new DateTimeOffset(DateTime.SpecifyKind(x.SignedAt, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(7)), issuer.ToUpperInvariant(), x.Email))
        .ToList();

    /// <summary>
    /// Signs an issued document: the stamp is rendered into the page, the page converted to PDF, and those exact bytes signed
    /// with the issuer's active key. The signed PDF is kept, so it can be downloaded and verified later.
    /// </summary>
    public async Task<Outcome<DocumentSignature>> SignAsync(int id, CancellationToken ct = default)
    {
        var d = await db.PartyDocuments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Outcome<DocumentSignature>.Fail("id", "Không có văn bản này.");
        if (d.Status != DocumentStatus.Issued) return Outcome<DocumentSignature>.Fail("status", "Chỉ ký số văn bản đã ban hành (đã có số).");
        if (d.External) return Outcome<DocumentSignature>.Fail("status", "Văn bản nhập từ ngoài hệ thống do cơ quan ban hành ký; hệ thống không ký thay.");
        var key = await signing.ActiveKeyAsync(d.IssuerUnitId, ct);
        if (key is null) return Outcome<DocumentSignature>.Fail("key", "Đơn vị chưa có khóa ký số còn hiệu lực; hãy tạo hoặc nhập khóa trước.");
        var layout = await LayoutAsync(d, ct);
        if (layout is null) return Outcome<DocumentSignature>.Fail("id", "Không dựng được văn bản (bản ghi gốc không còn).");
        var at = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        // Whole seconds: the stamp prints seconds and the CMS signing time carries the same instant.
        at = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
        var stamped = layout with { Stamps = [.. layout.Stamps, new DigitalStamp(at, layout.Head.Issuer.ToUpperInvariant(), key.Email)] };
        var bytes = await pdf.ConvertAsync(OfficialLayout.Render(stamped), ct);
        if (bytes is null) return Outcome<DocumentSignature>.Fail("pdf", "Máy chủ chưa chuyển được sang PDF (cần LibreOffice), chưa ký được.");
        var signature = new DocumentSignature
        {
            DocumentId = d.Id, KeyId = key.Id, SignedAt = at.UtcDateTime, SignedBy = scope.UserName,
            Sha256 = Convert.ToHexString(SHA256.HashData(bytes)), Pdf = bytes, Cms = signing.Sign(key, bytes, at),
        };
        db.DocumentSignatures.Add(signature);
        await db.SaveChangesAsync(ct);
        return Outcome<DocumentSignature>.Success(signature);
    }
}
