using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Features.Accounts;
using ChiBo.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiBo.Tests.Rules;

/// <summary>
/// Rule sets and topics are set by the staff of the node they govern, the change log is for administrators (of their own
/// subtree below the top), search stays inside what the account may see; out-of-scope ids answer 404, bad values a 400.
/// </summary>
public abstract class RulesAccessTests(ChiBoApp app) : AppTest(app)
{
    static object RuleSet(int unitId, string name, string from = "2027-03-01", int meetingDay = 3, object? criteria = null) => new
    {
        unitId, name, effectiveFrom = from, meetingDay, thematicPerQuarter = 1, minMinutes = 90, minMinutesCombined = 120, noticeDays = 1,
        attendancePercent = 85, maxExcusedInRow = 3, participationPercent = 50, goodMin = 90, fairMin = 70, averageMin = 50, criteria,
    };

    async Task Account(string user, string unitCode, string role)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(user) is not null) return;
        var db = scope.ServiceProvider.GetRequiredService<ChiBo.Data.AppDbContext>();
        var unit = await db.Units.FirstAsync(u => u.Code == unitCode);
        var u = new AppUser { UserName = user, FullName = user, UnitId = unit.Id, Email = user + "@chibo.local" };
        Assert.True((await users.CreateAsync(u, ChiBoApp.Password)).Succeeded);
        await users.AddToRoleAsync(u, role);
    }

    async Task<bool> RuleSetExists(string name) =>
        (await Get(await App.ApiAs("admin"), "/api/v1/rule-sets")).EnumerateArray().Any(r => r.GetProperty("name").GetString() == name);

    [Fact]
    public async Task RuleSetsAreSetByStaffOfTheNodeAndBadValuesAreRefusedByField()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var clerk = await App.ApiAs("vp.binhlu");
        var secretary = await App.ApiAs("bithu.nakhum");
        var (commune, nakhum, muongSo) = (await UnitId("LC-BL"), await UnitId("LC-BL-NK"), await UnitId("LC-MS-MS"));

        var own = await secretary.PostAsJsonAsync("/api/v1/rule-sets", RuleSet(nakhum, "Quy định riêng của chi bộ"));
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.PostAsJsonAsync("/api/v1/rule-sets", RuleSet(muongSo, "Quy định cho xã khác"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.ApiAs("bithu.muongso")).GetAsync($"/api/v1/units/{commune}/rules")).StatusCode);
        Assert.False(await RuleSetExists("Quy định riêng của chi bộ"));
        Assert.False(await RuleSetExists("Quy định cho xã khác"));

        async Task<string> Refused(object body, string field)
        {
            var res = await clerk.PostAsJsonAsync("/api/v1/rule-sets", body);
            var text = await res.Content.ReadAsStringAsync();
            Assert.True(res.StatusCode == HttpStatusCode.BadRequest, text);
            Assert.Contains($"\"{field}\"", text);
            return text;
        }
        await Refused(RuleSet(commune, "Sai ngày", meetingDay: 40), "meetingDay");
        await Refused(RuleSet(commune, "Sai năm", from: "1920-01-01"), "effectiveFrom");
        await Refused(RuleSet(commune, "Thiếu mã", criteria: new object?[] { new { title = "Dự họp", maxPoints = 100, part = "Attendance", measure = "AttendanceRate" }, null }), "criteria");
        await Refused(new { name = "Không có đơn vị", effectiveFrom = "2027-01-01" }, "unitId");
        Assert.Contains("\"date\"", await (await clerk.GetAsync($"/api/v1/units/{commune}/rules?date=1950-01-01")).Content.ReadAsStringAsync());

        var made = await clerk.PostAsJsonAsync("/api/v1/rule-sets", RuleSet(commune, "Quy định của Đảng ủy xã Bình Lư 2027"));
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);

        // The page: a meeting day no month has is shown next to its field.
        var pages = await App.PagesAs("vp.binhlu");
        var html = await pages.GetStringAsync("/Rules");
        var post = await pages.PostAsync("/Rules", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(html), ["Form.Name"] = "Trang sai", ["EffectiveFromText"] = "01/01/2027", ["Form.MeetingDay"] = "40",
            ["Form.ThematicPerQuarter"] = "1", ["Form.MinMinutes"] = "90", ["Form.MinMinutesCombined"] = "120", ["Form.NoticeDays"] = "2",
            ["Form.AttendancePercent"] = "85", ["Form.MaxExcusedInRow"] = "3", ["Form.ParticipationPercent"] = "50", ["Form.GoodMin"] = "90", ["Form.FairMin"] = "70", ["Form.AverageMin"] = "50",
        }));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("Ngày sinh hoạt chung phải từ 1 đến 28.", await post.Content.ReadAsStringAsync());
        Assert.False(await RuleSetExists("Trang sai"));
    }

    [Fact]
    public async Task TopicsAreAddedByStaffAndTheChangeLogIsForAdministratorsOfTheirSubtree()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var member = await App.ApiAs("dangvien.nakhum");
        var clerk = await App.ApiAs("vp.binhlu");
        var board = await App.ApiAs("btc.tinh");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/v1/topics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/v1/topics", new { code = "X-DV", name = "Của đảng viên" })).StatusCode);
        var formula = await clerk.PostAsJsonAsync("/api/v1/topics", new { code = "X-F", name = "=HYPERLINK(\"http://x.example/\")" });
        Assert.Equal(HttpStatusCode.BadRequest, formula.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync("/api/v1/topics", new { code = "X-P", name = "Có cha", parentId = 99999999 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync("/api/v1/topics", new { name = "Không mã" })).StatusCode);
        var topics = (await Get(member, "/api/v1/topics")).EnumerateArray().Select(t => t.GetProperty("code").GetString()).ToList();
        Assert.DoesNotContain("X-DV", topics);
        Assert.DoesNotContain("X-F", topics);

        var code = "X-" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("/api/v1/topics", new { code = code + "-XA", name = "Chủ đề của xã" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await board.PostAsJsonAsync("/api/v1/topics", new { code = code + "-TINH", name = "Chủ đề của tỉnh" })).StatusCode);

        // The change log: administrators only; a commune's administrator reads its own accounts' changes, not the province's.
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Contains("/Account/AccessDenied", (await (await App.PagesAs("btc.tinh")).GetAsync("/Admin/Audit")).Headers.Location?.OriginalString);
        var top = await Get(await App.ApiAs("admin"), "/api/v1/audit?entity=Topic");
        Assert.Contains(top.EnumerateArray(), a => a.GetProperty("actor").GetString() == "btc.tinh");
        Assert.Empty((await Get(await App.ApiAs("admin"), "/api/v1/audit?page=2147483647")).EnumerateArray());
        await Account("admin.binhlu", "LC-BL", Roles.Admin);
        var local = await Get(await App.ApiAs("admin.binhlu"), "/api/v1/audit?entity=Topic");
        Assert.Contains(local.EnumerateArray(), a => a.GetProperty("actor").GetString() == "vp.binhlu");
        Assert.DoesNotContain(local.EnumerateArray(), a => a.GetProperty("actor").GetString() is "btc.tinh" or "admin");
        var page = await (await App.PagesAs("admin.binhlu")).GetStringAsync("/Admin/Audit?entity=Topic");
        Assert.Contains("vp.binhlu", page);
        Assert.DoesNotContain("btc.tinh", page);
    }

    [Fact]
    public async Task SearchStaysInsideWhatTheAccountSees()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        // The README's example: Nà Khum's secretary, found by the commune, not by another commune's secretary,
        // nor by a monitoring member whose groups cover nothing (no demo monitoring in this database).
        Assert.NotEmpty((await Get(await App.ApiAs("vp.binhlu"), "/api/v1/search?q=nguyen van thang")).GetProperty("members").EnumerateArray());
        Assert.Empty((await Get(await App.ApiAs("bithu.muongso"), "/api/v1/search?q=nguyen van thang")).GetProperty("members").EnumerateArray());
        var monitor = await Get(await App.ApiAs("theodoi.binhlu"), "/api/v1/search?q=nguyen van thang");
        Assert.Empty(monitor.GetProperty("members").EnumerateArray());
        Assert.DoesNotContain("Nguyễn Văn Thắng", await (await App.PagesAs("theodoi.binhlu")).GetStringAsync("/Search?q=nguyen+van+thang"));
    }
}

public sealed class RulesAccessTestsSqlite(SqliteApp app) : RulesAccessTests(app), IClassFixture<SqliteApp>;
public sealed class RulesAccessTestsPostgres(PostgresApp app) : RulesAccessTests(app), IClassFixture<PostgresApp>;
