using System.Text.Json;
using ChiBo.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ChiBo.Tests.Browser;

/// <summary>The province's dashboard in the browser, drilled down to a commune and a cell; each page's figures are the API's.</summary>
public class DashboardBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task TheBoardOpensTheProvinceDrillsDownToACommuneAndACellAndTheNumbersAgreeWithTheApi()
    {
        Assert.SkipWhen(Browsers.Missing, Browsers.SkipReason);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);
        var board = await Browsers.LogInAsync(browser, app.RootUri, "btc.tinh");
        async Task<JsonElement> Api(string url) => JsonDocument.Parse(await (await board.APIRequest.GetAsync(url)).TextAsync()).RootElement;
        var province = (await Api("/api/v1/units/by-code/LC")).GetProperty("id").GetInt32();

        async Task Check(string name, int id)
        {
            await Assertions.Expect(board.GetByRole(AriaRole.Heading, new() { Name = "Sinh hoạt chi bộ — " + name })).ToBeVisibleAsync();
            var t = (await Api($"/api/v1/stats/units/{id}")).GetProperty("totals");
            await Assertions.Expect(board.Locator("[data-figure=held]")).ToHaveTextAsync($"{t.GetProperty("cellsMeeting").GetInt32()} / {t.GetProperty("cellMonths").GetInt32()}");
            await Assertions.Expect(board.Locator("[data-figure=attendance]")).ToHaveTextAsync(t.GetProperty("attendanceRate").GetDouble().ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + "%");
            await Assertions.Expect(board.Locator("[data-figure=thematic]")).ToHaveTextAsync(t.GetProperty("thematicHeld").GetInt32().ToString());
            Assert.True(t.GetProperty("cellsMeeting").GetInt32() > 0, $"{name} has meetings in the demo year");
        }

        await board.GotoAsync($"/Units/{province}/Dashboard");
        await Check("Tỉnh ủy Lai Châu", province);
        await Assertions.Expect(board.Locator("#trend")).ToBeVisibleAsync();
        // The topics most discussed: the table's first row is the API's first topic.
        var topics = (await Api($"/api/v1/stats/units/{province}")).GetProperty("topics");
        Assert.True(topics.GetArrayLength() > 0, "the demo year discusses topics");
        await Assertions.Expect(board.GetByRole(AriaRole.Heading, new() { Name = "Chủ đề được thảo luận nhiều nhất" })).ToBeVisibleAsync();
        await Assertions.Expect(board.Locator("#topics tbody tr").First).ToContainTextAsync(topics[0].GetProperty("name").GetString()!);
        // The commune's row in the province's table carries the commune's own totals.
        var commune = (await Api("/api/v1/units/by-code/LC-BL")).GetProperty("id").GetInt32();
        var communeTotals = (await Api($"/api/v1/stats/units/{commune}")).GetProperty("totals");
        var row = board.Locator($"#children tr[data-unit='{commune}']");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync($"{communeTotals.GetProperty("cellsMeeting").GetInt32()} / {communeTotals.GetProperty("cellMonths").GetInt32()}");

        await row.GetByRole(AriaRole.Link, new() { Name = "Đảng ủy xã Bình Lư" }).ClickAsync();
        await Check("Đảng ủy xã Bình Lư", commune);
        // Sorting by attendance puts the lowest first, then the highest.
        await board.GetByRole(AriaRole.Columnheader, new() { Name = "Tỷ lệ dự" }).ClickAsync();
        var values = await board.Locator("#children tbody tr td:nth-child(4)").EvaluateAllAsync<double[]>("cells => cells.map(c => parseFloat(c.dataset.value))");
        Assert.Equal(values.OrderBy(v => v), values);

        await board.GetByRole(AriaRole.Link, new() { Name = "Chi bộ bản Nà Khum" }).ClickAsync();
        var cell = (await Api("/api/v1/units/by-code/LC-BL-NK")).GetProperty("id").GetInt32();
        await Check("Chi bộ bản Nà Khum", cell);
    }
}
