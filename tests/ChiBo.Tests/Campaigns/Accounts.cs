using ChiBo.Features.Accounts;
using ChiBo.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChiBo.Tests.Campaigns;

/// <summary>
/// Accounts the demo does not have (a secretary for every cell, staff of a district), made through Identity as an
/// administrator would: each step of a report belongs to the unit whose step it is, so a test needs that unit's account.
/// </summary>
public static class Accounts
{
    public static async Task<string> EnsureAsync(ChiBoApp app, string userName, int unitId, string role, string? fullName = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is not null) return userName;
        var u = new AppUser { UserName = userName, FullName = fullName ?? userName, UnitId = unitId, Email = userName + "@chibo.local", EmailConfirmed = true };
        var created = await users.CreateAsync(u, ChiBoApp.Password);
        // Two tests of a class may make the same account at once: the loser finds it made.
        if (!created.Succeeded && await users.FindByNameAsync(userName) is not null) return userName;
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(u, role);
        return userName;
    }

    /// <summary>The secretary of a cell (one account per cell code).</summary>
    public static Task<string> SecretaryAsync(ChiBoApp app, string cellCode, int cellId) =>
        EnsureAsync(app, "bithu." + cellCode.ToLowerInvariant(), cellId, Roles.CellSecretary);

    /// <summary>Committee staff attached to a unit (a district's office, another commune's).</summary>
    public static Task<string> StaffAsync(ChiBoApp app, string unitCode, int unitId) =>
        EnsureAsync(app, "vp." + unitCode.ToLowerInvariant(), unitId, Roles.CommitteeStaff);
}
