using System.Reflection;
using ChiBo.Features.Shared;
using ChiBo.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChiBo.Tests.Appraisals;

/// <summary>
/// Every endpoint and page handler of the ratings, plans and monitoring features declares its access rule (none left
/// transitional), so a new one cannot forget it.
/// </summary>
public abstract class DeclarationTests(ChiBoApp app) : AppTest(app)
{
    static readonly string[] Paths = ["appraisal", "four-good", "/plans", "plans-overview", "/monitoring", "schedules", "/visit"];
    static readonly string[] Pages = ["ChiBo.Pages.Appraisals", "ChiBo.Pages.Plans", "ChiBo.Pages.Monitoring", "ChiBo.Pages.Schedules"];

    [Fact]
    public void EveryEndpointAndPageHandlerOfTheseFeaturesDeclaresItsRule()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/") && Paths.Any(raw.Contains)).ToList();
        Assert.True(endpoints.Count >= 30, $"only {endpoints.Count} endpoints found");
        var undeclared = endpoints.Where(e => e.Metadata.GetMetadata<AccessMetadata>() is null).Select(e => e.DisplayName).ToList();
        Assert.True(undeclared.Count == 0, "No access declaration: " + string.Join("; ", undeclared));

        var models = typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)) && Pages.Contains(t.Namespace)).ToList();
        Assert.True(models.Count >= 7);
        foreach (var m in models)
            foreach (var h in m.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(x => x.Name.StartsWith("OnGet") || x.Name.StartsWith("OnPost")))
            {
                var declared = PageAccessFilter.Declared(h, m);
                Assert.True(declared is { Count: > 0 }, $"{m.Name}.{h.Name} declares no access");
                Assert.DoesNotContain(declared!, d => d is AnyAccountAttribute a && a.Why.StartsWith("transitional"));
            }
    }
}

public sealed class DeclarationTestsSqlite(SqliteApp app) : DeclarationTests(app), IClassFixture<SqliteApp>;
public sealed class DeclarationTestsPostgres(PostgresApp app) : DeclarationTests(app), IClassFixture<PostgresApp>;
