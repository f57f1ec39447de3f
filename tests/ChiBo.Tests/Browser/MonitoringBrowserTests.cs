using System.Text.Json;
using ChiBo.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ChiBo.Tests.Browser;

/// <summary>The commune's monitoring group at work: the leader assigns, the member visits and confirms, the report shows it.</summary>
public class MonitoringBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    static async Task<JsonElement> Call(IPage page, string method, string url, object? body = null)
    {
        var res = await Browsers.ApiAsync(page, method, url, body);
        var text = await res.TextAsync();
        Assert.True(res.Ok, $"{method} {url}: {res.Status} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task TheLeaderAssignsTheMemberVisitsAndConfirmsAndTheReportDraftShowsTheVisit()
    {
        Assert.SkipWhen(Browsers.Missing, Browsers.SkipReason);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);

        // Nà Khum holds an extraordinary meeting this morning and votes its rating (set up through the API).
        var secretary = await Browsers.LogInAsync(browser, app.RootUri, "bithu.nakhum");
        var cell = (await Call(secretary, "GET", "/api/v1/units/by-code/LC-BL-NK")).GetProperty("id").GetInt32();
        var m = await Call(secretary, "POST", $"/api/v1/units/{cell}/meetings", new { kind = "Extraordinary", date = "2026-11-22", startTime = "07:00:00", place = "Nhà văn hóa bản Nà Khum", title = "Họp bất thường về phòng chống sạt lở" });
        var id = m.GetProperty("id").GetInt32();
        var roll = await Call(secretary, "GET", $"/api/v1/units/{cell}/roll?date=2026-11-22");
        m = await Call(secretary, "PUT", $"/api/v1/meetings/{id}/attendance", new
        {
            version = m.GetProperty("version").GetInt32(),
            entries = roll.EnumerateArray().Select(r => new { memberId = r.GetProperty("memberId").GetInt32(), status = "Present" }),
        });
        var present = m.GetProperty("attendance").EnumerateArray().Where(a => a.GetProperty("status").GetString() == "Present").ToList();
        var officials = present.Where(a => a.GetProperty("official").GetBoolean()).Select(a => a.GetProperty("memberId").GetInt32()).ToList();
        m = await Call(secretary, "PUT", $"/api/v1/meetings/{id}/minutes", new
        {
            version = m.GetProperty("version").GetInt32(), startedAt = "07:00:00", endedAt = "08:40:00", chairId = officials[0], minutesSecretaryId = officials[1],
            resolution = "Chi bộ phân công đảng viên giúp các hộ di dời khỏi vùng sạt lở.",
        });
        m = await Call(secretary, "PUT", $"/api/v1/meetings/{id}/votes", new { version = m.GetProperty("version").GetInt32(), votes = officials.Select(o => new { memberId = o, choice = "For" }) });
        m = await Call(secretary, "POST", $"/api/v1/meetings/{id}/adopt", new { version = m.GetProperty("version").GetInt32() });
        await Call(secretary, "POST", $"/api/v1/meetings/{id}/rating/propose", new { scores = new Dictionary<string, decimal> { ["CB3"] = 5, ["TH1"] = 5, ["TH4"] = 8, ["TH5"] = 8 } });
        await Call(secretary, "POST", $"/api/v1/meetings/{id}/rating/vote", new { votesFor = officials.Count, votesAgainst = 0 });

        // The leader assigns Lò Văn Quyết from November's schedule.
        var leader = await Browsers.LogInAsync(browser, app.RootUri, "totruong.binhlu");
        await leader.GetByRole(AriaRole.Link, new() { Name = "Tổ theo dõi" }).ClickAsync();
        await Assertions.Expect(leader.GetByRole(AriaRole.Heading, new() { Name = "Tổ dự, theo dõi, hướng dẫn sinh hoạt chi bộ số 1" })).ToBeVisibleAsync();
        var row = leader.Locator("tr", new() { Has = leader.GetByRole(AriaRole.Link, new() { Name = "Họp bất thường về phòng chống sạt lở" }) });
        await row.GetByRole(AriaRole.Combobox).SelectOptionAsync(new SelectOptionValue { Label = "Lò Văn Quyết" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Phân công" }).ClickAsync();
        await Assertions.Expect(leader.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã phân công.");
        await Assertions.Expect(leader.Locator("tr", new() { Has = leader.GetByRole(AriaRole.Link, new() { Name = "Họp bất thường về phòng chống sạt lở" }) })).ToContainTextAsync("Lò Văn Quyết");

        // The member finds the assignment, records the visit and confirms the rating.
        var member = await Browsers.LogInAsync(browser, app.RootUri, "theodoi.binhlu");
        await member.GotoAsync("/Monitoring");
        await member.GetByRole(AriaRole.Link, new() { Name = "Chi bộ bản Nà Khum: Họp bất thường về phòng chống sạt lở" }).ClickAsync();
        await member.GetByLabel("Nhận xét: tiến hành").FillAsync("Chi bộ họp kịp thời, phân công cụ thể từng đảng viên.");
        await member.GetByLabel("Nội dung đã hướng dẫn chi bộ").FillAsync("Theo dõi sát các hộ trong vùng nguy cơ, báo cáo Đảng ủy xã hằng ngày.");
        await member.GetByLabel(new System.Text.RegularExpressions.Regex("^Xác nhận xếp loại")).CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Ghi kết quả dự" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã ghi kết quả dự sinh hoạt.");
        await Assertions.Expect(member.GetByTestId("rating-status")).ToHaveTextAsync("Cấp trên đã xác nhận");

        // The leader's annual report draft shows the visit.
        await leader.GotoAsync("/Monitoring");
        await leader.GetByRole(AriaRole.Link, new() { Name = "năm 2026", Exact = true }).ClickAsync();
        // The demo already holds a 2026 draft, so the page offers a redraft and asks before replacing it (dialogs are accepted).
        await leader.GetByRole(AriaRole.Button, new() { Name = "Soạn lại từ số liệu" }).ClickAsync();
        await Assertions.Expect(leader.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã soạn dự thảo từ số liệu.");
        var body = leader.GetByLabel("Nội dung báo cáo");
        await Assertions.Expect(body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Theo dõi sát các hộ trong vùng nguy cơ"));
        await Assertions.Expect(body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"Chi bộ bản Nà Khum: dự \d+/\d+ buổi \(Lò Văn Quyết"));
        Directory.CreateDirectory("screenshots");
        await leader.ScreenshotAsync(new() { Path = "screenshots/group-report.png", FullPage = true });
    }
}
