using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ChiBo.Features.Shared;

/// <summary>A page's declared access: checked before its handler runs.</summary>
public interface IPageAccess
{
    Task<Access> CheckAsync(HttpContext http);
    /// <summary>The route or query value the check read, if any: the handler must receive that same value.</summary>
    string? CheckedValue => null;
}

/// <summary>
/// The resource rule <typeparamref name="TRule"/> with <paramref name="need"/> on the id in route value (or query
/// field) <paramref name="routeValue"/>. On the page class it guards every handler; on a handler method it replaces
/// the class's declaration for that handler (a form that changes what the page shows needs more than reading it).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequireAttribute<TRule, TNeed>(TNeed need, string routeValue = "id") : Attribute, IPageAccess
    where TRule : IAccessRule<TNeed>
{
    public string? CheckedValue => routeValue;

    /// <summary>A query field with the date the page shows the tree on (dd/MM/yyyy), for rules that answer on a date.</summary>
    public string? DateQuery { get; init; }

    public async Task<Access> CheckAsync(HttpContext http)
    {
        var raw = http.Request.RouteValues.TryGetValue(routeValue, out var v) ? v?.ToString() : http.Request.Query[routeValue].ToString();
        if (!int.TryParse(raw, out var id)) return Access.Hidden;
        var rule = http.RequestServices.GetRequiredService<TRule>();
        if (DateQuery is not null && rule is IDatedAccessRule<TNeed> dated && Dates.TryParseVn(http.Request.Query[DateQuery], out var date))
            return await dated.OnAsync(id, date, need, http.RequestAborted);
        return await rule.ForAsync(id, need, http.RequestAborted);
    }
}

/// <summary>A page every signed-in account may open, because it shows only the account's own things (home, notifications, search within its scope).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AnyAccountAttribute(string why) : Attribute, IPageAccess
{
    public string Why { get; } = why;
    public Task<Access> CheckAsync(HttpContext http) => Task.FromResult(Access.Allow);
}

/// <summary>
/// Runs the declared access of every page handler; a page without any declaration is refused (403) rather than
/// shown, so a new page cannot forget its rule. Not found answers the "Không tìm thấy" page, forbidden the access-denied page.
/// </summary>
public sealed class PageAccessFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var declared = Declared(context.HandlerMethod?.MethodInfo, context.HandlerInstance.GetType());
        if (declared is null)
        {
            context.Result = new ForbidResult();
            return;
        }
        foreach (var rule in declared)
        {
            var access = await rule.CheckAsync(context.HttpContext);
            if (access.Allowed) continue;
            context.Result = access.Kind == AccessKind.NotFound ? new NotFoundResult() : new ForbidResult();
            if (access.Reason is not null) context.HttpContext.Items["access.reason"] = access.Reason;
            return;
        }
        // Model binding fills a handler parameter from the form before the route: a form field "cellId" must not
        // swap the record the check was made on for another one.
        foreach (var name in declared.Select(d => d.CheckedValue).OfType<string>())
        {
            var http = context.HttpContext;
            var checkedRaw = http.Request.RouteValues.TryGetValue(name, out var v) ? v?.ToString() : http.Request.Query[name].ToString();
            if (context.HandlerArguments.TryGetValue(name, out var bound) && bound is not null && bound.ToString() != checkedRaw)
            {
                context.Result = new BadRequestResult();
                return;
            }
        }
        await next();
    }

    /// <summary>The handler's own declarations, else the page's; null when neither declares anything (also used by the test that walks every page).</summary>
    public static IReadOnlyList<IPageAccess>? Declared(MethodInfo? handler, Type page)
    {
        var own = handler?.GetCustomAttributes().OfType<IPageAccess>().ToList();
        if (own is { Count: > 0 }) return own;
        var onPage = page.GetCustomAttributes().OfType<IPageAccess>().ToList();
        return onPage.Count > 0 ? onPage : null;
    }
}
