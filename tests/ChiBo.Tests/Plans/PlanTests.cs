using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Appraisals;
using ChiBo.Tests.Infrastructure;
using ChiBo.Tests.Meetings;
using static ChiBo.Tests.Meetings.MeetingFlow;

namespace ChiBo.Tests.Plans;

public abstract class PlanTests(ChiBoApp app) : AppTest(app)
{
    void At(int y, int m, int d) => App.Clock.Now = new DateTimeOffset(y, m, d, 9, 0, 0, TimeSpan.FromHours(7));

    async Task<List<int>> Topics(HttpClient c) =>
        (await Get(c, "/api/v1/topics")).EnumerateArray().Select(t => t.GetProperty("id").GetInt32()).ToList();

    static object Items(List<int> topics, int[] quarters) => quarters.Select((q, i) => new { quarter = q, topicId = topics[i % topics.Count], title = $"Chuyên đề quý {q}: chủ đề {i + 1}" }).ToArray();

    [Fact]
    public async Task TheCommitteeReturnsAPlanWithCommentsThenApprovesItAndTheFirstSubmissionSetsTimeliness()
    {
        At(2027, 1, 20);
        var secretary = await App.ApiAs("bithu.nakhum");
        var clerk = await App.ApiAs("vp.binhlu");
        var cell = await UnitId("LC-BL-NK");
        var topics = await Topics(secretary);
        var plan = await Ok(await secretary.PutAsJsonAsync($"/api/v1/units/{cell}/plans/2027", new { items = Items(topics, [1, 2, 3]) }));
        var incomplete = await secretary.PostAsJsonAsync($"/api/v1/units/{cell}/plans/2027/submit", new { version = Version(plan) });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("Quý 4 chưa đủ chuyên đề", await incomplete.Content.ReadAsStringAsync());
        plan = await Ok(await secretary.PutAsJsonAsync($"/api/v1/units/{cell}/plans/2027", new { version = Version(plan), items = Items(topics, [1, 2, 3, 4]) }));
        // Sending it is the cell's own step: not the commune that approves it, not the province; another commune does not see it.
        var province = await App.ApiAs("btc.tinh");
        var outsider = await App.ApiAs("bithu.muongso");
        foreach (var wrong in new[] { clerk, province, await App.ApiAs("admin") })
            Assert.Equal(HttpStatusCode.Forbidden, (await wrong.PostAsJsonAsync($"/api/v1/units/{cell}/plans/2027/submit", new { version = Version(plan) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/units/{cell}/plans/2027/submit", new { version = Version(plan) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/units/{cell}/plans/2027")).StatusCode);
        Assert.Equal(("Draft", Version(plan)), await State(secretary, cell, 2027));
        plan = await Ok(await secretary.PostAsJsonAsync($"/api/v1/units/{cell}/plans/2027/submit", new { version = Version(plan) }));
        Assert.Equal("Submitted", plan.GetProperty("status").GetString());
        Assert.True(plan.GetProperty("onTime").GetBoolean());

        // The cell cannot approve its own plan, nor the province the commune's cell (it is the commune's review); a return needs its reasons.
        var id = Id(plan);
        foreach (var wrong in new[] { secretary, province, await App.ApiAs("admin") })
        {
            var refused = await wrong.PostAsJsonAsync($"/api/v1/plans/{id}/review", new { approve = true, version = Version(plan) });
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("cấp ủy duyệt kế hoạch", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/plans/{id}/review", new { approve = true, version = Version(plan) })).StatusCode);
        Assert.Equal(("Submitted", Version(plan)), await State(secretary, cell, 2027));
        var bare = await clerk.PostAsJsonAsync($"/api/v1/plans/{id}/review", new { approve = false, version = Version(plan) });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("Ghi ý kiến khi trả lại", await bare.Content.ReadAsStringAsync());
        plan = await Ok(await clerk.PostAsJsonAsync($"/api/v1/plans/{id}/review", new { approve = false, comment = "Quý 3 cần chuyên đề về dân vận khéo.", version = Version(plan) }));
        Assert.Equal("Returned", plan.GetProperty("status").GetString());

        // The secretary reads the comment, revises after the due date, resubmits: still on time (first submission counts).
        At(2027, 2, 10);
        secretary = await App.ApiAs("bithu.nakhum");
        clerk = await App.ApiAs("vp.binhlu");
        plan = await Get(secretary, $"/api/v1/units/{cell}/plans/2027");
        Assert.Equal("Quý 3 cần chuyên đề về dân vận khéo.", plan.GetProperty("reviewComment").GetString());
        plan = await Ok(await secretary.PutAsJsonAsync($"/api/v1/units/{cell}/plans/2027", new { version = Version(plan), items = Items(topics, [1, 2, 3, 3, 4]) }));
        plan = await Ok(await secretary.PostAsJsonAsync($"/api/v1/units/{cell}/plans/2027/submit", new { version = Version(plan) }));
        plan = await Ok(await clerk.PostAsJsonAsync($"/api/v1/plans/{id}/review", new { approve = true, comment = "Nhất trí.", version = Version(plan) }));
        Assert.Equal("Approved", plan.GetProperty("status").GetString());
        Assert.True(plan.GetProperty("onTime").GetBoolean());
        Assert.Equal(["Submitted", "Returned", "Submitted", "Approved"], plan.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray());
        // Approved plans are no longer edited.
        var edit = await secretary.PutAsJsonAsync($"/api/v1/units/{cell}/plans/2027", new { version = Version(plan), items = Items(topics, [1]) });
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
    }

    async Task<(string?, int)> State(HttpClient reader, int cell, int year)
    {
        var p = await Get(reader, $"/api/v1/units/{cell}/plans/{year}");
        return (p.GetProperty("status").GetString(), Version(p));
    }

    [Fact]
    public async Task ALateSubmissionIsCountedLateNotMissing()
    {
        var f = await CreateAsync(App);   // a new cell under Bình Lư: the commune's clerk drafts for it, its secretary sends it
        At(2028, 2, 10);
        var secretary = await TestAccounts.SecretaryAsync(App, f.CellId);
        var clerk = await App.ApiAs("vp.binhlu");
        var topics = await Topics(clerk);
        var plan = await Ok(await clerk.PutAsJsonAsync($"/api/v1/units/{f.CellId}/plans/2028", new { items = Items(topics, [1, 2, 3, 4]) }));
        await Ok(await secretary.PostAsJsonAsync($"/api/v1/units/{f.CellId}/plans/2028/submit", new { version = Version(plan) }));

        var commune = await UnitId("LC-BL");
        var o = await Get(clerk, $"/api/v1/units/{commune}/plans-overview?year=2028");
        Assert.Equal("2028-02-05", o.GetProperty("due").GetString());
        var mine = o.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("cellId").GetInt32() == f.CellId);
        Assert.True(mine.GetProperty("submitted").GetBoolean());
        Assert.False(mine.GetProperty("onTime").GetBoolean());
        var expected = o.GetProperty("expected").GetInt32();
        Assert.Equal(1, o.GetProperty("late").GetInt32());
        Assert.Equal(1, o.GetProperty("submitted").GetInt32());
        Assert.Equal(expected - 1, o.GetProperty("missing").GetInt32());
        Assert.True(expected >= 4, "Bình Lư has its own cells, Bản Hon's and the school's");

        // Another commune's secretary cannot look at Bình Lư's overview; a year no plan can have is refused naming it.
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.ApiAs("bithu.muongso")).GetAsync($"/api/v1/units/{commune}/plans-overview?year=2028")).StatusCode);
        foreach (var bad in new[] { $"/api/v1/units/{commune}/plans-overview?year=0", $"/api/v1/units/{f.CellId}/plans/10000", $"/api/v1/units/{f.CellId}/plans/0/practice" })
        {
            var res = await clerk.GetAsync(bad);
            Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
            Assert.Contains("year", await res.Content.ReadAsStringAsync());
        }
        var noItems = await clerk.PutAsJsonAsync($"/api/v1/units/{f.CellId}/plans/2029", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noItems.StatusCode);
        Assert.Contains("items", await noItems.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/v1/units/{f.CellId}/plans/2029")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.PostAsJsonAsync("/api/v1/plans/999999/review", new { approve = true, version = 0 })).StatusCode);
    }

