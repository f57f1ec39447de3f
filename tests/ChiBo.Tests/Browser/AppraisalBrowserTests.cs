using System.Globalization;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ChiBo.Tests.Browser;

/// <summary>
/// Nà Khum rates its 2026 (self-assessment and proposal by its secretary) and Bình Lư's clerk decides, with the
/// meeting-quality score the records propose: each step by the account of the unit whose step it is.
/// </summary>
public class AppraisalBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ACellRatesItsYearAndTheCommuneAboveDecidesSeeingTheMeetingQualityEvidence()
    {
        Assert.SkipWhen(Browsers.Missing, Browsers.SkipReason);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);
        var page = await Browsers.LogInAsync(browser, app.RootUri, "bithu.nakhum");

        await page.GetByRole(AriaRole.Link, new() { Name = "Xếp loại", Exact = true }).ClickAsync();
        await page.GetByLabel("Năm").FillAsync("2026");
        await page.GetByLabel("Đối tượng").SelectOptionAsync(new SelectOptionValue { Label = "Chi bộ" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đánh giá, xếp loại năm 2026" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở đánh giá, xếp loại chi bộ năm 2026" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đánh giá, xếp loại năm 2026: Chi bộ bản Nà Khum" })).ToBeVisibleAsync();

        // The page shows what the API computes from Nà Khum's meetings: the year's level, the proposed points and their evidence.
        var id = int.Parse(page.Url.Split('/').Last());
        var res = await page.APIRequest.GetAsync($"/api/v1/appraisals/{id}");
        var a = JsonDocument.Parse(await res.TextAsync()).RootElement;
        var c3 = a.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "C3");
        var year = a.GetProperty("meetingYear");
        Assert.Equal(11, year.GetProperty("expectedMonthly").GetInt32());   // January to November 2026, as of 22/11
        var points = c3.GetProperty("computedPoints").GetDecimal();
        var c3Row = page.Locator("tr[data-code=C3]");
        await Assertions.Expect(c3Row.Locator(".computed")).ToHaveTextAsync(points.ToString("0.##", new CultureInfo("vi-VN")));
        await Assertions.Expect(c3Row.Locator(".evidence")).ToContainTextAsync($"sinh hoạt thường kỳ {year.GetProperty("heldMonthly").GetInt32()}/11 tháng");
        await Assertions.Expect(c3Row.Locator(".evidence")).ToContainTextAsync($"{year.GetProperty("good").GetInt32()} Tốt, {year.GetProperty("fair").GetInt32()} Khá");
        await Assertions.Expect(page.Locator("#meeting-year-level")).ToHaveTextAsync(year.GetProperty("level").GetString() switch
        {
            "Good" => "Tốt", "Fair" => "Khá", "Average" => "Trung bình", _ => "Kém",
        });

        // Self-assessment: the manual criteria typed, the computed ones left as the records give them.
        foreach (var (code, value) in new[] { ("C1", "9"), ("C2", "9"), ("N1", "36"), ("N4", "8,5") })
            await page.GetByLabel($"Điểm {code}").FillAsync(value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi tự đánh giá" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã ghi tự đánh giá, tự xếp loại.");

        // The proposal needs the cell's remarks: refused next to the field, then done.
        await page.GetByRole(AriaRole.Button, new() { Name = "Đề xuất xếp loại" }).ClickAsync();
        await Assertions.Expect(page.Locator(".invalid-feedback")).ToContainTextAsync("Nhập nhận xét của chi bộ");
        await page.GetByLabel("Nhận xét của chi bộ (cấp ủy): ưu điểm, hạn chế").FillAsync("Chi bộ đoàn kết, sinh hoạt đều đặn, nhiều buổi xếp loại Tốt.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đề xuất xếp loại" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã ghi nhận xét và đề xuất xếp loại.");
        var proposed = (await page.Locator("#proposed-level strong").TextContentAsync())!.Trim();

        // The cell cannot decide its own rating: the commune committee directly above decides the proposed level.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Quyết định" })).ToHaveCountAsync(0);
        page = await Browsers.LogInAsync(browser, app.RootUri, "vp.binhlu");
        await page.GotoAsync($"/Appraisals/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đề xuất xếp loại" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Quyết định" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã quyết định xếp loại.");
        await Assertions.Expect(page.Locator("#decided-level")).ToHaveTextAsync(proposed);
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Lịch sử đánh giá" })).ToContainTextAsync("Quyết định xếp loại · vp.binhlu");
    }
}
