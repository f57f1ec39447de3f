using ChiBo.Features.Organization;
using ChiBo.Features.Shared;

namespace ChiBo.Features.Statistics;

/// <summary>
/// A node's dashboard is read over a period: the unit rule on the period's last day (or today), so the committee that
/// held a cell then still reads that cell's past months after a move, as <see cref="UnitAccess.OnAsync"/> allows.
/// The period comes from the query (<c>to</c>: ISO on the API, dd/MM/yyyy on the page); an unreadable one counts as today.
/// </summary>
public class DashboardAccess(UnitAccess units, IHttpContextAccessor http, Accounts.UserScope scope) : IAccessRule<UnitNeed>
{
    public Task<Access> ForAsync(int id, UnitNeed need, CancellationToken ct = default)
    {
        var raw = http.HttpContext?.Request.Query["to"].ToString();
        var end = Dates.TryParseVn(raw, out var to) ? to : scope.Today;
        return units.OnAsync(id, end, need, ct);
    }
}
