using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;
using ChiBo.Tests.Meetings;
using static ChiBo.Tests.Meetings.MeetingFlow;

namespace ChiBo.Tests.Monitoring;

public abstract class MonitoringTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task AGroupVisitsOnlyTheCellsItCoversAndCoverageCountsTheVisits()
    {
        var covered = await CreateAsync(App);
        var other = await CreateAsync(App);
        var leader = await App.ApiAs("totruong.binhlu");
        var member = await App.ApiAs("theodoi.binhlu");
        var nakhum = await UnitId("LC-BL-NK");
        var commune = await UnitId("LC-BL");

        // The commune's office forms the group and gives it two cells.
        var group = await Ok(await covered.Clerk.PostAsJsonAsync("/api/v1/monitoring/groups", new
        {
            ownerUnitId = commune, name = "Tổ thử số " + covered.CellId, leaderUserName = "totruong.binhlu", from = "2024-01-01", memberUserNames = new[] { "theodoi.binhlu" },
        }));
        var gid = Id(group);
        await Ok(await covered.Clerk.PostAsJsonAsync($"/api/v1/monitoring/groups/{gid}/coverage", new { unitId = covered.CellId, from = "2024-01-01" }));
        group = await Ok(await covered.Clerk.PostAsJsonAsync($"/api/v1/monitoring/groups/{gid}/coverage", new { unitId = nakhum, from = "2024-01-01" }));
        Assert.Equal(2, group.GetProperty("coverage").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/v1/monitoring/groups/{gid}/coverage", new { unitId = other.CellId, from = "2024-01-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.ApiAs("bithu.muongso")).GetAsync($"/api/v1/monitoring/groups/{gid}")).StatusCode);

        // Two meetings in March 2024: one in a covered cell, one not.
        var m = await covered.HoldAsync("2024-03-03", covered.Official.Take(5));
        var manual = new Dictionary<string, decimal> { ["CB3"] = 5, ["TH1"] = 5, ["TH4"] = 9, ["TH5"] = 9 };
        await Ok(await covered.Clerk.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/rating/propose", new { scores = manual }));
        await Ok(await covered.Clerk.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/rating/vote", new { votesFor = 8, votesAgainst = 0 }));
        var outside = await other.HoldAsync("2024-03-03", other.Official.Take(5));

        // The month's schedule: the covered cell's meeting, and Nà Khum with nothing planned.
        var schedule = await Get(leader, $"/api/v1/monitoring/groups/{gid}/schedule?year=2024&month=3");
        Assert.Contains(schedule.EnumerateArray(), l => l.GetProperty("meetingId").ValueKind == JsonValueKind.Number && l.GetProperty("meetingId").GetInt32() == Id(m));
        Assert.Contains(schedule.EnumerateArray(), l => l.GetProperty("cellId").GetInt32() == nakhum && l.GetProperty("meetingId").ValueKind == JsonValueKind.Null);
        Assert.DoesNotContain(schedule.EnumerateArray(), l => l.GetProperty("cellId").GetInt32() == other.CellId);

        // Only the leader assigns, only to covered cells.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/v1/monitoring/groups/{gid}/assignments", new { meetingId = Id(m), userName = "theodoi.binhlu" })).StatusCode);
        var wrong = await leader.PostAsJsonAsync($"/api/v1/monitoring/groups/{gid}/assignments", new { meetingId = Id(outside), userName = "theodoi.binhlu" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Tổ không phụ trách chi bộ này", await wrong.Content.ReadAsStringAsync());
        await Ok(await leader.PostAsJsonAsync($"/api/v1/monitoring/groups/{gid}/assignments", new { meetingId = Id(m), userName = "theodoi.binhlu" }));
        var mine = await Get(member, "/api/v1/monitoring/assignments");
        Assert.Contains(mine.EnumerateArray(), a => a.GetProperty("meetingId").GetInt32() == Id(m));

        // The member cannot record a visit to a cell the group does not cover; records the covered one and confirms its rating.
        covered.At(2024, 3, 4);
        var refused = await member.PutAsJsonAsync($"/api/v1/meetings/{Id(outside)}/visit", new { attended = true, guidance = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("không phụ trách chi bộ này", await refused.Content.ReadAsStringAsync());
        var visit = await Ok(await member.PutAsJsonAsync($"/api/v1/meetings/{Id(m)}/visit", new
        {
            attended = true, observationConduct = "Nhiều đảng viên phát biểu, tự phê bình thẳng thắn.", guidance = "Nghị quyết cần giao việc cụ thể.", confirmRating = true,
        }));
        Assert.True(visit.GetProperty("ratingConfirmed").GetBoolean());
        var rating = (await covered.Get(Id(m))).GetProperty("rating");
        Assert.Equal("Confirmed", rating.GetProperty("status").GetString());
        Assert.Equal("theodoi.binhlu", rating.GetProperty("confirmedBy").GetString());

        // Coverage for the year: two cells, one visited once by Lò Văn Quyết, Nà Khum never.
        var report = await Get(leader, $"/api/v1/monitoring/groups/{gid}/coverage-report?from=2024-01-01&to=2025-01-01");
        Assert.Equal(2, report.GetProperty("cells").GetInt32());
        Assert.Equal(1, report.GetProperty("cellsVisited").GetInt32());
        Assert.Equal(1, report.GetProperty("visitsMade").GetInt32());
        Assert.Equal(1, report.GetProperty("ratingsConfirmed").GetInt32());
        Assert.Equal(["Chi bộ bản Nà Khum"], report.GetProperty("neverVisited").EnumerateArray().Select(x => x.GetString()!).ToArray());
        var line = report.GetProperty("perCell").EnumerateArray().Single(c => c.GetProperty("cellId").GetInt32() == covered.CellId);
        Assert.Equal("Lò Văn Quyết", Assert.Single(line.GetProperty("visitors").EnumerateArray()).GetString());

        // The leader's six-month report is drafted from these records, edited, submitted, exported.
        var url = $"/api/v1/monitoring/groups/{gid}/reports/2024/HalfYear";
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync(url + "/draft", new { })).StatusCode);
        var draft = await Ok(await leader.PostAsJsonAsync(url + "/draft", new { }));
        var body = draft.GetProperty("body").GetString()!;
        Assert.Contains("dự 1/1 buổi (Lò Văn Quyết)", body);
        Assert.Contains("Chi bộ bản Nà Khum: chưa lần nào được dự", body);
        Assert.Contains("Nghị quyết cần giao việc cụ thể.", body);
        Assert.Contains("xác nhận xếp loại 1 buổi", body);
        Assert.Equal("2024-06-20", draft.GetProperty("due").GetString());
        var edited = await Ok(await leader.PutAsJsonAsync(url, new { body = body + "\n- Đề nghị Đảng ủy xã bố trí thêm thành viên cho tổ.", version = Version(draft) }));
        Assert.Equal(HttpStatusCode.Conflict, (await leader.PutAsJsonAsync(url, new { body = "bản cũ", version = Version(draft) })).StatusCode);
        var submitted = await Ok(await leader.PostAsJsonAsync(url + "/submit", new { version = Version(edited) }));
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await leader.PutAsJsonAsync(url, new { body = "sửa sau khi gửi", version = Version(submitted) })).StatusCode);
        var docx = await leader.GetAsync(url + "/docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        Assert.True(bytes[0] == (byte)'P' && bytes[1] == (byte)'K');
    }
}

public abstract class MonitoringPageTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task TheCommuneOfficeFormsAGroupAndGivesItACellOnThePage()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var office = await App.PagesAs("vp.binhlu");
        var html = await office.GetStringAsync("/Monitoring");
        var created = await office.PostAsync("/Monitoring?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(html), ["name"] = "Tổ số 2", ["leaderUserName"] = "totruong.binhlu",
            ["memberUserNames"] = "theodoi.binhlu", ["from"] = "01/01/2026",
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var groupUrl = created.Headers.Location!.OriginalString;
        var page = await office.GetStringAsync(groupUrl);
        Assert.Contains("Đã lập tổ.", page);
        var group = groupUrl.Split("group=")[1].Split('&')[0];
        var covered = await office.PostAsync("/Monitoring?handler=Cover", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(page), ["group"] = group, ["unitCode"] = "LC-BL-UB", ["from"] = "01/01/2026",
        }));
        page = await office.GetStringAsync(covered.Headers.Location!.OriginalString);
        Assert.Contains("Phụ trách: Chi bộ Cơ quan Ủy ban nhân dân xã Bình Lư (từ 01/01/2026)", page);
        var outside = await office.PostAsync("/Monitoring?handler=Cover", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(page), ["group"] = group, ["unitCode"] = "LC-MS-MS", ["from"] = "01/01/2026",
        }));
        Assert.Contains("Tổ chỉ phụ trách tổ chức đảng trực thuộc cấp ủy lập tổ.", await outside.Content.ReadAsStringAsync());

        var secretary = await App.PagesAs("bithu.nakhum");
        var refused = await secretary.PostAsync("/Monitoring?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(await secretary.GetStringAsync("/Monitoring")), ["name"] = "x", ["leaderUserName"] = "bithu.nakhum", ["from"] = "01/01/2026",
        }));
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.OriginalString);
    }
}

public sealed class MonitoringPageTestsSqlite(SqliteApp app) : MonitoringPageTests(app), IClassFixture<SqliteApp>;
public sealed class MonitoringPageTestsPostgres(PostgresApp app) : MonitoringPageTests(app), IClassFixture<PostgresApp>;

public sealed class MonitoringTestsSqlite(SqliteApp app) : MonitoringTests(app), IClassFixture<SqliteApp>;
public sealed class MonitoringTestsPostgres(PostgresApp app) : MonitoringTests(app), IClassFixture<PostgresApp>;
