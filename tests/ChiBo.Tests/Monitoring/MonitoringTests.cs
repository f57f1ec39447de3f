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
        var province = await App.ApiAs("btc.tinh");
        var outsider = await App.ApiAs("bithu.muongso");
        var nakhum = await UnitId("LC-BL-NK");
        var commune = await UnitId("LC-BL");
        var name = "Tổ thử số " + covered.CellId;

        // The commune's office forms the group and gives it two cells; the province does not form Bình Lư's groups for it.
        var form = new { ownerUnitId = commune, name, leaderUserName = "totruong.binhlu", from = "2024-01-01", memberUserNames = new[] { "theodoi.binhlu" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await province.PostAsJsonAsync("/api/v1/monitoring/groups", form)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync("/api/v1/monitoring/groups", form)).StatusCode);
        Assert.DoesNotContain((await Get(covered.Clerk, "/api/v1/monitoring/groups")).EnumerateArray(), g => g.GetProperty("name").GetString() == name);
        var noLeader = await covered.Clerk.PostAsJsonAsync("/api/v1/monitoring/groups", new { ownerUnitId = commune, name });
        Assert.Equal(HttpStatusCode.BadRequest, noLeader.StatusCode);
        Assert.Contains("leaderUserName", await noLeader.Content.ReadAsStringAsync());
        var group = await Ok(await covered.Clerk.PostAsJsonAsync("/api/v1/monitoring/groups", form));
        var gid = Id(group);
        await Ok(await covered.Clerk.PostAsJsonAsync($"/api/v1/monitoring/groups/{gid}/coverage", new { unitId = covered.CellId, from = "2024-01-01" }));
        group = await Ok(await covered.Clerk.PostAsJsonAsync($"/api/v1/monitoring/groups/{gid}/coverage", new { unitId = nakhum, from = "2024-01-01" }));
        Assert.Equal(2, group.GetProperty("coverage").GetArrayLength());
        // Coverage is the owner's staff's, of units inside the owner's subtree only; the members and the province cannot add any.
        foreach (var notOwner in new[] { member, leader, province })
            Assert.Equal(HttpStatusCode.Forbidden, (await notOwner.PostAsJsonAsync($"/api/v1/monitoring/groups/{gid}/coverage", new { unitId = other.CellId, from = "2024-01-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await covered.Clerk.PostAsJsonAsync($"/api/v1/monitoring/groups/{gid}/coverage", new { unitId = await UnitId("LC-MS-MS"), from = "2024-01-01" })).StatusCode);
        var itself = await covered.Clerk.PostAsJsonAsync($"/api/v1/monitoring/groups/{gid}/coverage", new { unitId = commune, from = "2024-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, itself.StatusCode);
        Assert.Contains("Tổ chỉ phụ trách tổ chức đảng trực thuộc cấp ủy lập tổ.", await itself.Content.ReadAsStringAsync());
        Assert.Equal(2, (await Get(covered.Clerk, $"/api/v1/monitoring/groups/{gid}")).GetProperty("coverage").GetArrayLength());
        // Only the group's members and the staff who see its owner know it exists (a secretary of a covered cell is neither).
        foreach (var stranger in new[] { outsider, await App.ApiAs("bithu.nakhum") })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/monitoring/groups/{gid}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/monitoring/groups/{gid}/coverage-report")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/monitoring/groups/{gid}/schedule?year=2024&month=3")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync($"/api/v1/monitoring/groups/{gid}")).StatusCode);

        // Two meetings in March 2024: one in a covered cell (its secretary proposes and records the cell's vote), one not.
        var m = await covered.HoldAsync("2024-03-03", covered.Official.Take(5));
        var manual = new Dictionary<string, decimal> { ["CB3"] = 5, ["TH1"] = 5, ["TH4"] = 9, ["TH5"] = 9 };
        await Ok(await covered.Secretary.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/rating/propose", new { scores = manual }));
        await Ok(await covered.Secretary.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/rating/vote", new { votesFor = 8, votesAgainst = 0 }));
        var outside = await other.HoldAsync("2024-03-03", other.Official.Take(5));

        // The month's schedule: the covered cell's meeting, and Nà Khum with nothing planned.
        var schedule = await Get(leader, $"/api/v1/monitoring/groups/{gid}/schedule?year=2024&month=3");
        Assert.Contains(schedule.EnumerateArray(), l => l.GetProperty("meetingId").ValueKind == JsonValueKind.Number && l.GetProperty("meetingId").GetInt32() == Id(m));
        Assert.Contains(schedule.EnumerateArray(), l => l.GetProperty("cellId").GetInt32() == nakhum && l.GetProperty("meetingId").ValueKind == JsonValueKind.Null);
        Assert.DoesNotContain(schedule.EnumerateArray(), l => l.GetProperty("cellId").GetInt32() == other.CellId);

        // Only the leader (or the owner's staff) assigns, only meetings of covered cells: the leader does not even see the other cell.
        foreach (var wrongWho in new[] { member, province })
            Assert.Equal(HttpStatusCode.Forbidden, (await wrongWho.PostAsJsonAsync($"/api/v1/monitoring/groups/{gid}/assignments", new { meetingId = Id(m), userName = "theodoi.binhlu" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.PostAsJsonAsync($"/api/v1/monitoring/groups/{gid}/assignments", new { meetingId = Id(outside), userName = "theodoi.binhlu" })).StatusCode);
        var wrong = await covered.Clerk.PostAsJsonAsync($"/api/v1/monitoring/groups/{gid}/assignments", new { meetingId = Id(outside), userName = "theodoi.binhlu" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Tổ không phụ trách chi bộ này", await wrong.Content.ReadAsStringAsync());
        Assert.Empty((await Get(leader, $"/api/v1/monitoring/groups/{gid}/schedule?year=2024&month=3")).EnumerateArray().SelectMany(l => l.GetProperty("assigned").EnumerateArray()));
        await Ok(await leader.PostAsJsonAsync($"/api/v1/monitoring/groups/{gid}/assignments", new { meetingId = Id(m), userName = "theodoi.binhlu" }));
        var mine = await Get(member, "/api/v1/monitoring/assignments");
        Assert.Contains(mine.EnumerateArray(), a => a.GetProperty("meetingId").GetInt32() == Id(m));
        Assert.Single((await Get(member, $"/api/v1/monitoring/assignments?groupId={gid}")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/monitoring/assignments?groupId={gid}")).StatusCode);

        // The member cannot record a visit to a cell the group does not cover (a monitoring-only account does not even see it), nor
        // can committee staff record a group's visit; the member records the covered one and confirms its rating.
        covered.At(2024, 3, 4);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PutAsJsonAsync($"/api/v1/meetings/{Id(outside)}/visit", new { attended = true, guidance = "x" })).StatusCode);
        var byStaff = await covered.Clerk.PutAsJsonAsync($"/api/v1/meetings/{Id(m)}/visit", new { attended = true, guidance = "x", confirmRating = true });
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Contains("Tổ theo dõi", await byStaff.Content.ReadAsStringAsync());
        Assert.Equal("Voted", (await covered.Get(Id(m))).GetProperty("rating").GetProperty("status").GetString());
        Assert.DoesNotContain((await Get(member, "/api/v1/monitoring/assignments")).EnumerateArray(), a => a.GetProperty("meetingId").GetInt32() == Id(outside));
        var visit = await Ok(await member.PutAsJsonAsync($"/api/v1/meetings/{Id(m)}/visit", new
        {
            attended = true, observationConduct = "Nhiều đảng viên phát biểu, tự phê bình thẳng thắn.", guidance = "Nghị quyết cần giao việc cụ thể.", confirmRating = true,
        }));
        Assert.True(visit.GetProperty("ratingConfirmed").GetBoolean());
        var rating = (await covered.Get(Id(m))).GetProperty("rating");
        Assert.Equal("Confirmed", rating.GetProperty("status").GetString());
        Assert.Equal("theodoi.binhlu", rating.GetProperty("confirmedBy").GetString());

        // Coverage for the year: two cells, one visited once by Lò Văn Quyết, Nà Khum never. A period that ends before it starts is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.GetAsync($"/api/v1/monitoring/groups/{gid}/coverage-report?from=2025-01-01&to=2024-01-01")).StatusCode);
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
        foreach (var notLeader in new[] { member, covered.Clerk })
            Assert.Equal(HttpStatusCode.Forbidden, (await notLeader.PostAsJsonAsync(url + "/draft", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync(url + "/draft", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(url)).StatusCode);   // nothing was drafted
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.PostAsJsonAsync($"/api/v1/monitoring/groups/{gid}/reports/2024/5/draft", new { })).StatusCode);
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
        // The group and the owner's staff read it; nobody else.
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await covered.Clerk.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url + "/docx")).StatusCode);
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
        async Task<HttpResponseMessage> Cover(string unitCode) => await office.PostAsync($"/Monitoring?handler=Cover&group={group}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(page), ["unitCode"] = unitCode, ["from"] = "01/01/2026",
        }));
        var covered = await Cover("LC-BL-UB");
        page = await office.GetStringAsync(covered.Headers.Location!.OriginalString);
        Assert.Contains("Phụ trách: Chi bộ Cơ quan Ủy ban nhân dân xã Bình Lư (từ 01/01/2026)", page);
        // A unit outside the account's scope is answered as unknown; the committee itself is not a unit the group covers.
        Assert.Contains("Không có đơn vị mã “LC-MS-MS” trong phạm vi của tài khoản.", await (await Cover("LC-MS-MS")).Content.ReadAsStringAsync());
        Assert.Contains("Tổ chỉ phụ trách tổ chức đảng trực thuộc cấp ủy lập tổ.", await (await Cover("LC-BL")).Content.ReadAsStringAsync());

        // The group's member (a monitoring-only account) lands on the group's page and sees the covered cell, not the commune.
        var watcher = await App.PagesAs("theodoi.binhlu");
        var home = await watcher.GetAsync("/");
        Assert.Equal("/Monitoring", home.Headers.Location?.OriginalString);
        var mine = await watcher.GetStringAsync($"/Monitoring?group={group}");
        Assert.Contains("Tổ số 2", mine);
        Assert.DoesNotContain("Giao phụ trách thêm", mine);
        Assert.Equal(HttpStatusCode.NotFound, (await watcher.GetAsync($"/Units/{await UnitId("LC-BL")}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await watcher.GetAsync($"/Units/{await UnitId("LC-BL-UB")}")).StatusCode);
        // Another account's group is not found; a month or a period that cannot exist is refused naming it.
        var stranger = await App.PagesAs("bithu.muongso");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Monitoring?group={group}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Monitoring/Reports/{group}/2026/HalfYear")).StatusCode);
        var month13 = await watcher.GetAsync($"/Monitoring?group={group}&month=13");
        Assert.Equal(HttpStatusCode.BadRequest, month13.StatusCode);
        Assert.Contains("Tháng 13 không hợp lệ", await month13.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await watcher.GetAsync($"/Monitoring/Reports/{group}/2026/5")).StatusCode);
        // The report page: the leader drafts it; the member reads, and a posted draft from the member is refused.
        var reportUrl = $"/Monitoring/Reports/{group}/2026/HalfYear";
        var byMember = await watcher.PostAsync(reportUrl + "?handler=Draft", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(await watcher.GetStringAsync(reportUrl)),
        }));
        Assert.Contains("/Account/AccessDenied", byMember.Headers.Location?.OriginalString);
        var leader = await App.PagesAs("totruong.binhlu");
        var drafted = await leader.PostAsync(reportUrl + "?handler=Draft", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(await leader.GetStringAsync(reportUrl)),
        }));
        Assert.Contains("Đã soạn dự thảo từ số liệu.", await leader.GetStringAsync(drafted.Headers.Location!.OriginalString));
        // A hand-made post without the form's version is refused naming it, and nothing is sent.
        var noVersion = await leader.PostAsync(reportUrl + "?handler=Submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(await leader.GetStringAsync(reportUrl)),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.Contains("Thiếu phiên bản", await noVersion.Content.ReadAsStringAsync());
        Assert.Contains("Dự thảo", await leader.GetStringAsync(reportUrl));

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
