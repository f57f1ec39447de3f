using Microsoft.Playwright;

namespace ChiBo.Tests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright, and a signed-in page per account, as every browser test starts.</summary>
public static class Browsers
{
    public const string Chromium = "/usr/bin/chromium";
    public const string SkipReason = "Browser tests need Debian's chromium at /usr/bin/chromium (installed by .ci/run).";
    public static bool Missing => !File.Exists(Chromium);

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Chromium, Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    /// <summary>A new browser context signed in through the login page; confirmation dialogs are accepted.</summary>
    public static async Task<IPage> LogInAsync(IBrowser browser, Uri root, string user, int width = 1280, int height = 900)
    {
        var page = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = root.ToString() })).NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(user);
        await page.GetByLabel("Mật khẩu").FillAsync(ChiBoApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        return page;
    }

    /// <summary>
    /// Calls the API with the page's sign-in cookie as the page's own scripts would: a write carries the
    /// antiforgery token the layout puts in its meta tag (the page must show a ChiBo page).
    /// </summary>
    public static async Task<IAPIResponse> ApiAsync(IPage page, string method, string url, object? body = null)
    {
        var token = await page.Locator("meta[name=request-verification-token]").GetAttributeAsync("content");
        return await page.APIRequest.FetchAsync(url, new()
        {
            Method = method, DataObject = body,
            Headers = token is null ? null : new Dictionary<string, string> { ["RequestVerificationToken"] = token },
        });
    }
}
