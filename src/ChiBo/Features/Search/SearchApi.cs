using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Search;

public record MemberHit(int Id, string FullName, int CellId, string CellName);
public record UnitHit(int Id, string Name, string TypeName);
public record SearchResult(string Query, List<UnitHit> Units, List<MemberHit> Members);

public static class SearchApi
{
    /// <summary>
    /// Accent-insensitive search ("nguyen van" finds "Nguyễn Văn") inside the account's subtree as of
    /// today; members sorted by the Vietnamese collation (given name first).
    /// </summary>
    public static async Task<SearchResult> RunAsync(AppDbContext db, UserScope scope, string? q, int take = 50, CancellationToken ct = default)
    {
        var key = VietnameseText.Fold(q ?? "");
        if (key.Length < 2) return new SearchResult(q ?? "", [], []);
        var today = scope.Today;
        var subtree = db.SubtreeIds(scope.RootUnitId, today);
        var units = await db.Units.Where(u => subtree.Contains(u.Id) && u.NameKey.Contains(key))
            .OrderBy(u => u.NameKey).Take(take)
            .Select(u => new UnitHit(u.Id, u.Name, u.UnitType!.Name)).ToListAsync(ct);
        var members = await (from ms in db.Memberships
                             where subtree.Contains(ms.UnitId) && ms.From <= today && (ms.To == null || ms.To > today)
                             join m in db.Members on ms.MemberId equals m.Id
                             where m.NameKey.Contains(key)
                             join u in db.Units on ms.UnitId equals u.Id
                             orderby m.SortKey
                             select new MemberHit(m.Id, m.FullName, u.Id, u.Name)).Take(take).ToListAsync(ct);
        if (scope.IsMonitoringOnly)
        {
            // A monitoring-only account sees what its groups cover, not its node's whole subtree.
            var seen = new Dictionary<int, bool>();
            async Task<bool> Sees(int unitId) => seen.TryGetValue(unitId, out var v) ? v : seen[unitId] = await scope.CanSeeUnitAsync(unitId, null, ct);
            var (u, m) = (new List<UnitHit>(), new List<MemberHit>());
            foreach (var x in units) if (await Sees(x.Id)) u.Add(x);
            foreach (var x in members) if (await Sees(x.CellId)) m.Add(x);
            (units, members) = (u, m);
        }
        return new SearchResult(q ?? "", units, members);
    }

    public static RouteGroupBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/search").WithTags("Tìm kiếm").RequireAuthorization();
        g.MapGet("/", async (string? q, UserScope scope, AppDbContext db) => TypedResults.Ok(await RunAsync(db, scope, q)))
            .OwnRecordsOnly("searches only inside what the account may see (its subtree, or what its monitoring groups cover)")
            .WithSummary("Tìm đơn vị và đảng viên theo tên, không phân biệt dấu");
        return g;
    }
}
