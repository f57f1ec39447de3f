using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;
using static ChiBo.Tests.Meetings.MeetingFlow;

namespace ChiBo.Tests.Reminders;

public abstract class ReminderTests(ChiBoApp app) : AppTest(app)
{
    static HashSet<string> Keys(JsonElement due, bool overdue) =>
        due.EnumerateArray().Where(i => i.GetProperty("overdue").GetBoolean() == overdue).Select(i => i.GetProperty("key").GetString()!).ToHashSet();

    [Fact]
    public async Task TheReminderJobListsExactlyTheOverdueItemsOnAGivenDateAndTellsEachAccountOnce()
    {
        App.Clock.Now = new DateTimeOffset(2027, 2, 10, 8, 0, 0, TimeSpan.FromHours(7));
        var secretary = await App.ApiAs("bithu.nakhum");
        var clerk = await App.ApiAs("vp.binhlu");
        var admin = await App.ApiAs("admin");
        var cell = await UnitId("LC-BL-NK");
        var commune = await UnitId("LC-BL");
        var topic = (await Get(secretary, "/api/v1/topics"))[2].GetProperty("id").GetInt32();
        async Task<int> PlanMeeting(string kind, string date, int? topicId = null) => Id(await Ok(await secretary.PostAsJsonAsync($"/api/v1/units/{cell}/meetings",
            new { kind, date, startTime = "19:30:00", place = "Nhà văn hóa bản", title = "Sinh hoạt " + date, topicId })));
        var notHeld = await PlanMeeting("Periodic", "2027-02-03");           // passed, never held
        var noNotice = await PlanMeeting("Thematic", "2027-02-11", topic);  // notice was due by 10/02
        var soon = await PlanMeeting("Extraordinary", "2027-02-15");        // notice due 14/02: soon, not late
        await PlanMeeting("Periodic", "2027-03-03");                        // far ahead: nothing due

        var due = await Get(secretary, "/api/v1/due?date=2027-02-10");
        Assert.Equal(new HashSet<string> { $"plan:{cell}:2027", $"held:{notHeld}", $"notice:{noNotice}" }, Keys(due, overdue: true));
        Assert.Equal(new HashSet<string> { $"notice:{soon}" }, Keys(due, overdue: false));
        // The commune's office: February's schedule was due before 02/02.
        Assert.Equal(new HashSet<string> { $"schedule:{commune}:2027-02" }, Keys(await Get(clerk, "/api/v1/due?date=2027-02-10"), overdue: true));
        // A day earlier than the plan deadline, the plan is only due soon.
        Assert.Contains($"plan:{cell}:2027", Keys(await Get(secretary, "/api/v1/due?date=2027-02-01"), overdue: false));

        // The job tells each account once, in the app and by e-mail.
        var run = await Ok(await admin.PostAsync("/api/v1/reminders/run?date=2027-02-10", null));
        Assert.True(run.GetProperty("notificationsCreated").GetInt32() >= 5);
        var notes = await Get(secretary, "/api/v1/notifications");
        Assert.Contains(notes.EnumerateArray(), n => n.GetProperty("title").GetString() == "Quá hạn: Gửi kế hoạch sinh hoạt chuyên đề năm 2027 (hạn trước 05/02/2027)");
        Assert.Contains(notes.EnumerateArray(), n => n.GetProperty("title").GetString() == "Sắp đến hạn: Gửi thông báo, tài liệu buổi sinh hoạt ngày 15/02/2027");
        var count = notes.GetArrayLength();
        var again = await Ok(await admin.PostAsync("/api/v1/reminders/run?date=2027-02-10", null));
        Assert.Equal(0, again.GetProperty("notificationsCreated").GetInt32());
        Assert.Equal(count, (await Get(secretary, "/api/v1/notifications")).GetArrayLength());
        var mails = Directory.GetFiles(App.MailFolder, "*.eml").Select(File.ReadAllText).ToList();
        Assert.Contains(mails, m => m.Contains("To: bithu.nakhum@chibo.local") && m.Contains("Gửi kế hoạch sinh hoạt chuyên đề năm 2027"));

        // Doing the work clears the item: the office sends February's schedule.
        await Ok(await clerk.PostAsJsonAsync($"/api/v1/units/{commune}/schedules/2027/2/send", new { note = "Lịch tháng 2" }));
        Assert.Empty(Keys(await Get(clerk, "/api/v1/due?date=2027-02-10"), overdue: true));
        var overview = await Get(clerk, $"/api/v1/units/{commune}/schedules-overview?year=2027&month=2");
        Assert.Equal(1, overview.GetProperty("late").GetInt32());
        // Only administrators run the job by hand.
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await clerk.PostAsync("/api/v1/reminders/run?date=2027-02-10", null)).StatusCode);
    }

    [Fact]
    public async Task TheDueListIsTheAccountsOwnAndADateBeforeEveryRuleSetIsBadInputNotAFailure()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var secretary = await App.ApiAs("bithu.nakhum");
        var admin = await App.ApiAs("admin");
        foreach (var (client, method, url) in new[] { (secretary, "GET", "/api/v1/due?date=1950-01-01"), (admin, "POST", "/api/v1/reminders/run?date=1950-01-01"),
                     (secretary, "GET", "/api/v1/due?date=10/01/2023"), (admin, "POST", "/api/v1/reminders/run?date=2026-13-01") })
        {
            var res = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
            Assert.True((int)res.StatusCode is 200 or 400, $"{method} {url}: {(int)res.StatusCode}");
            Assert.Equal("application/" + (res.IsSuccessStatusCode ? "json" : "problem+json"), res.Content.Headers.ContentType?.MediaType);
        }
        // Only administrators run the system's job; a secretary is refused with the reason and nothing is sent.
        var refused = await secretary.PostAsync("/api/v1/reminders/run?date=2026-11-22", null);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Chỉ quản trị hệ thống", await refused.Content.ReadAsStringAsync());
    }
}

public sealed class ReminderTestsSqlite(SqliteApp app) : ReminderTests(app), IClassFixture<SqliteApp>;
public sealed class ReminderTestsPostgres(PostgresApp app) : ReminderTests(app), IClassFixture<PostgresApp>;
