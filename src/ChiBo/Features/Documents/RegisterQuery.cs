using ChiBo.Data;
using ChiBo.Features.Meetings;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Documents;

/// <summary>Searching and exporting an issuer's register.</summary>
public static class RegisterQuery
{
    /// <summary>
    /// An issuer's register as the caller may read it: every issued document, and the drafts (withdrawn ones too) only
    /// for the staff who may issue for the issuer (<paramref name="allDrafts"/>) or to their own drafter.
    /// </summary>
    public static async Task<List<PartyDocument>> SearchAsync(AppDbContext db, int issuerUnitId, string? typeCode, string? q, int? year,
        bool allDrafts, string? drafter, int take = 500)
    {
        var query = db.PartyDocuments.AsNoTracking().Where(d => d.IssuerUnitId == issuerUnitId && (typeCode == null || d.TypeCode == typeCode)
            && (d.Status == DocumentStatus.Issued || allDrafts || (drafter != null && d.CreatedBy == drafter)));
        if (year is { } y) query = query.Where(d => d.IssuedOn >= new DateOnly(y, 1, 1) && d.IssuedOn < new DateOnly(y + 1, 1, 1));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            var lower = term.ToLowerInvariant();
            // "824-CV" and "824 - CV" both find Số 824-CV/HU; the summary matches as typed or lower-cased.
            var symbol = term.Replace(" ", "");
            query = query.Where(d => d.Summary.Contains(term) || d.Summary.ToLower().Contains(lower) || (d.Symbol != null && d.Symbol.Contains(symbol)));
        }
        return await query.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Number).ThenByDescending(d => d.Id).Take(take).ToListAsync();
    }

    /// <summary>The register as a table, the columns a clerk's paper register has (exported as CSV).</summary>
    public static List<object?[]> Rows(IEnumerable<PartyDocument> docs) =>
    [
        ["Số, ký hiệu", "Ngày ban hành", "Loại", "Trích yếu", "Nơi ban hành", "Kính gửi", "Nơi nhận", "Người ký", "Trạng thái"],
        .. docs.Select(d => new object?[]
        {
            d.Symbol ?? "", d.IssuedOn.Vn(), d.TypeCode, d.Summary, d.External ? d.ExternalIssuer ?? "" : "", d.Addressee ?? "",
            (d.Recipients ?? "").Replace("\n", "; "), d.SignerName ?? "",
            d.RegisterStatus(),
        }),
    ];
}

/// <summary>The product records that can be entered in a register: whose register, and the summary they go in under.</summary>
public static class SourceRecords
{
    public record Source(int UnitId, string Summary);

    public static async Task<Source?> FindAsync(AppDbContext db, string kind, int id)
    {
        switch (kind)
        {
            case SourceKinds.Minutes:
                var m = await db.Meetings.Where(x => x.Id == id && x.Status == MeetingStatus.Adopted).Select(x => new { x.CellId, x.Date, x.Kind }).FirstOrDefaultAsync();
                return m is null ? null : new Source(m.CellId, $"Biên bản sinh hoạt chi bộ {(m.Kind == MeetingKind.Thematic ? "chuyên đề" : m.Kind == MeetingKind.Committee ? "(họp chi ủy)" : "thường kỳ")} tháng {m.Date:MM/yyyy}");
            case SourceKinds.ThematicPlan:
                var p = await db.ThematicPlans.Where(x => x.Id == id).Select(x => new { x.CellId, x.Year }).FirstOrDefaultAsync();
                return p is null ? null : new Source(p.CellId, $"Kế hoạch sinh hoạt chuyên đề năm {p.Year}");
            case SourceKinds.GroupReport:
                var g = await db.GroupReports.Where(x => x.Id == id).Join(db.MonitoringGroups, r => r.GroupId, x => x.Id, (r, x) => new { x.OwnerUnitId, x.Name, r.Year, r.Period }).FirstOrDefaultAsync();
                return g is null ? null : new Source(g.OwnerUnitId, $"Báo cáo kết quả dự, theo dõi, hướng dẫn sinh hoạt chi bộ {Monitoring.GroupReportService.Label(g.Period, g.Year)} ({g.Name})");
            case SourceKinds.CampaignReport:
            case SourceKinds.CampaignConclusion:
                var c = await db.CampaignReports.Where(x => x.Id == id).Join(db.Campaigns, r => r.CampaignId, x => x.Id, (r, x) => new { r.UnitId, x.Title, r.ConclusionText }).FirstOrDefaultAsync();
                if (c is null || kind == SourceKinds.CampaignConclusion && c.ConclusionText is null) return null;
                return new Source(c.UnitId, (kind == SourceKinds.CampaignReport ? "Báo cáo " : "Kết luận ") + char.ToLower(c.Title[0]) + c.Title[1..]);
            default:
                return null;
        }
    }
}
