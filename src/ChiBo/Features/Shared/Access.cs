using Microsoft.AspNetCore.Http.HttpResults;

namespace ChiBo.Features.Shared;

public enum AccessKind { Allowed, NotFound, Forbidden }

/// <summary>
/// The answer of a resource's access rule. A record the caller may not see is <see cref="AccessKind.NotFound"/>,
/// exactly as if it did not exist, so sequential ids reveal nothing; a record the caller sees but may not change
/// in this way is <see cref="AccessKind.Forbidden"/>, with the reason in Vietnamese.
/// </summary>
public readonly record struct Access(AccessKind Kind, string? Reason = null)
{
    public static readonly Access Allow = new(AccessKind.Allowed);
    public static readonly Access Hidden = new(AccessKind.NotFound);
    public static Access Forbid(string reason) => new(AccessKind.Forbidden, reason);

    public bool Allowed => Kind == AccessKind.Allowed;

    /// <summary>Allowed when <paramref name="ok"/>; otherwise forbidden for that reason.</summary>
    public static Access When(bool ok, string reason) => ok ? Allow : Forbid(reason);

    public ProblemHttpResult ToProblem() => Kind switch
    {
        AccessKind.NotFound => Problems.NotFound(),
        _ => Problems.Forbidden(Reason ?? "Tài khoản không có quyền thực hiện thao tác này."),
    };
}

/// <summary>
/// The one access rule of a resource (a meeting, a document, a campaign report…), in the feature that owns it.
/// Endpoints apply it with <see cref="AccessEndpoints.Require{TRule,TNeed}(RouteHandlerBuilder,TNeed,string)"/> and
/// pages with <see cref="RequireAttribute"/>, so a handler runs only once the rule said yes.
/// </summary>
public interface IAccessRule<in TNeed>
{
    Task<Access> ForAsync(int id, TNeed need, CancellationToken ct = default);
}

/// <summary>A rule that can also answer for the tree as it was on a date (a unit's page "as of 10/01/2023").</summary>
public interface IDatedAccessRule<in TNeed> : IAccessRule<TNeed>
{
    Task<Access> OnAsync(int id, DateOnly date, TNeed need, CancellationToken ct = default);
}

/// <summary>What an endpoint declared about access: a rule, or why any signed-in account may call it.</summary>
public sealed record AccessMetadata(string Description);

public static class AccessEndpoints
{
    /// <summary>The rule <typeparamref name="TRule"/> with <paramref name="need"/> on the id in route value <paramref name="routeValue"/>.</summary>
    public static RouteHandlerBuilder Require<TRule, TNeed>(this RouteHandlerBuilder b, TNeed need, string routeValue = "id")
        where TRule : IAccessRule<TNeed> =>
        b.WithMetadata(new AccessMetadata($"{typeof(TRule).Name}.{need} on {{{routeValue}}}"))
            .AddEndpointFilter(async (ctx, next) =>
            {
                var raw = ctx.HttpContext.Request.RouteValues[routeValue]?.ToString();
                if (!int.TryParse(raw, out var id)) return Problems.NotFound();
                var access = await ctx.HttpContext.RequestServices.GetRequiredService<TRule>().ForAsync(id, need, ctx.HttpContext.RequestAborted);
                return access.Allowed ? await next(ctx) : access.ToProblem();
            });

