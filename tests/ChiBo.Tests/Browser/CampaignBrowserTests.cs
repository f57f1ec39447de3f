using System.Text.Json;
using System.Text.RegularExpressions;
using ChiBo.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ChiBo.Tests.Browser;

/// <summary>A cell's report in a review campaign, drafted, commented, returned and accepted in the browser.</summary>
public class CampaignBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task TheSecretaryDraftsWithFiguresTheMemberCommentsTheClerkReturnsThenAcceptsAndTheDashboardChanges()
    {
        Assert.SkipWhen(Browsers.Missing, Browsers.SkipReason);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);

        // The province's board opens a six-month review of 2026's meetings.
        var board = await Browsers.LogInAsync(browser, app.RootUri, "btc.tinh");
        var province = JsonDocument.Parse(await (await board.APIRequest.GetAsync("/api/v1/units/by-code/LC")).TextAsync()).RootElement.GetProperty("id").GetInt32();
        var created = await Browsers.ApiAsync(board, "POST", "/api/v1/campaigns", new
        {
            ownerUnitId = province, title = "Sơ kết chất lượng sinh hoạt chi bộ năm 2026", kind = "Interim", periodFrom = "2026-01-01", periodTo = "2026-11-22",
            levels = new[]
            {
                new { name = "Chi bộ", unitTypeCodes = "CHI_BO,CHI_BO_CO_SO", deadline = "2026-11-30", holdsConference = false },
                new { name = "Đảng bộ cơ sở", unitTypeCodes = "DANG_UY_XA,DANG_BO_CO_SO", deadline = "2026-12-05", holdsConference = true },
            },
        });
        Assert.True(created.Ok, await created.TextAsync());
        var campaign = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetInt32();

        // The secretary starts Nà Khum's report: the figures are already there.
        var secretary = await Browsers.LogInAsync(browser, app.RootUri, "bithu.nakhum");
        await secretary.GotoAsync($"/Campaigns/{campaign}");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Lập báo cáo" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Heading, new() { Name = "Báo cáo của Chi bộ bản Nà Khum" })).ToBeVisibleAsync();
        await Assertions.Expect(secretary.GetByTestId("figures-II.3.b")).ToContainTextAsync(new Regex(@"tỷ lệ đảng viên dự sinh hoạt trung bình năm 2026: \d+"));
        await Assertions.Expect(secretary.GetByTestId("figures-II.3.d")).ToContainTextAsync("buổi chuyên đề");
        await secretary.GetByLabel("Nội dung mục I", new() { Exact = true }).FillAsync("Chi bộ bản Nà Khum có 27 đảng viên, sinh hoạt tại nhà văn hóa bản.");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Lưu báo cáo" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu báo cáo.");
        var reportUrl = new Uri(secretary.Url).AbsolutePath;

        // A member comments on the draft.
        var member = await Browsers.LogInAsync(browser, app.RootUri, "dangvien.nakhum");
        await member.GotoAsync(reportUrl);
        await member.GetByLabel("Ý kiến", new() { Exact = true }).FillAsync("Đề nghị nêu rõ các buổi sinh hoạt có tỷ lệ dự họp thấp.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Gửi góp ý" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã gửi ý kiến góp ý.");

        // The secretary answers and submits.
        await secretary.ReloadAsync();
        await secretary.GetByLabel(new Regex("^Tiếp thu ý kiến của")).FillAsync("Tiếp thu, bổ sung vào mục II.3.");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Ghi", Exact = true }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã ghi tiếp thu, giải trình.");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo lên cấp trên" }).ClickAsync();
        await Assertions.Expect(secretary.GetByTestId("report-status")).ToHaveTextAsync("Đã gửi, chờ tiếp nhận");

        // The commune's clerk sees it on the dashboard and returns it with a comment.
        var clerk = await Browsers.LogInAsync(browser, app.RootUri, "vp.binhlu");
        await clerk.GotoAsync($"/Campaigns/{campaign}");
        var cells = clerk.GetByTestId("completeness").Locator("tr", new() { HasText = "Chi bộ" }).First;
        await Assertions.Expect(cells).ToContainTextAsync("1 (");
        await clerk.GetByRole(AriaRole.Table, new() { Name = "Báo cáo của từng đơn vị" }).GetByRole(AriaRole.Link, new() { Name = "Chi bộ bản Nà Khum" }).ClickAsync();
        await clerk.GetByLabel("Ý kiến của cấp trên").FillAsync("Bổ sung đánh giá nội dung sinh hoạt chuyên đề.");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Trả lại" }).ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("report-status")).ToHaveTextAsync("Bị trả lại");

        // Resubmitted, then accepted: the clerk's dashboard counts it.
        await secretary.ReloadAsync();
        await Assertions.Expect(secretary.GetByText("Bổ sung đánh giá nội dung sinh hoạt chuyên đề.")).ToBeVisibleAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo lên cấp trên" }).ClickAsync();
        await clerk.ReloadAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận" }).ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("report-status")).ToHaveTextAsync("Đã tiếp nhận");
        await clerk.GotoAsync($"/Campaigns/{campaign}");
        var row = clerk.GetByTestId("completeness").Locator("tbody tr").First;
        await Assertions.Expect(row.Locator("td").Nth(7)).ToHaveTextAsync("1");   // accepted
        Directory.CreateDirectory("screenshots");
        await clerk.ScreenshotAsync(new() { Path = "screenshots/campaign-dashboard.png", FullPage = true });
    }
}
