using ChiBo.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ChiBo.Tests.Browser;

/// <summary>A person's first minutes in the product, in Debian's Chromium driven by Playwright.</summary>
public class TreeWalkBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task StaffLogsInWalksFromProvinceToCellAndFindsAMemberWithoutAccents()
    {
        Assert.SkipWhen(Browsers.Missing, Browsers.SkipReason);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);
        // A phone-sized screen: the secretary in a mountain commune uses one.
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, BaseURL = app.RootUri.ToString() });

        await page.GotoAsync("/");
        await page.GetByLabel("Tên đăng nhập").FillAsync("btc.tinh");
        await page.GetByLabel("Mật khẩu").FillAsync(ChiBoApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tỉnh ủy Lai Châu" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Đảng ủy xã Bình Lư" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đảng ủy xã Bình Lư" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Chi bộ bản Nà Khum" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chi bộ bản Nà Khum" })).ToBeVisibleAsync();
        var crumbs = page.GetByRole(AriaRole.Navigation, new() { Name = "Đường dẫn" });
        await Assertions.Expect(crumbs).ToContainTextAsync("Tỉnh ủy Lai Châu");
        await Assertions.Expect(crumbs).ToContainTextAsync("Đảng ủy xã Bình Lư");
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Nguyễn Văn Thắng");

        // The same province as of 2023 still had its districts.
        await page.GotoAsync("/");
        await page.GetByLabel("Xem cây tổ chức vào ngày").FillAsync("10/01/2023");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Huyện ủy Tam Đường" })).ToBeVisibleAsync();

        // Search without diacritics, from the menu on a phone screen.
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở menu" }).ClickAsync();
        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Tìm kiếm" });
        await search.FillAsync("nguyen van thang");
        await search.PressAsync("Enter");
        var hit = page.GetByRole(AriaRole.Link, new() { Name = "Nguyễn Văn Thắng" });
        await Assertions.Expect(hit).ToBeVisibleAsync();
        await hit.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nguyễn Văn Thắng" })).ToBeVisibleAsync();

        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new() { Path = "screenshots/member-page.png", FullPage = true });
    }
}