    /// <summary>
    /// As <see cref="Require{TRule,TNeed}(RouteHandlerBuilder,TNeed,string)"/>, on the date given in query value
    /// <paramref name="dateQuery"/> when there is one (ISO, checked by <see cref="InputChecks"/>), else today.
    /// </summary>
    public static RouteHandlerBuilder RequireOn<TRule, TNeed>(this RouteHandlerBuilder b, TNeed need, string dateQuery, string routeValue = "id")
        where TRule : IDatedAccessRule<TNeed> =>
        b.WithMetadata(new AccessMetadata($"{typeof(TRule).Name}.{need} on {{{routeValue}}} as of ?{dateQuery}"))
            .AddEndpointFilter(async (ctx, next) =>
            {
                var http = ctx.HttpContext;
                if (!int.TryParse(http.Request.RouteValues[routeValue]?.ToString(), out var id)) return Problems.NotFound();
                var rule = http.RequestServices.GetRequiredService<TRule>();
                var access = DateOnly.TryParseExact(http.Request.Query[dateQuery].ToString(), "yyyy-MM-dd", out var date)
                    ? await rule.OnAsync(id, date, need, http.RequestAborted)
                    : await rule.ForAsync(id, need, http.RequestAborted);
                return access.Allowed ? await next(ctx) : access.ToProblem();
            });

    /// <summary>
    /// The rule on an id carried in the body or the query (a unit a record is created under, a linked record):
    /// <paramref name="pick"/> reads it from the bound argument of type <typeparamref name="TArg"/>; null skips the check
    /// (the handler then refuses a missing id as bad input).
    /// </summary>
    public static RouteHandlerBuilder Require<TRule, TNeed, TArg>(this RouteHandlerBuilder b, TNeed need, Func<TArg, int?> pick, string what)
        where TRule : IAccessRule<TNeed> =>
        b.WithMetadata(new AccessMetadata($"{typeof(TRule).Name}.{need} on {what}"))
            .AddEndpointFilter(async (ctx, next) =>
            {
                var arg = ctx.Arguments.OfType<TArg>().FirstOrDefault();
                if (arg is null || pick(arg) is not { } id) return await next(ctx);
                var access = await ctx.HttpContext.RequestServices.GetRequiredService<TRule>().ForAsync(id, need, ctx.HttpContext.RequestAborted);
                return access.Allowed ? await next(ctx) : access.ToProblem();
            });

    /// <summary>The rule on an integer query parameter (for example the register's <c>issuerUnitId</c>).</summary>
    public static RouteHandlerBuilder RequireQuery<TRule, TNeed>(this RouteHandlerBuilder b, TNeed need, string query)
        where TRule : IAccessRule<TNeed> =>
        b.WithMetadata(new AccessMetadata($"{typeof(TRule).Name}.{need} on ?{query}"))
            .AddEndpointFilter(async (ctx, next) =>
            {
                var raw = ctx.HttpContext.Request.Query[query].ToString();
                if (string.IsNullOrEmpty(raw)) return await next(ctx);
                if (!int.TryParse(raw, out var id)) return Problems.NotFound();
                var access = await ctx.HttpContext.RequestServices.GetRequiredService<TRule>().ForAsync(id, need, ctx.HttpContext.RequestAborted);
                return access.Allowed ? await next(ctx) : access.ToProblem();
            });

    /// <summary>
    /// The resource's rule is called by the handler itself, because the id is only known there (a unit looked up by
    /// its code, a list filtered row by row): the declaration names the rule so a reader finds it.
    /// </summary>
    public static TBuilder RuleInHandler<TBuilder>(this TBuilder b, string rule) where TBuilder : IEndpointConventionBuilder =>
        b.WithMetadata(new AccessMetadata("in handler: " + rule));

    /// <summary>
    /// An endpoint whose records are the caller's own (my notifications, my assignments) or reference data every
    /// account reads: it says so, and the test that walks every endpoint accepts it only with this declaration.
    /// </summary>
    public static TBuilder OwnRecordsOnly<TBuilder>(this TBuilder b, string why) where TBuilder : IEndpointConventionBuilder =>
        b.WithMetadata(new AccessMetadata("own: " + why));
}

public static class AccessSetup
{
    /// <summary>Every <see cref="IAccessRule{TNeed}"/> of the app, scoped (they read the request's account).</summary>
    public static IServiceCollection AddAccessRules(this IServiceCollection services)
    {
        foreach (var t in typeof(AccessSetup).Assembly.GetTypes())
            if (t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAccessRule<>)))
                services.AddScoped(t);
        return services;
    }
}
