using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Documents;
using ChiBo.Features.Shared;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChiBo.Features.Plans;

/// <summary>A cell's annual thematic plan as the document it sends to its committee: purpose, the topics by quarter, who prepares them.</summary>
public static class PlanDocument
{
    public static async Task<byte[]> DocxAsync(AppDbContext db, PlansApi.PlanDto p, CancellationToken ct = default) =>
        OfficialLayout.Render(await DocumentAsync(db, p, ct));

    public static async Task<OfficialDocument> DocumentAsync(AppDbContext db, PlansApi.PlanDto p, CancellationToken ct = default)
    {
        var head = await Letterheads.ForSourceAsync(db, p.CellId, p.FirstSubmittedAt is { } s ? VnTime.Day(s) : new DateOnly(p.Year, 1, 1), SourceKinds.ThematicPlan, p.Id, ct);
        return new OfficialDocument(head, "Kế hoạch", $"sinh hoạt chuyên đề năm {p.Year}", body =>
        {
            body.Append(Docx.P("I. MỤC ĐÍCH, YÊU CẦU", bold: true, before: 160));
            body.Append(Docx.P("Nâng cao chất lượng sinh hoạt chi bộ; mỗi quý sinh hoạt ít nhất một chuyên đề, nội dung sát với tình hình thực tế của chi bộ, " +
                "phân công chuẩn bị trước, đảng viên được nghiên cứu tài liệu và tham gia ý kiến.", justify: true));
            body.Append(Docx.P("II. NỘI DUNG, THỜI GIAN", bold: true, before: 160));
            var t = Docx.Grid();
            t.Append(Row(true, "Quý", "Tháng", "Chuyên đề", "Nội dung", "Người chuẩn bị"));
            foreach (var i in p.Items.OrderBy(i => i.Quarter).ThenBy(i => i.Month ?? 0))
                t.Append(Row(false, i.Quarter.ToString(), i.Month?.ToString() ?? "", i.TopicName, i.Title, i.PreparerName ?? ""));
            body.Append(t);
            body.Append(Docx.P("III. TỔ CHỨC THỰC HIỆN", bold: true, before: 160));
            body.Append(Docx.P("Chi ủy (bí thư chi bộ) phân công đảng viên chuẩn bị nội dung chuyên đề, gửi tài liệu trước buổi sinh hoạt; " +
                "kết quả sinh hoạt chuyên đề được ghi vào sổ họp chi bộ và báo cáo cấp ủy cấp trên.", justify: true));
        })
        {
            Recipients = [.. head.UpperCommittee is { } u ? new[] { $"{u} (phê duyệt)," } : [], "Đảng viên trong chi bộ,", "Lưu chi bộ."],
            Signature = new SignatureBlock(SignatureForm.OnBehalf, head.Collective, "Bí thư", null,
                Note: p.Status == PlanStatus.Approved ? $"(Đã được phê duyệt{(p.ReviewedBy is { } by ? ": " + by : "")})" : $"({p.StatusText})"),
        };
    }

    static TableRow Row(bool header, params string[] cells) => new(cells.Select(c => new TableCell(Docx.P(c, bold: header, size: 22))));
}
