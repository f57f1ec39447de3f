using System.Text.RegularExpressions;
using ChiBo.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ChiBo.Tests.Browser;

/// <summary>A cell secretary runs a whole meeting in the browser; the commune's monitoring member confirms the rating.</summary>
public class MeetingBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    static ILocatorAssertions Expect(ILocator l) => Assertions.Expect(l);

    [Fact]
    public async Task SecretaryRunsAMeetingFromPlanToSignedMinutesAndTheUpperLevelConfirmsTheRating()
    {
        Assert.SkipWhen(Browsers.Missing, Browsers.SkipReason);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);
        // Dialogs are accepted: "Biên bản đã được đọc lại và thông qua?"
        var page = await Browsers.LogInAsync(browser, app.RootUri, "bithu.nakhum");

        // Plan: a thematic meeting today, agenda from the thematic template.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sinh hoạt chi bộ", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sinh hoạt chi bộ năm 2026" })).ToBeVisibleAsync();
        await page.GetByLabel("Loại buổi sinh hoạt").SelectOptionAsync(new SelectOptionValue { Label = "Chuyên đề" });
        await page.GetByLabel("Ngày (dd/MM/yyyy)").FillAsync("22/11/2026");
        await page.GetByLabel("Giờ").FillAsync("08:00");
        await page.GetByLabel("Địa điểm").FillAsync("Nhà văn hóa bản Nà Khum");
        await page.GetByLabel("Nội dung chính").FillAsync("Dân vận khéo trong xây dựng bản văn hóa");
        await page.GetByLabel("Chủ đề (sinh hoạt chuyên đề)").SelectOptionAsync(new SelectOptionValue { Label = "Dân vận khéo; xây dựng khu dân cư kiểu mẫu, nông thôn mới, đô thị văn minh" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập kế hoạch" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sinh hoạt chuyên đề ngày 22/11/2026" })).ToBeVisibleAsync();
        var meetingUrl = Regex.Match(page.Url, @"/Meetings/\d+").Value;

        // Notice to members and the monitoring group (late: the same day, and the product says so).
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi thông báo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã gửi thông báo.");
        await Expect(page.GetByText("Thông báo gửi muộn")).ToBeVisibleAsync();

        // Attendance: one member away on work.
        var away = page.Locator("tr:has(select[name^='status['] option[value='AbsentExcused'])").Nth(1);
        await away.Locator("select[name^='status[']").SelectOptionAsync(new SelectOptionValue { Label = "Vắng có lý do" });
        await away.Locator("select[name^='reason[']").SelectOptionAsync(new SelectOptionValue { Label = "Công tác" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu điểm danh" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu điểm danh.");
        await Expect(page.GetByTestId("attendance-rate")).ToContainTextAsync("%");

        // Minutes: times, chair, meeting secretary.
        await page.GetByLabel("Bắt đầu (HH:mm)").FillAsync("08:00");
        await page.GetByLabel("Kết thúc (HH:mm)").FillAsync("10:05");
        await page.GetByLabel("Chủ trì", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Nguyễn Văn Thắng" });
        await page.GetByLabel("Thư ký", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu biên bản" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu biên bản.");

        // Remarks by named members on the discussion item.
        foreach (var (speaker, text) in new[] { (1, "Đề nghị mỗi đảng viên phụ trách năm hộ, vận động bà con giữ vệ sinh đường bản."), (3, "Nhất trí với bản đề dẫn, bổ sung việc vận động con em đi học đều.") })
        {
            await page.GetByLabel("Người phát biểu mục 3").SelectOptionAsync(new SelectOptionValue { Index = speaker });
            await page.GetByLabel("Ý kiến phát biểu mục 3").FillAsync(text);
            await page.Locator("form:has([aria-label='Ý kiến phát biểu mục 3'])").GetByRole(AriaRole.Button, new() { Name = "Ghi", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã ghi ý kiến phát biểu.");
        }
        await Expect(page.Locator("#bien-ban")).ToContainTextAsync("vận động bà con giữ vệ sinh đường bản");

        // The chair's conclusion and the resolution, then the vote.
        var conclusions = page.Locator("textarea[name^='conclusion[']");
        for (var i = 0; i < 3; i++) await conclusions.Nth(i).FillAsync("Chi bộ thống nhất nội dung này.");
        await conclusions.Nth(3).FillAsync("Chi bộ thống nhất: mỗi đảng viên phụ trách năm hộ, báo cáo kết quả tại kỳ họp tháng 12.");
        await page.GetByLabel("Nghị quyết", new() { Exact = true }).FillAsync("Chi bộ nghị quyết: 100% đảng viên nhận phụ trách hộ, vận động xây dựng bản văn hóa.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu biên bản" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu biên bản.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi biểu quyết" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã ghi kết quả biểu quyết.");

        // Adopt and sign: the content is frozen and hashed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Thông qua biên bản" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Biên bản đã được thông qua.");
        await Expect(page.GetByTestId("content-hash")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await Expect(page.GetByText("Khớp", new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ký (chủ trì)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ký (thư ký)" }).ClickAsync();
        await Expect(page.Locator("#bien-ban")).ToContainTextAsync("Thư ký: đã ký");

        // Rate: automatic criteria from the record, the committee's scores, the cell's vote.
        foreach (var (label, points) in new[] { ("Điểm Chi ủy (bí thư, phó bí thư) họp chuẩn bị nội dung", "5"), ("Điểm Đúng giờ, đúng trình tự sinh hoạt", "5"),
                     ("Điểm Tự phê bình và phê bình thẳng thắn, xây dựng", "9"), ("Điểm Nội dung thiết thực, đúng nguyên tắc tổ chức và sinh hoạt đảng", "9") })
            await page.GetByLabel(label).FillAsync(points);
        await page.GetByRole(AriaRole.Button, new() { Name = "Chi ủy đề xuất xếp loại" }).ClickAsync();
        await Expect(page.GetByTestId("rating-status")).ToHaveTextAsync("Chi ủy đề xuất");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chi bộ biểu quyết xếp loại" }).ClickAsync();
        await Expect(page.GetByTestId("rating-status")).ToHaveTextAsync("Chi bộ đã biểu quyết");
        var level = await page.GetByTestId("rating-level").TextContentAsync();

        // Signed minutes cannot be edited: no form on the page, the API refuses, and a correction is an addendum.
        await Expect(page.Locator("#minutes-form")).ToHaveCountAsync(0);
        await Expect(page.Locator("#bien-ban")).ToContainTextAsync("Không sửa được");
        var id = int.Parse(meetingUrl.Split('/').Last());
        var edit = await Browsers.ApiAsync(page, "PUT", $"/api/v1/meetings/{id}/minutes", new { version = 1000, resolution = "Sửa sau khi ký" });
        Assert.Equal(409, edit.Status);
        await page.GetByLabel("Nội dung đính chính").FillAsync("Đính chính: buổi sinh hoạt kết thúc lúc 10 giờ 10 phút.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập phụ lục" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lập phụ lục.");
        await Expect(page.Locator("#phu-luc")).ToContainTextAsync("kết thúc lúc 10 giờ 10 phút");
        await Expect(page.Locator("#bien-ban")).ToContainTextAsync("08:00 – 10:05");
        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new() { Path = "screenshots/meeting-adopted.png", FullPage = true });

        // The commune's monitoring member confirms the rating.
        var upper = await Browsers.LogInAsync(browser, app.RootUri, "theodoi.binhlu");
        await upper.GotoAsync(meetingUrl + "#danh-gia");
        await upper.GetByLabel("Ý kiến của cấp trên").FillAsync("Buổi sinh hoạt chuyên đề có chất lượng, nhiều ý kiến thiết thực.");
        await upper.GetByRole(AriaRole.Button, new() { Name = "Xác nhận xếp loại" }).ClickAsync();
        await Expect(upper.GetByTestId("rating-status")).ToHaveTextAsync("Cấp trên đã xác nhận");
        await Expect(upper.GetByTestId("rating-level")).ToHaveTextAsync(level!);
        await Expect(upper.Locator("#danh-gia")).ToContainTextAsync("xác nhận bởi theodoi.binhlu");
    }
}