    [Fact]
    public async Task PlanAgainstPracticeCountsADroppedTopicAndAnUnplannedMeeting()
    {
        var f = await CreateAsync(App);
        f.At(2024, 1, 10);
        var topics = await Topics(f.Clerk);
        var (cd1, cd2, cd3, cd4, cd5) = (topics[0], topics[1], topics[2], topics[3], topics[4]);
        var plan = await Ok(await f.Clerk.PutAsJsonAsync($"/api/v1/units/{f.CellId}/plans/2024", new
        {
            items = new object[]
            {
                new { quarter = 1, topicId = cd1, title = "Nâng cao chất lượng chuyên môn" },
                new { quarter = 2, topicId = cd2, title = "Cải cách hành chính" },
                new { quarter = 2, topicId = cd5, title = "Học tập và làm theo Bác" },
                new { quarter = 3, topicId = cd3, title = "Dân vận khéo" },
                new { quarter = 4, topicId = cd4, title = "Tạo nguồn phát triển đảng viên" },
            },
        }));
        await Ok(await (await TestAccounts.SecretaryAsync(App, f.CellId)).PostAsJsonAsync($"/api/v1/units/{f.CellId}/plans/2024/submit", new { version = Version(plan) }));
        foreach (var (date, topic) in new[] { ("2024-02-15", cd1), ("2024-05-15", cd2), ("2024-08-15", cd5), ("2024-10-15", cd4), ("2024-11-15", cd1) })
        {
            var d = DateOnly.Parse(date);
            f.At(d.Year, d.Month, d.Day);
            await Ok(await f.Attend(await f.Plan(date, "Thematic", topic)));
        }
        f.At(2024, 12, 31);
        var p = await Get(f.Clerk, $"/api/v1/units/{f.CellId}/plans/2024/practice");
        Assert.Equal(3, p.GetProperty("heldOnTime").GetInt32());
        Assert.Equal(1, p.GetProperty("heldLate").GetInt32());
        Assert.Equal(1, p.GetProperty("notHeld").GetInt32());
        Assert.Equal(1, p.GetProperty("unplanned").GetInt32());
        var lines = p.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal("NotHeld", lines.Single(l => l.GetProperty("title").GetString() == "Dân vận khéo").GetProperty("result").GetString());
        Assert.Equal("HeldLate", lines.Single(l => l.GetProperty("title").GetString() == "Học tập và làm theo Bác").GetProperty("result").GetString());
        Assert.Equal("2024-11-15", lines.Single(l => l.GetProperty("result").GetString() == "Unplanned").GetProperty("meetingDate").GetString());
    }
}

