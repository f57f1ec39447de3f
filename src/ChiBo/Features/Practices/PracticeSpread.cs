using ChiBo.Data;
using ChiBo.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Practices;

/// <summary>One child of the node (or a cell): cells the practice reached there and how many adopted it; the date when it is one cell and one practice.</summary>
public record SpreadRow(int UnitId, string Name, bool IsCell, int Cells, int Adopted, decimal? Rate, DateOnly? AdoptedOn);

public record SpreadPractice(int Id, string Title, int CommitteeId, string CommitteeName, int Cells, int Adopted, decimal? Rate);

/// <summary>
/// Which practices spread where, seen from a node: per published practice the cells it was published to under the node and how many
/// adopted it; per child unit the same, worst first. With several practices a row counts (cell, practice) pairs.
/// The source cell of a practice is its origin, not an adopter: it is left out of that practice's counts.
/// </summary>
public record PracticeSpread(int NodeId, string NodeName, bool IsCell, int? PracticeId, int Cells, int Adopted, decimal? Rate,
    List<SpreadPractice> Practices, List<SpreadRow> Rows);

public static class PracticeSpreads
{
    static decimal? Rate(int adopted, int cells) => cells > 0 ? Math.Round(100m * adopted / cells, 1) : null;

    /// <summary>Null when the node does not exist or the practice asked for is not published to (or under) the node.</summary>
    public static async Task<PracticeSpread?> ForNodeAsync(AppDbContext db, int nodeId, int? practiceId, DateOnly today, CancellationToken ct = default)
    {
        var node = await db.AsDtos(db.Units.Where(u => u.Id == nodeId), today).FirstOrDefaultAsync(ct);
        if (node is null) return null;
        // Published practices whose audience meets the node: recorded by a committee above (or at) it, or inside its subtree.
        var related = db.UnitClosures.ValidOn(today).Where(c => c.DescendantId == nodeId || c.AncestorId == nodeId)
            .Select(c => c.DescendantId == nodeId ? c.AncestorId : c.DescendantId);
        var aboveIds = await db.UnitClosures.ValidOn(today).Where(c => c.DescendantId == nodeId).Select(c => c.AncestorId).ToListAsync(ct);
        var practices = await (from p in db.GoodPractices
                               where p.Status == PracticeStatus.Published && related.Contains(p.CommitteeId) && (practiceId == null || p.Id == practiceId)
                               join c in db.Units on p.CommitteeId equals c.Id
                               orderby p.PublishedAt
                               select new { p.Id, p.Title, p.CommitteeId, Committee = c.Name, p.SourceCellId }).ToListAsync(ct);
        if (practiceId is not null && practices.Count == 0) return null;

        List<UnitDto> children = node.IsCell ? [node] : await db.ChildrenAsync(nodeId, today, ct);
        var childIds = children.Select(c => c.Id).ToList();
        var cells = new Dictionary<int, int>();
        var adopted = new Dictionary<int, int>();
        var summary = new List<SpreadPractice>();
        foreach (var p in practices)
        {
            // The audience under the node: the node's subtree, or the committee's when the committee sits below the node.
            var root = aboveIds.Contains(p.CommitteeId) ? nodeId : p.CommitteeId;
            var reached = from c in db.UnitClosures.ValidOn(today)
                          where childIds.Contains(c.AncestorId)
                          join s in db.UnitClosures.ValidOn(today) on c.DescendantId equals s.DescendantId
                          where s.AncestorId == root
                          join u in db.Units on c.DescendantId equals u.Id
                          where u.UnitType!.IsCell && u.Id != p.SourceCellId
                          select c;
            var perChild = await reached.GroupBy(c => c.AncestorId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            var adoptedPerChild = await (from c in reached
                                         join a in db.PracticeAdoptions on c.DescendantId equals a.CellId
                                         where a.PracticeId == p.Id
                                         group c by c.AncestorId into g
                                         select new { g.Key, N = g.Count() }).ToListAsync(ct);
            foreach (var r in perChild) cells[r.Key] = cells.GetValueOrDefault(r.Key) + r.N;
            foreach (var r in adoptedPerChild) adopted[r.Key] = adopted.GetValueOrDefault(r.Key) + r.N;
            int n = perChild.Sum(r => r.N), k = adoptedPerChild.Sum(r => r.N);
            summary.Add(new SpreadPractice(p.Id, p.Title, p.CommitteeId, p.Committee, n, k, Rate(k, n)));
        }

        Dictionary<int, DateOnly> dates = [];
        if (practices.Count == 1)
        {
            var cellChildren = children.Where(c => c.IsCell).Select(c => c.Id).ToList();
            var only = practices[0].Id;
            dates = await db.PracticeAdoptions.Where(a => a.PracticeId == only && cellChildren.Contains(a.CellId)).ToDictionaryAsync(a => a.CellId, a => a.AdoptedOn, ct);
        }
        var vi = StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false);
        var rows = children.Where(c => cells.GetValueOrDefault(c.Id) > 0)
            .Select(c => new SpreadRow(c.Id, c.Name, c.IsCell, cells[c.Id], adopted.GetValueOrDefault(c.Id), Rate(adopted.GetValueOrDefault(c.Id), cells[c.Id]),
                dates.TryGetValue(c.Id, out var d) ? d : null))
            .OrderBy(r => r.Rate).ThenByDescending(r => r.Cells).ThenBy(r => r.Name, vi).ToList();
        int total = rows.Sum(r => r.Cells), done = rows.Sum(r => r.Adopted);
        return new PracticeSpread(nodeId, node.Name, node.IsCell, practiceId, total, done, Rate(done, total), summary, rows);
    }
}
