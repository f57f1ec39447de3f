using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;

namespace ChiBo.Features.Shared;

/// <summary>
/// Access for an operation addressed to the account's own node rather than to an id (a rule set for the node's subtree,
/// a topic owned by the node, an import under it): the unit rule with the given need, on the node the account is attached to.
/// </summary>
public static class OwnNodeAccess
{
    public static Task<Access> CheckAsync(HttpContext http, UnitNeed need)
    {
        var scope = http.RequestServices.GetRequiredService<UserScope>();
        return http.RequestServices.GetRequiredService<UnitAccess>().ForAsync(scope.RootUnitId, need, http.RequestAborted);
    }

    /// <summary>The endpoint runs only when <see cref="UnitAccess"/> allows <paramref name="need"/> on the caller's own node.</summary>
    public static RouteHandlerBuilder RequireOwnNode(this RouteHandlerBuilder b, UnitNeed need) =>
        b.WithMetadata(new AccessMetadata($"{nameof(UnitAccess)}.{need} on the account's own node"))
            .AddEndpointFilter(async (ctx, next) =>
            {
                var access = await CheckAsync(ctx.HttpContext, need);
                return access.Allowed ? await next(ctx) : access.ToProblem();
            });
}

/// <summary>The page form of <see cref="OwnNodeAccess"/>: on a page class or a handler method.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class OwnNodeAttribute(UnitNeed need) : Attribute, IPageAccess
{
    public Task<Access> CheckAsync(HttpContext http) => OwnNodeAccess.CheckAsync(http, need);
}
