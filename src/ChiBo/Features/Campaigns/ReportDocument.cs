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
    public static async Task<byte[]> DocxAsync(AppDbContext db, CampaignsApi.ReportDto r, CancellationToken ct = default)
    {
        var parentId = await db.ParentIdAsync(r.UnitId, r.Deadline, ct);
        var parent = parentId is { } p ? await db.AsDtos(db.Units.Where(u => u.Id == p), r.Deadline).Select(u => u.Name).FirstAsync(ct) : null;
        var report = await db.CampaignReports.AsNoTracking().FirstAsync(x => x.Id == r.Id, ct);
        return Docx.Build(body =>
        {
            Docx.Header(body, parent, r.UnitName);
            body.Append(Docx.P("BÁO CÁO", bold: true, size: 30, center: true, before: 240));
            body.Append(Docx.P(r.CampaignTitle, bold: true, center: true));
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
            var figures = r.Sections.Where(s => !string.IsNullOrWhiteSpace(s.Figures)).ToList();
            if (figures.Count > 0)
            {
                body.Append(Docx.PageBreak());
                body.Append(Docx.P("PHỤ LỤC SỐ LIỆU", bold: true, center: true));
                body.Append(Docx.P("(tính từ dữ liệu sinh hoạt chi bộ trong hệ thống)", italic: true, center: true));
                var t = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                    new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                        new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
                t.Append(new TableRow(new TableCell(Docx.P("Mục", bold: true, size: 22)), new TableCell(Docx.P("Số liệu", bold: true, size: 22))));
                foreach (var s in figures)
                    t.Append(new TableRow(new TableCell(Docx.P($"{s.Number}. {s.Title}", size: 22)), new TableCell(Docx.P(s.Figures!, size: 22))));
                body.Append(t);
            }
            body.Append(Docx.P($"T/M {r.UnitName.ToUpperInvariant()}", bold: true, center: true, before: 360));
            body.Append(Docx.P(r.Status == ReportStatus.Draft ? "(Dự thảo)" : $"({r.StatusText})", italic: true, center: true));
        });
    }

    /// <summary>The concluding document (like seed 003): issuer header, "KẾT LUẬN", the subject, the body, the T/M block.</summary>
    public static async Task<byte[]> ConclusionDocxAsync(AppDbContext db, CampaignsApi.ReportDto r, CancellationToken ct = default)
    {
        var parentId = await db.ParentIdAsync(r.UnitId, r.Deadline, ct);
        var parent = parentId is { } p ? await db.AsDtos(db.Units.Where(u => u.Id == p), r.Deadline).Select(u => u.Name).FirstAsync(ct) : null;
        return Docx.Build(body =>
        {
            Docx.Header(body, parent, r.UnitName);
            body.Append(Docx.P("KẾT LUẬN", bold: true, size: 30, center: true, before: 240));
            body.Append(Docx.P("về " + r.CampaignTitle.ToLowerInvariant()[0] + r.CampaignTitle[1..], bold: true, center: true));
            foreach (var line in (r.ConclusionText ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)) body.Append(Docx.P(line, justify: true));
            body.Append(Docx.P($"T/M {r.UnitName.ToUpperInvariant()}", bold: true, center: true, before: 360));
        });
    }

    /// <summary>"II.3.b" prints as "b)", "II.3" as "3.", "II" as "II.": the outline's own way of numbering.</summary>
    static string Label(string number)
    {
        var last = number.Split('.').Last();
        return number.Count(ch => ch == '.') switch { 0 => last + ".", 1 => last + ".", _ => last + ")" };
    }
}
