using ChiBo.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Data;

public static class Startup
{
    /// <summary>Applies migrations on start, then seeds reference data and (when configured) the demo story.</summary>
    public static async Task MigrateAndSeedAsync(this IServiceProvider services, IConfiguration config)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        await ReferenceData.SeedAsync(db);
        await Features.Rules.RuleSets.SeedDefaultsAsync(db);
        await Features.Topics.TopicSeed.SeedAsync(db);
        await Features.Campaigns.Outline002.SeedAsync(db);
        await Features.Documents.DocumentRegister.SeedAsync(db);
        await Features.Appraisals.AppraisalSchemes.SeedAsync(db);
        await scope.ServiceProvider.GetRequiredService<Features.Meetings.MinutesSeal>().StartAsync();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        if (config.GetValue("Demo:Seed", true) && !await db.Units.AnyAsync())
            await DemoData.SeedAsync(scope.ServiceProvider);
    }
}
