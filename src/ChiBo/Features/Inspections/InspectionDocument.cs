using ChiBo.Data;
using ChiBo.Features.Documents;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Inspections;

/// <summary>
/// The conclusion notice (Thông báo kết luận kiểm tra, giám sát) in the official layout: what was checked (the kept figures),
/// the findings, what the cell must remedy, Nơi nhận with the cell. Printed from the inspection record as it was concluded.
/// </summary>
public static class InspectionDocument
{

    public static string Summary(Inspection i, string cellName) =>
        $"Kết luận {(i.Kind == InspectionKind.Inspection ? "kiểm tra" : "giám sát")} {Lower(i.Subject)} đối với {cellName}";

    static string Lower(string s) => s.Length == 0 ? s : char.ToLower(s[0]) + s[1..];

    public static async Task<OfficialDocument?> LayoutAsync(AppDbContext db, PartyDocument d, CancellationToken ct = default)
    {
        var i = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == d.SourceId, ct);
        if (i is null) return null;
        var plan = await db.InspectionPlans.AsNoTracking().FirstAsync(p => p.Id == i.PlanId, ct);
        var on = d.IssuedOn ?? i.ConcludedOn ?? i.PeriodTo;
        var head = await Letterheads.ForUnitAsync(db, d.IssuerUnitId, on, d.Symbol, d.IssuedOn, ct);
        var commission = plan.Body == InspectingBody.InspectionCommission;
        var who = commission ? "Ủy ban Kiểm tra " + head.Issuer : head.Issuer;
        head = Letterheads.ForOffice(head, d.Office);
        var cell = await db.AsDtos(db.Units.Where(u => u.Id == i.CellId), on).Select(u => u.Name).FirstAsync(ct);
        var f = CheckedFigures.FromJson(i.Figures);
        var verb = i.Kind == InspectionKind.Inspection ? "kiểm tra" : "giám sát";
        return new OfficialDocument(head, "Thông báo", d.Summary, body =>
        {
            void P(string text, bool bold = false) => body.Append(Docx.P(text, bold: bold, justify: true, indent: !bold, before: bold ? 120 : 0));
            P($"Thực hiện {Lower(plan.Title)}, {who} đã {verb} {cell} về {Lower(i.Subject)}, thời kỳ từ ngày {i.PeriodFrom.Vn()} đến ngày {i.PeriodTo.Vn()}. " +
              $"Trên cơ sở báo cáo của chi bộ và sổ họp chi bộ, {who} kết luận như sau:");
            P("I. NỘI DUNG ĐÃ " + verb.ToUpperInvariant(), bold: true);
            if (f is not null)
            {
                P($"- Sinh hoạt thường kỳ: {f.PeriodicHeld}/{f.PeriodicExpected} kỳ; sinh hoạt chuyên đề: {f.ThematicHeld}/{f.ThematicExpected} buổi theo quy định.");
                P($"- Đảng viên dự sinh hoạt: {f.Present}/{f.Expected} lượt ({(f.AttendanceRate is { } r ? r.ToString("0.#", Vi) + "%" : "chưa có số liệu")}); " +
                  $"vắng có lý do {f.AbsentExcused} lượt, vắng không có lý do {f.AbsentUnexcused} lượt.");
                P($"- Biên bản: {f.MinutesAdopted}/{f.MeetingsHeld} buổi được thông qua tại hội nghị, {f.MinutesSigned} buổi có đủ chữ ký của chủ trì và thư ký.");
                P($"- Xếp loại chất lượng sinh hoạt: Tốt {f.RatedGood}, Khá {f.RatedFair}, Trung bình {f.RatedAverage}, Kém {f.RatedPoor}, chưa xếp loại {f.Unrated}.");
            }
            P("II. KẾT LUẬN", bold: true);
            P("1. Ưu điểm", bold: true);
            foreach (var line in Lines(i.Strengths)) P(line);
            P("2. Hạn chế, khuyết điểm", bold: true);
            foreach (var line in Lines(i.Shortcomings)) P(line);
            P("III. YÊU CẦU KHẮC PHỤC", bold: true);
            foreach (var line in Lines(i.Requests)) P(line);
            P($"Chi bộ xây dựng kế hoạch khắc phục, phân công người chịu trách nhiệm và thời hạn hoàn thành, báo cáo kết quả về {who}.");
        })
        {
            Recipients = [$"{cell} (để thực hiện),", .. commission ? new[] { "Thường trực Đảng ủy," } : ["Các đồng chí Đảng ủy viên,"], commission ? "Lưu UBKT." : "Lưu VP."],
            Signature = new SignatureBlock(SignatureForm.OnBehalf, commission ? "Ủy ban Kiểm tra" : head.Collective, d.SignerPosition, d.SignerName,
                Note: d.Status == DocumentStatus.Draft ? "(Dự thảo)" : null),
        };
    }

    static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).DefaultIfEmpty("(không có)");

    static readonly System.Globalization.CultureInfo Vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
}
