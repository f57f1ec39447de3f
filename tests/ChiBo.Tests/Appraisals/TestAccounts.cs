using ChiBo.Features.Accounts;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Appraisals;

/// <summary>
/// The secretary of a cell the demo leaves to the commune's clerk (or of a test's own cell), so each step can be taken
/// by the account of the unit whose step it is. Signed in when asked, at the test clock's time.
/// </summary>
public static class TestAccounts
{
    public static async Task<HttpClient> SecretaryAsync(ChiBoApp app, int cellId)
    {
        await app.CreateAccountAsync($"bithu.{cellId}", cellId, Roles.CellSecretary);
        return await app.ApiAs($"bithu.{cellId}");
    }
}
