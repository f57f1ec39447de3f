using System.Net;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Meetings;

/// <summary>A provincial board issues its own rule set on the page; it governs its subtree from the date only.</summary>
public abstract class RulesPageTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task TheBoardIssuesARuleSetForItsSubtreeFromADateAndASecretaryCannot()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var pages = await App.PagesAs("btc.tinh");
        var html = await pages.GetStringAsync("/Rules");
        Assert.Contains("Đang áp dụng: Mặc định, ngày sinh hoạt chung mùng 3", html);
        Dictionary<string, string> Form(string token, string name, string from, string attendance) => new()
        {
            ["__RequestVerificationToken"] = token, ["Form.Name"] = name, ["EffectiveFromText"] = from, ["Form.MeetingDay"] = "3",
            ["Form.ThematicPerQuarter"] = "1", ["Form.MinMinutes"] = "90", ["Form.MinMinutesCombined"] = "120", ["Form.NoticeDays"] = "2",
            ["Form.AttendancePercent"] = attendance, ["Form.MaxExcusedInRow"] = "3", ["Form.ParticipationPercent"] = "50",
            ["Form.GoodMin"] = "90", ["Form.FairMin"] = "70", ["Form.AverageMin"] = "50",
        };
        var bad = await pages.PostAsync("/Rules", new FormUrlEncodedContent(Form(Forms.AntiforgeryToken(html), "Quy định Lai Châu 2027", "31/02/2027", "140")));
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Ngày hiệu lực không hợp lệ", badHtml);
        Assert.Contains("Ngưỡng phải từ 1 đến 100%", badHtml);

        var ok = await pages.PostAsync("/Rules", new FormUrlEncodedContent(Form(Forms.AntiforgeryToken(badHtml), "Quy định Lai Châu 2027", "01/01/2027", "90")));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("Đã ban hành bộ quy định, hiệu lực từ 01/01/2027.", await pages.GetStringAsync(ok.Headers.Location!.OriginalString));

        var api = await App.ApiAs("bithu.nakhum");
        var cell = await UnitId("LC-BL-NK");
        var before = await Get(api, $"/api/v1/units/{cell}/rules?date=2026-12-31");
        var after = await Get(api, $"/api/v1/units/{cell}/rules?date=2027-01-03");
        Assert.Equal(85, before.GetProperty("attendancePercent").GetInt32());
        Assert.Equal("Quy định Lai Châu 2027", after.GetProperty("name").GetString());
        Assert.Equal(90, after.GetProperty("attendancePercent").GetInt32());
        Assert.Equal(13, after.GetProperty("criteria").GetArrayLength());
        // Another province's cells are not governed by it: Mường So is in Lai Châu too, so check the default still exists for rule-less dates.
        Assert.Contains((await Get(api, "/api/v1/rule-sets")).EnumerateArray(), r => r.GetProperty("unitId").ValueKind == JsonValueKind.Null);

        var secretary = await App.PagesAs("bithu.nakhum");
        var token = Forms.AntiforgeryToken(await secretary.GetStringAsync("/Rules"));
        var refused = await secretary.PostAsync("/Rules", new FormUrlEncodedContent(Form(token, "Của chi bộ", "01/02/2027", "90")));
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.OriginalString);
        Assert.DoesNotContain((await Get(api, "/api/v1/rule-sets")).EnumerateArray(), r => r.GetProperty("name").GetString() == "Của chi bộ");
    }
}

public sealed class RulesPageTestsSqlite(SqliteApp app) : RulesPageTests(app), IClassFixture<SqliteApp>;
public sealed class RulesPageTestsPostgres(PostgresApp app) : RulesPageTests(app), IClassFixture<PostgresApp>;
