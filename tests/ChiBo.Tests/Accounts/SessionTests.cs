using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Features.Accounts;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Accounts;

/// <summary>A session is only as good as its account: a password change, a reset or a lockout ends every session of it at once.</summary>
public abstract class SessionTests(ChiBoApp app) : AppTest(app)
{
    async Task<int> NaKhum() => await UnitId("LC-BL-NK");

    [Fact]
    public async Task APasswordChangeEndsTheOldBearerTokenAndCookieAtOnce()
    {
        await App.CreateAccountAsync("doi.matkhau", await NaKhum(), Roles.CellSecretary);
        var api = await App.ApiAs("doi.matkhau");
        var pages = await App.PagesAs("doi.matkhau");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/Units/{await NaKhum()}")).StatusCode);

        var other = await App.ApiAs("doi.matkhau");
        var change = await other.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = ChiBoApp.Password, newPassword = "MatKhauMoi@2027" });
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);

        var refused = await api.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Phiên đăng nhập đã hết hiệu lực", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        // The token used for the change is as old as the others: it ends too.
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/auth/me")).StatusCode);
        var page = await pages.GetAsync($"/Units/{await NaKhum()}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.OriginalString);
        // The new password works.
        Assert.Equal(HttpStatusCode.OK, (await (await App.ApiAs("doi.matkhau", "MatKhauMoi@2027")).GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task ALockoutEndsTheAccountsSessions()
    {
        await App.CreateAccountAsync("bi.khoa", await NaKhum(), Roles.CellSecretary);
        var api = await App.ApiAs("bi.khoa");
        var anonymous = App.CreateClient();
        for (var i = 0; i < 5; i++)
            await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName = "bi.khoa", password = "sai-mat-khau" });
        var locked = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName = "bi.khoa", password = ChiBoApp.Password });
        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task CookieWritesToTheApiNeedTheAntiforgeryToken()
    {
        var pages = await App.PagesAs("bithu.nakhum");
        var cell = await NaKhum();
        var body = new { kind = "Periodic", date = "2026-12-03", startTime = "19:30:00", place = "Nhà văn hóa", title = "Sinh hoạt tháng 12" };
        var forged = await pages.PostAsJsonAsync($"/api/v1/units/{cell}/meetings", body);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("mã chống giả mạo", (await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        // Reads with the cookie are fine, and nothing was planned by the refused write.
        var list = await pages.GetFromJsonAsync<JsonElement>($"/api/v1/units/{cell}/meetings?year=2026");
        Assert.DoesNotContain(list.EnumerateArray(), m => m.GetProperty("title").GetString() == "Sinh hoạt tháng 12");

        // With the token a page carries, the same write goes through.
        var token = Forms.AntiforgeryToken(await pages.GetStringAsync($"/Cells/{cell}/Meetings"));
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/units/{cell}/meetings") { Content = JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.Created, (await pages.SendAsync(request)).StatusCode);
    }
}

public class SessionTestsSqlite(SqliteApp app) : SessionTests(app), IClassFixture<SqliteApp>;
public class SessionTestsPostgres(PostgresApp app) : SessionTests(app), IClassFixture<PostgresApp>;
