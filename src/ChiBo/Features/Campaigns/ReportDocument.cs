using ChiBo.Data;
using ChiBo.Features.Documents;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Campaigns;

/// <summary>A campaign report as a document: the issuer header, the outline's sections with their figures and text, the conference, and an annex of the figures.</summary>
public static class ReportDocument
{
    public static async Task<byte[]> DocxAsync(AppDbContext db, CampaignsApi.ReportDto r, CancellationToken ct = default) =>
        OfficialLayout.Render(await ReportAsync(db, r, ct));

    public static async Task<OfficialDocument> ReportAsync(AppDbContext db, CampaignsApi.ReportDto r, CancellationToken ct = default)
    {
        var head = await Letterheads.ForSourceAsync(db, r.UnitId, r.Deadline, SourceKinds.CampaignReport, r.Id, ct);
        var report = await db.CampaignReports.AsNoTracking().FirstAsync(x => x.Id == r.Id, ct);
        var figures = r.Sections.Where(s => !string.IsNullOrWhiteSpace(s.Figures)).ToList();
        return new OfficialDocument(head, "Báo cáo", r.CampaignTitle, body =>
        {
            foreach (var s in r.Sections)
            {
                var depth = s.Number.Count(ch => ch == '.');
                body.Append(Docx.P($"{Label(s.Number)} {s.Title}", bold: depth < 2, italic: depth >= 2, before: depth == 0 ? 200 : 100, justify: true));
                if (!string.IsNullOrWhiteSpace(s.Figures))
                    foreach (var line in s.Figures.Split('\n')) body.Append(Docx.P("Số liệu: " + line, italic: true, size: 24, justify: true));
                foreach (var line in (s.Text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)) body.Append(Docx.P(line, justify: true));
            }
            if (report.ConferenceConclusion is not null)
            {
                body.Append(Docx.P($"HỘI NGHỊ TỔNG KẾT ngày {report.ConferenceDate.Vn()}", bold: true, before: 200));
                if (report.ConferenceAttendees is not null) body.Append(Docx.Labelled("Thành phần: ", report.ConferenceAttendees));
                if (report.ConferenceDiscussion is not null) body.Append(Docx.Labelled("Thảo luận: ", report.ConferenceDiscussion));
                body.Append(Docx.Labelled("Kết luận: ", report.ConferenceConclusion));
            }
        })
        {
            Addressee = head.UpperCommittee is { } up ? "Ban Thường vụ " + up : null,
            Recipients = [.. head.UpperCommittee is { } u ? new[] { $"Ban Thường vụ {u} (báo cáo)," } : [], "Lưu."],
            Signature = new SignatureBlock(SignatureForm.OnBehalf, head.Collective, "Bí thư", null, Note: r.Status == ReportStatus.Draft ? "(Dự thảo)" : $"({r.StatusText})"),
            Annex = figures.Count == 0 ? null : body =>
            {
                body.Append(Docx.P("PHỤ LỤC SỐ LIỆU", bold: true, center: true));
                body.Append(Docx.P("(tính từ dữ liệu sinh hoạt chi bộ trong hệ thống)", italic: true, center: true));
                var t = Docx.Grid();
                t.Append(new TableRow(new TableCell(Docx.P("Mục", bold: true, size: 22)), new TableCell(Docx.P("Số liệu", bold: true, size: 22))));
                foreach (var s in figures)
                    t.Append(new TableRow(new TableCell(Docx.P($"{s.Number}. {s.Title}", size: 22)), new TableCell(Docx.P(s.Figures!, size: 22))));
                body.Append(t);
            },
        };
    }

    /// <summary>The concluding document (like seed 003): issuer header, "KẾT LUẬN", the subject, the body, the T/M block.</summary>
    public static async Task<byte[]> ConclusionDocxAsync(AppDbContext db, CampaignsApi.ReportDto r, CancellationToken ct = default) =>
        OfficialLayout.Render(await ConclusionAsync(db, r, ct));

    public static async Task<OfficialDocument> ConclusionAsync(AppDbContext db, CampaignsApi.ReportDto r, CancellationToken ct = default)
    {
        var head = await Letterheads.ForSourceAsync(db, r.UnitId, r.Deadline, SourceKinds.CampaignConclusion, r.Id, ct);
        return new OfficialDocument(head, "Kết luận", "về " + char.ToLower(r.CampaignTitle[0]) + r.CampaignTitle[1..], body =>
        {
            foreach (var line in (r.ConclusionText ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)) body.Append(Docx.P(line, justify: true));
        })
        {
            Recipients = [.. head.UpperCommittee is { } u ? new[] { $"Thường trực {u}," } : [], "Các tổ chức cơ sở đảng,", "Lưu."],
            Signature = new SignatureBlock(SignatureForm.OnBehalf, head.Collective, "Bí thư", null),
        };
    }

    /// <summary>"II.3.b" prints as "b)", "II.3" as "3.", "II" as "II.": the outline's own way of numbering.</summary>
    static string Label(string number)
    {
        var last = number.Split('.').Last();
        return number.Count(ch => ch == '.') switch { 0 => last + ".", 1 => last + ".", _ => last + ")" };
    }
}