public abstract class PlanPageTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task TheSecretaryDraftsAndSubmitsOnThePageTheOfficeReturnsApprovesAndSendsTheSchedule()
    {
        App.Clock.Now = new DateTimeOffset(2029, 1, 10, 9, 0, 0, TimeSpan.FromHours(7));
        var cell = await UnitId("LC-BL-NK");
        var commune = await UnitId("LC-BL");
        var secretary = await App.PagesAs("bithu.nakhum");
        var api = await App.ApiAs("bithu.nakhum");
        var topics = (await Get(api, "/api/v1/topics")).EnumerateArray().Select(t => t.GetProperty("id").GetInt32().ToString()).ToList();
        var url = $"/Cells/{cell}/Plans/2029";
        async Task<HttpResponseMessage> Post(HttpClient c, string handler, List<KeyValuePair<string, string>> form)
        {
            var html = await c.GetStringAsync(url);
            form.Add(new("__RequestVerificationToken", Forms.AntiforgeryToken(html)));
            return await c.PostAsync(url + "?handler=" + handler, new FormUrlEncodedContent(form));
        }
        var rows = new List<KeyValuePair<string, string>>();
        for (var q = 1; q <= 4; q++)
            rows.AddRange([new("quarter", q.ToString()), new("month", ""), new("topicId", topics[q]), new("title", $"Chuyên đề quý {q}"), new("preparerId", "")]);
        rows.AddRange([new("quarter", "1"), new("month", ""), new("topicId", ""), new("title", ""), new("preparerId", "")]);   // a blank row is ignored
        var saved = await Post(secretary, "Save", rows);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Đã lưu dự thảo kế hoạch.", await secretary.GetStringAsync(saved.Headers.Location!.OriginalString));
        var plan = await Get(api, $"/api/v1/units/{cell}/plans/2029");
        Assert.Equal(4, plan.GetProperty("items").GetArrayLength());
        // The office may help draft, but the button that sends it is the cell's; posted anyway, it is refused.
        var office = await App.PagesAs("vp.binhlu");
        var officeView = await office.GetStringAsync(url);
        Assert.Contains("Lưu dự thảo", officeView);
        Assert.DoesNotContain("Gửi kế hoạch lên cấp ủy</button>", officeView);
        var officeSubmit = await Post(office, "Submit", [new("version", plan.GetProperty("version").GetInt32().ToString())]);
        Assert.Contains("/Account/AccessDenied", officeSubmit.Headers.Location?.OriginalString);
        Assert.Equal("Draft", (await Get(api, $"/api/v1/units/{cell}/plans/2029")).GetProperty("status").GetString());
        // A form field cannot swap the cell the address names (the declaration checks the address): another cell's plan is untouched.
        var other = await UnitId("LC-BL-BL");
        var swapped = await Post(secretary, "Save", [.. rows.Where(kv => kv.Key != "__RequestVerificationToken"), new("cellId", other.ToString()), new("version", Version(plan).ToString())]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, swapped.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await (await App.ApiAs("vp.binhlu")).GetAsync($"/api/v1/units/{other}/plans/2029")).StatusCode);
        var submitted = await Post(secretary, "Submit", [new("version", (await Get(api, $"/api/v1/units/{cell}/plans/2029")).GetProperty("version").GetInt32().ToString())]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, submitted.StatusCode);

        Assert.Contains("Phê duyệt", await office.GetStringAsync(url));
        Assert.DoesNotContain("Trả lại để sửa", await secretary.GetStringAsync(url));
        var current = await Get(api, $"/api/v1/units/{cell}/plans/2029");
        var (planId, version) = (Id(current), Version(current).ToString());
        // The province skips the commune: refused on the page as on the API, and the plan is still waiting.
        var province = await App.PagesAs("btc.tinh");
        var byProvince = await Post(province, $"Review&planId={planId}", [new("version", version), new("approve", "true"), new("comment", "")]);
        Assert.Contains("/Account/AccessDenied", byProvince.Headers.Location?.OriginalString);
        Assert.Equal("Submitted", (await Get(api, $"/api/v1/units/{cell}/plans/2029")).GetProperty("status").GetString());
        var bare = await Post(office, $"Review&planId={planId}", [new("version", version), new("approve", "false"), new("comment", "")]);
        Assert.Contains("Ghi ý kiến khi trả lại kế hoạch", await bare.Content.ReadAsStringAsync());
        var approved = await Post(office, $"Review&planId={planId}", [new("version", version), new("approve", "true"), new("comment", "Nhất trí")]);
        Assert.Contains("Đã phê duyệt kế hoạch.", await office.GetStringAsync(approved.Headers.Location!.OriginalString));
        var overview = await office.GetStringAsync($"/Units/{commune}/Plans?year=2029");
        Assert.Contains("Đúng hạn (10/01/2029)", overview);

        // The commune office sends January's schedule from its page.
        var scheduleUrl = $"/Units/{commune}/Schedule?year=2029&month=1";
        var page = await office.GetStringAsync(scheduleUrl);
        Assert.Contains("Chi bộ chưa có lịch sinh hoạt", page);
        var sent = await office.PostAsync(scheduleUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(page), ["year"] = "2029", ["month"] = "1", ["note"] = "Chương trình công tác tháng 1",
        }));
        Assert.Contains("Đã gửi lịch sinh hoạt.", await office.GetStringAsync(sent.Headers.Location!.OriginalString));

        // Sending is the grassroots committee's own step: the province does not send Bình Lư's schedule, and none more is recorded.
        var byProvince2 = await (await App.ApiAs("btc.tinh")).PostAsJsonAsync($"/api/v1/units/{commune}/schedules/2029/1/send", new { note = "Tỉnh gửi thay" });
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, byProvince2.StatusCode);
        var view = await Get(await App.ApiAs("vp.binhlu"), $"/api/v1/units/{commune}/schedules/2029/1");
        Assert.Equal(1, view.GetProperty("sent").GetArrayLength());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await (await App.ApiAs("bithu.muongso")).GetAsync($"/api/v1/units/{commune}/schedules/2029/1")).StatusCode);

        // Values no clerk could mean are refused naming them, on the API and on the pages, never a 500.
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await (await App.ApiAs("vp.binhlu")).GetAsync($"/api/v1/units/{commune}/schedules/2026/13")).StatusCode);
        foreach (var bad in new[] { $"/Units/{commune}/Schedule?year=2026&month=13", $"/Cells/{cell}/Plans/0", $"/Units/{commune}/Plans?year=10000", $"/Units/{commune}/Appraisals?year=0" })
        {
            var res = await office.GetAsync(bad);
            Assert.True(res.StatusCode == System.Net.HttpStatusCode.BadRequest, $"{bad}: {(int)res.StatusCode}");
            Assert.Contains(bad.Contains("month") ? "Tháng 13 không hợp lệ" : "nằm ngoài khoảng cho phép", await res.Content.ReadAsStringAsync());
        }
    }
}

public sealed class PlanPageTestsSqlite(SqliteApp app) : PlanPageTests(app), IClassFixture<SqliteApp>;
public sealed class PlanPageTestsPostgres(PostgresApp app) : PlanPageTests(app), IClassFixture<PostgresApp>;

public sealed class PlanTestsSqlite(SqliteApp app) : PlanTests(app), IClassFixture<SqliteApp>;
public sealed class PlanTestsPostgres(PostgresApp app) : PlanTests(app), IClassFixture<PostgresApp>;
