using System.Reflection;
using ChiBo.Features.Shared;
using ChiBo.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChiBo.Tests.Platform;

/// <summary>
/// A new endpoint or page cannot forget its access rule: every API endpoint carries a declaration (a resource rule
/// applied before the handler, or a stated reason why it only shows the caller's own records), and every page handler
/// has one on its method or its page (the page filter refuses the others, so this test says which).
/// </summary>
public class AccessDeclarationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void EveryApiEndpointDeclaresItsAccessRule()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/") == true).ToList();
        Assert.True(endpoints.Count > 150, $"only {endpoints.Count} API endpoints found");
        var undeclared = endpoints.Where(e => e.Metadata.GetMetadata<AccessMetadata>() is null)
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}").ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without an access declaration:\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public void EveryPageHandlerDeclaresItsAccessRule()
    {
        var pages = typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract).ToList();
        Assert.True(pages.Count > 25, $"only {pages.Count} page models found");
        var undeclared = (from page in pages
                          from m in page.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                          where m.Name.StartsWith("On") && (m.Name.StartsWith("OnGet") || m.Name.StartsWith("OnPost"))
                          where PageAccessFilter.Declared(m, page) is null
                          select $"{page.Name}.{m.Name}").ToList();
        Assert.True(undeclared.Count == 0, "Page handlers without an access declaration:\n" + string.Join("\n", undeclared));
    }
}
