using ChiBo.Features.Accounts;
using ChiBo.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChiBo.Tests.Appraisals;

/// <summary>
/// Accounts the demo does not have (the secretary of a cell it leaves to the commune's clerk, a test's own cell), made
/// through the product's user manager, so each step can be taken by the account of the unit whose step it is.
/// Idempotent: the tests of a class share its database.
/// </summary>
public static class TestAccounts
{
    public static async Task<string> EnsureAsync(ChiBoApp app, string userName, int unitId, string role, int? memberId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is not null) return userName;
        var u = new AppUser { UserName = userName, FullName = "Tài khoản thử " + userName, UnitId = unitId, MemberId = memberId, Email = userName + "@chibo.local", EmailConfirmed = true };
        var created = await users.CreateAsync(u, ChiBoApp.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(u, role);
        return userName;
    }

    /// <summary>The secretary of a cell (bithu.{cellId}), signed in to the API.</summary>
    public static async Task<HttpClient> SecretaryAsync(ChiBoApp app, int cellId) =>
        await app.ApiAs(await EnsureAsync(app, $"bithu.{cellId}", cellId, Roles.CellSecretary));
}
