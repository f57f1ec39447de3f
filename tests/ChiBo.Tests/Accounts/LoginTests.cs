using System.Net;
using System.Net.Http.Json;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Accounts;

public abstract class LoginTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenForTheRightPassword()
    {
        var client = App.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "bithu.muongso", password = "sai-mat-khau" });
            Assert.Equal(i < 4 ? HttpStatusCode.Unauthorized : (HttpStatusCode)423, wrong.StatusCode);
        }
        var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "bithu.muongso", password = ChiBoApp.Password });
        Assert.Equal((HttpStatusCode)423, right.StatusCode);
        Assert.Contains("bị khóa", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LoginPageShowsAVietnameseErrorForAWrongPassword()
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false });
        var token = Forms.AntiforgeryToken(await client.GetStringAsync("/Account/Login"));
        var res = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = "khong-dung", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await res.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PasswordChangeTakesEffectAndTheOldPasswordStopsWorking()
    {
        var api = await App.ApiAs("dangvien.nakhum");
        var weak = await api.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = ChiBoApp.Password, newPassword = "ngan" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("ít nhất 8 ký tự", await weak.Content.ReadAsStringAsync());
        var ok = await api.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = ChiBoApp.Password, newPassword = "MatKhauMoi2026" });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        var client = App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "dangvien.nakhum", password = ChiBoApp.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "dangvien.nakhum", password = "MatKhauMoi2026" })).StatusCode);
    }

    [Fact]
    public async Task LogoutEndsTheBrowserSession()
    {
        var pages = await App.PagesAs("btc.tinh");
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/Search?q=binh")).StatusCode);
        var token = Forms.AntiforgeryToken(await pages.GetStringAsync("/Search?q=binh"));
        var logout = await pages.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.GetAsync("/Search?q=binh")).StatusCode);
    }
}

public class LoginTestsSqlite(SqliteApp app) : LoginTests(app), IClassFixture<SqliteApp>;
public class LoginTestsPostgres(PostgresApp app) : LoginTests(app), IClassFixture<PostgresApp>;
