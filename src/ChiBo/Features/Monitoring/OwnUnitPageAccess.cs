using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;

namespace ChiBo.Features.Monitoring;

/// <summary>
/// A page handler that works on the account's own unit (a committee forming its own monitoring group): the unit rule
/// with every need given, on the unit the account is attached to, since no address names it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ForOwnUnitAttribute(params UnitNeed[] needs) : Attribute, IPageAccess
{
    public async Task<Access> CheckAsync(HttpContext http)
    {
        var scope = http.RequestServices.GetRequiredService<UserScope>();
        var units = http.RequestServices.GetRequiredService<UnitAccess>();
        foreach (var need in needs)
            if (await units.ForAsync(scope.RootUnitId, need, http.RequestAborted) is { Allowed: false } refused) return refused;
        return Access.Allow;
    }
}
