using ChiBo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Documents;

public record LineageEntry(int Id, string? Symbol, string TypeCode, DateOnly? IssuedOn, string Summary, string? Issuer, bool External, int Depth, LinkKind Kind, int Via);

/// <summary>
/// The chain of documents both ways: up, what a document implements and what those implement in turn (1066-KL/HU → 59-KH/TU →
/// 18-KL/TW → 10-CT/TW); down, everything issued to implement it, at any depth. Walked level by level with one query per level.
/// </summary>
public static class Lineage
{
    /// <summary>
    /// The chain as the caller may see it when <paramref name="visible"/> is given: a document it may not read is left
    /// out and not walked through, so neither it nor what lies only behind it shows (another unit's draft, a sibling's plan).
    /// Without it, the whole chain (the loop check needs every edge).
    /// </summary>
    public static Task<List<LineageEntry>> UpAsync(AppDbContext db, int id, CancellationToken ct = default, Func<int, Task<bool>>? visible = null) =>
        WalkAsync(db, id, up: true, visible, ct);
    public static Task<List<LineageEntry>> DownAsync(AppDbContext db, int id, CancellationToken ct = default, Func<int, Task<bool>>? visible = null) =>
        WalkAsync(db, id, up: false, visible, ct);

    static async Task<List<LineageEntry>> WalkAsync(AppDbContext db, int id, bool up, Func<int, Task<bool>>? visible, CancellationToken ct)
    {
        var result = new List<LineageEntry>();
        var seen = new HashSet<int> { id };
        var frontier = new List<int> { id };
        for (var depth = 1; frontier.Count > 0 && depth <= 20; depth++)
        {
            var edges = await db.DocumentLinks.Where(l => up ? frontier.Contains(l.DocumentId) : frontier.Contains(l.TargetId))
                .Select(l => new { Next = up ? l.TargetId : l.DocumentId, Via = up ? l.DocumentId : l.TargetId, l.Kind }).ToListAsync(ct);
            var next = new List<(int Next, int Via, LinkKind Kind)>();
            foreach (var e in edges)
                if (seen.Add(e.Next) && (visible is null || await visible(e.Next))) next.Add((e.Next, e.Via, e.Kind));
            var ids = next.Select(e => e.Next).ToList();
            var docs = await db.PartyDocuments.Where(d => ids.Contains(d.Id))
                .Select(d => new { d.Id, d.Symbol, d.TypeCode, d.IssuedOn, d.Summary, d.External, d.ExternalIssuer, d.IssuerUnitId }).ToListAsync(ct);
            var unitIds = docs.Select(d => d.IssuerUnitId).Distinct().ToList();
            var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            foreach (var e in next)
            {
                var d = docs.First(x => x.Id == e.Next);
                result.Add(new LineageEntry(d.Id, d.Symbol, d.TypeCode, d.IssuedOn, d.Summary, d.External ? d.ExternalIssuer : units.GetValueOrDefault(d.IssuerUnitId),
                    d.External, depth, e.Kind, e.Via));
            }
            frontier = ids;
        }
        return result;
    }
}
