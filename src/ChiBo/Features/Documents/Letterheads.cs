using ChiBo.Data;
using ChiBo.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Documents;

/// <summary>
/// A letterhead from the tree as it was on the document's date: the party organization one level up (from its committee's
/// name), the issuer's name then, and the place of the nearest node that records one.
/// </summary>
public static class Letterheads
{
    public static async Task<Letterhead> ForUnitAsync(AppDbContext db, int unitId, DateOnly asOf, string? symbol, DateOnly? issuedOn, CancellationToken ct = default)
    {
        var chain = await db.AncestorsAsync(unitId, asOf, ct);
        if (chain.Count == 0) chain = await db.AsDtos(db.Units.Where(u => u.Id == unitId), asOf).ToListAsync(ct);
        var issuer = chain[^1];
        var parent = chain.Count > 1 ? OfficialLayout.PartyBodyOf(chain[^2].Name) : null;
        var ids = chain.Select(c => c.Id).ToList();
        var places = await db.Units.Where(u => ids.Contains(u.Id) && u.Place != null).Select(u => new { u.Id, u.Place }).ToListAsync(ct);
        var place = chain.AsEnumerable().Reverse().Select(c => places.FirstOrDefault(p => p.Id == c.Id)?.Place).FirstOrDefault(p => p is not null);
        return new Letterhead(parent, issuer.Name, symbol, place, issuedOn) { UpperCommittee = chain.Count > 1 ? chain[^2].Name : null };
    }

    /// <summary>The committee's office with a register of its own: its inspection commission (PartyDocument.Office).</summary>
    public const string InspectionCommission = "UBKT";

    public static bool IsOffice(string? office) => office is null or InspectionCommission;

    /// <summary>
    /// An office heads its documents with its committee's name, then its own ("ĐẢNG ỦY XÃ BÌNH LƯ / ỦY BAN KIỂM TRA"), the layout
    /// Quy định 66-QĐ/TW gives the bodies of a committee.
    /// </summary>
    public static Letterhead ForOffice(Letterhead committee, string? office) =>
        office == InspectionCommission ? committee with { ParentOrg = committee.Issuer, Issuer = "Ủy ban Kiểm tra" } : committee;

    /// <summary>The register entry a product record was issued under (a plan, a report, a conclusion, minutes), if it has been.</summary>
    public static Task<PartyDocument?> IssuedForAsync(AppDbContext db, string sourceKind, int sourceId, CancellationToken ct = default) =>
        db.PartyDocuments.AsNoTracking().Where(d => d.SourceKind == sourceKind && d.SourceId == sourceId && d.Status == DocumentStatus.Issued)
            .OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);

    public static async Task<Letterhead> ForSourceAsync(AppDbContext db, int unitId, DateOnly asOf, string sourceKind, int sourceId, CancellationToken ct = default)
    {
        var doc = await IssuedForAsync(db, sourceKind, sourceId, ct);
        return await ForUnitAsync(db, unitId, doc?.IssuedOn ?? asOf, doc?.Symbol, doc?.IssuedOn, ct);
    }
}
