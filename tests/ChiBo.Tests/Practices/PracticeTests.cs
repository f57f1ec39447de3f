using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;
using static ChiBo.Tests.Meetings.MeetingFlow;

namespace ChiBo.Tests.Practices;

/// <summary>
/// Good practices through the API on the demo year: a committee records one from a cell with evidence from that cell's
/// minutes, publishes it to its subtree, a cell adopts it, and the spread shows where it went. Refusals for cells and outsiders.
/// </summary>
public abstract class PracticeTests(ChiBoApp app) : AppTest(app)
{
    const string DemoTitle = "Gửi dự thảo nghị quyết trước cho đảng viên qua nhóm Zalo của chi bộ";

    void Today() => App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));

    /// <summary>An adopted meeting of the cell with an agenda item that has a conclusion.</summary>
    async Task<(int MeetingId, int ItemId, string Conclusion)> ConclusionOf(HttpClient client, int cellId)
    {
        var list = await Get(client, $"/api/v1/units/{cellId}/meetings?year=2026");
        var id = list.EnumerateArray().First(m => m.GetProperty("status").GetString() == "Adopted" && m.GetProperty("kind").GetString() != "Committee").GetProperty("id").GetInt32();
        var meeting = await Get(client, $"/api/v1/meetings/{id}");
        var item = meeting.GetProperty("minutes").GetProperty("agenda").EnumerateArray().First(a => a.GetProperty("conclusion").ValueKind == JsonValueKind.String);
        return (id, item.GetProperty("id").GetInt32(), item.GetProperty("conclusion").GetString()!);
    }

    async Task<JsonElement> DemoPractice(HttpClient client, int unitId)
    {
        var list = await Get(client, $"/api/v1/units/{unitId}/practices");
        return list.GetProperty("publishedTo").EnumerateArray().Concat(list.GetProperty("recordedHere").EnumerateArray())
            .First(p => p.GetProperty("title").GetString() == DemoTitle);
    }

    [Fact]
    public async Task ACommitteeRecordsAPracticeWithEvidencePublishesItACellAdoptsItAndTheSpreadShowsWhere()
    {
        Today();
        var clerk = await App.ApiAs("vp.binhlu");
        var secretary = await App.ApiAs("bithu.nakhum");
        var board = await App.ApiAs("btc.tinh");
        var (province, commune, source, nakhum, agency) = (await UnitId("LC"), await UnitId("LC-BL"), await UnitId("LC-BL-BL"), await UnitId("LC-BL-NK"), await UnitId("LC-BL-UB"));

        var p = await Ok(await clerk.PostAsJsonAsync($"/api/v1/units/{commune}/practices", new
        {
            sourceCellId = source, title = "Mỗi đảng viên đăng ký một việc làm theo gương Bác, báo cáo cuối quý", summary = "Chi ủy kiểm tra việc làm đã đăng ký vào cuối quý.",
        }));
        Assert.Equal("Draft", p.GetProperty("status").GetString());
        var id = Id(p);
        // A draft is the committee's own: the cells do not see it.
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/practices/{id}")).StatusCode);

        var (meetingId, itemId, conclusion) = await ConclusionOf(clerk, source);
        p = await Ok(await clerk.PostAsJsonAsync($"/api/v1/practices/{id}/evidence", new { version = Version(p), meetingId, agendaItemId = itemId }));
        Assert.Equal(conclusion, p.GetProperty("evidence")[0].GetProperty("excerpt").GetString());
        Assert.Equal(meetingId, p.GetProperty("evidence")[0].GetProperty("meetingId").GetInt32());
        // A meeting of another cell is not evidence for this one; a stale version is refused.
        var (otherMeeting, otherItem, _) = await ConclusionOf(clerk, nakhum);
        var wrong = await clerk.PostAsJsonAsync($"/api/v1/practices/{id}/evidence", new { version = Version(p), meetingId = otherMeeting, agendaItemId = otherItem });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("meetingId", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"/api/v1/practices/{id}/publish", new { version = Version(p) - 1 })).StatusCode);

        var figures = await Get(clerk, $"/api/v1/practices/{id}/figures-from-records?from=2025-12-01&to=2026-10-31");
        Assert.Contains(figures.EnumerateArray(), f => f.GetProperty("label").GetString()!.StartsWith("Số buổi sinh hoạt thường kỳ") && f.GetProperty("value").GetString() != "0");
        p = await Ok(await clerk.PutAsJsonAsync($"/api/v1/practices/{id}", new { version = Version(p), title = p.GetProperty("title").GetString(), summary = p.GetProperty("summary").GetString(), figures }));
        Assert.Equal(figures.GetArrayLength(), p.GetProperty("figures").GetArrayLength());
        p = await Ok(await clerk.PostAsJsonAsync($"/api/v1/practices/{id}/publish", new { version = Version(p) }));
        Assert.Equal("Published", p.GetProperty("status").GetString());

        // Nà Khum's secretary now sees it, adopts it for the cell once, and only for the cell.
        var mine = await Get(secretary, $"/api/v1/units/{nakhum}/practices");
        Assert.Contains(mine.GetProperty("publishedTo").EnumerateArray(), x => Id(x) == id && x.GetProperty("adoptedOn").ValueKind == JsonValueKind.Null);
        // Another cell is not the secretary's to speak for: outside its scope, it is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostAsJsonAsync($"/api/v1/practices/{id}/adoptions", new { cellId = agency })).StatusCode);
        var future = await secretary.PostAsJsonAsync($"/api/v1/practices/{id}/adoptions", new { cellId = nakhum, adoptedOn = "2026-12-01" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("adoptedOn", await future.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, (await secretary.PostAsJsonAsync($"/api/v1/practices/{id}/adoptions", new { cellId = nakhum, adoptedOn = "2026-11-20", note = "Từ kỳ tháng 12." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostAsJsonAsync($"/api/v1/practices/{id}/adoptions", new { cellId = nakhum })).StatusCode);
        mine = await Get(secretary, $"/api/v1/units/{nakhum}/practices");
        Assert.Contains(mine.GetProperty("publishedTo").EnumerateArray(), x => Id(x) == id && x.GetProperty("adoptedOn").GetString() == "2026-11-20");

        // Spread at the commune: one row per cell, the source left out, Nà Khum adopted.
        var atCommune = await Get(clerk, $"/api/v1/units/{commune}/practice-spread?practiceId={id}");
        var rows = atCommune.GetProperty("rows").EnumerateArray().ToList();
        Assert.DoesNotContain(rows, r => r.GetProperty("unitId").GetInt32() == source);
        var nk = rows.Single(r => r.GetProperty("unitId").GetInt32() == nakhum);
        Assert.Equal(1, nk.GetProperty("adopted").GetInt32());
        Assert.Equal("2026-11-20", nk.GetProperty("adoptedOn").GetString());
        Assert.Equal(1, atCommune.GetProperty("adopted").GetInt32());
        Assert.Equal(rows.Count, atCommune.GetProperty("cells").GetInt32());
        Assert.Equal(0m, rows[0].GetProperty("rate").GetDecimal());   // worst first

        // Spread at the province: only the commune's row, with the commune's counts; other communes were not published to.
        var atProvince = await Get(board, $"/api/v1/units/{province}/practice-spread?practiceId={id}");
        var only = Assert.Single(atProvince.GetProperty("rows").EnumerateArray());
        Assert.Equal(commune, only.GetProperty("unitId").GetInt32());
        Assert.Equal(rows.Count, only.GetProperty("cells").GetInt32());
        Assert.Equal(1, only.GetProperty("adopted").GetInt32());
        // All practices at the province: this one and the demo's, each with its counts.
        var all = await Get(board, $"/api/v1/units/{province}/practice-spread");
        Assert.Contains(all.GetProperty("practices").EnumerateArray(), x => Id(x) == id && x.GetProperty("adopted").GetInt32() == 1);
    }

    [Fact]
    public async Task OnlyCommitteeStaffAboveTheCellRecordsAndPublishesAndBadInputNamesTheField()
    {
        Today();
        var clerk = await App.ApiAs("vp.binhlu");
        var secretary = await App.ApiAs("bithu.nakhum");
        var (commune, nakhum, muongSo, msCell) = (await UnitId("LC-BL"), await UnitId("LC-BL-NK"), await UnitId("LC-MS"), await UnitId("LC-MS-MS"));
        var body = new { sourceCellId = nakhum, title = "Bí thư chi bộ đến từng nhà đảng viên cao tuổi", summary = "Phổ biến nghị quyết tại nhà." };

        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostAsJsonAsync($"/api/v1/units/{commune}/practices", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync($"/api/v1/units/{nakhum}/practices", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.PostAsJsonAsync($"/api/v1/units/{muongSo}/practices", body with { sourceCellId = msCell })).StatusCode);

        var outside = await clerk.PostAsJsonAsync($"/api/v1/units/{commune}/practices", body with { sourceCellId = msCell });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        var problem = await outside.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Chi bộ có cách làm hay phải trực thuộc cấp ủy ghi nhận.", problem.GetProperty("errors").GetProperty("sourceCellId")[0].GetString());
        var untitled = await clerk.PostAsJsonAsync($"/api/v1/units/{commune}/practices", body with { title = " " });
        Assert.Equal("Nhập tên cách làm hay.", (await untitled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("title")[0].GetString());

        var p = await Ok(await clerk.PostAsJsonAsync($"/api/v1/units/{commune}/practices", body));
        // Nothing to show yet: no publishing without evidence; the cell cannot publish (it does not even see the draft).
        var bare = await clerk.PostAsJsonAsync($"/api/v1/practices/{Id(p)}/publish", new { version = Version(p) });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("minh chứng", await bare.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostAsJsonAsync($"/api/v1/practices/{Id(p)}/publish", new { version = Version(p) })).StatusCode);
        // A published practice is visible to the cell, but still not the cell's to edit or withdraw.
        var demo = await DemoPractice(secretary, nakhum);
        var full = await Get(secretary, $"/api/v1/practices/{Id(demo)}");
        Assert.False(full.GetProperty("canEdit").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync($"/api/v1/practices/{Id(demo)}/withdraw", new { version = Version(full), reason = "Thử." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PutAsJsonAsync($"/api/v1/practices/{Id(demo)}", new { version = Version(full), title = "Đổi tên", summary = "x" })).StatusCode);
    }

    [Fact]
    public async Task ACellOutsideTheCommitteeNeitherSeesNorAdoptsItsPracticeAndTheDemoEvidenceQuotesTheMinutes()
    {
        Today();
        var clerk = await App.ApiAs("vp.binhlu");
        var outsider = await App.ApiAs("bithu.muongso");
        var (commune, msCell) = (await UnitId("LC-BL"), await UnitId("LC-MS-MS"));
        var demo = await DemoPractice(clerk, commune);
        var id = Id(demo);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/practices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/practices/{id}/adoptions", new { cellId = msCell })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/units/{commune}/practices")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/units/{commune}/practice-spread?practiceId={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/units/{msCell}/practice-spread?practiceId={id}")).StatusCode);
        var own = await Get(outsider, $"/api/v1/units/{msCell}/practices");
        Assert.DoesNotContain(own.GetProperty("publishedTo").EnumerateArray(), x => Id(x) == id);
        // Committee staff cannot adopt for a cell outside the publishing committee either.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.ApiAs("btc.tinh")).PostAsJsonAsync($"/api/v1/practices/{id}/adoptions", new { cellId = msCell })).StatusCode);

        // The demo's evidence is word for word what the adopted minutes say.
        var full = await Get(clerk, $"/api/v1/practices/{id}");
        Assert.Equal(2, full.GetProperty("evidence").GetArrayLength());
        foreach (var e in full.GetProperty("evidence").EnumerateArray())
        {
            var minutes = (await Get(clerk, $"/api/v1/meetings/{e.GetProperty("meetingId").GetInt32()}")).GetProperty("minutes");
            var texts = minutes.GetProperty("agenda").EnumerateArray().SelectMany(a => a.GetProperty("remarks").EnumerateArray().Select(r => r.GetProperty("text").GetString())
                .Append(a.GetProperty("conclusion").ValueKind == JsonValueKind.String ? a.GetProperty("conclusion").GetString() : null)).ToList();
            Assert.Contains(e.GetProperty("excerpt").GetString(), texts);
        }
        Assert.True(full.GetProperty("adoptionCount").GetInt32() >= 2);
        Assert.NotEmpty(full.GetProperty("figures").EnumerateArray());
    }

    [Fact]
    public async Task OnlyTheRecordingCommitteesOwnStaffChangeAPracticeAndOnlyTheCellItselfAdoptsIt()
    {
        Today();
        var clerk = await App.ApiAs("vp.binhlu");
        var board = await App.ApiAs("btc.tinh");
        var admin = await App.ApiAs("admin");
        var (commune, source) = (await UnitId("LC-BL"), await UnitId("LC-BL-BL"));
        var body = new { sourceCellId = source, title = "Họp chi ủy mở rộng với trưởng bản trước mỗi kỳ sinh hoạt", summary = "Thống nhất nội dung trước." };

        // The province sees the commune's draft but does not write the commune's words, nor does the system administrator.
        Assert.Equal(HttpStatusCode.Forbidden, (await board.PostAsJsonAsync($"/api/v1/units/{commune}/practices", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync($"/api/v1/units/{commune}/practices", body)).StatusCode);
        var p = await Ok(await clerk.PostAsJsonAsync($"/api/v1/units/{commune}/practices", body));
        var id = Id(p);
        Assert.Equal(HttpStatusCode.OK, (await board.GetAsync($"/api/v1/practices/{id}")).StatusCode);
        var edit = await board.PutAsJsonAsync($"/api/v1/practices/{id}", new { version = Version(p), title = "Tỉnh sửa", summary = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Contains("chính cấp ủy ghi nhận", await edit.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync($"/api/v1/practices/{id}/publish", new { version = Version(p) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync($"/api/v1/practices/{id}/figures-from-records")).StatusCode);
        var after = await Get(clerk, $"/api/v1/practices/{id}");
        Assert.Equal(body.title, after.GetProperty("title").GetString());
        Assert.Equal("Draft", after.GetProperty("status").GetString());
        Assert.Equal(Version(p), Version(after));

        // A published practice is adopted by the cell's own secretary; the commune cannot declare it for the cell.
        var demo = await DemoPractice(clerk, commune);
        var agency = await UnitId("LC-BL-UB");
        var refused = await clerk.PostAsJsonAsync($"/api/v1/practices/{Id(demo)}/adoptions", new { cellId = agency });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("chính đơn vị", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await board.PostAsJsonAsync($"/api/v1/practices/{Id(demo)}/adoptions", new { cellId = agency })).StatusCode);
        var theirs = await Get(clerk, $"/api/v1/units/{agency}/practices");
        Assert.Contains(theirs.GetProperty("publishedTo").EnumerateArray(), x => Id(x) == Id(demo) && x.GetProperty("adoptedOn").ValueKind == JsonValueKind.Null);
        // Undoing a cell's adoption is the cell's too; a missing cell id is bad input, not a 500.
        var bl = await UnitId("LC-BL-BL");
        var count = (await Get(clerk, $"/api/v1/practices/{Id(demo)}")).GetProperty("adoptionCount").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.DeleteAsync($"/api/v1/practices/{Id(demo)}/adoptions/{bl}")).StatusCode);
        Assert.Equal(count, (await Get(clerk, $"/api/v1/practices/{Id(demo)}")).GetProperty("adoptionCount").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await (await App.ApiAs("bithu.nakhum")).PostAsJsonAsync($"/api/v1/practices/{Id(demo)}/adoptions", new { note = "x" })).StatusCode);
        // A period backwards is refused by its field; a practice id that does not exist is not found.
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.GetAsync($"/api/v1/practices/{id}/figures-from-records?from=2026-10-01&to=2026-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/v1/practices/{id}/figures-from-records?to=1990-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync("/api/v1/practices/99999999")).StatusCode);

        // The pages follow the same rule: the province's form post to the commune's draft is refused and changes nothing.
        var pages = await App.PagesAs("btc.tinh");
        var html = await pages.GetStringAsync($"/Practices/{id}");
        var post = await pages.PostAsync($"/Practices/{id}?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = Version(after).ToString(), ["__RequestVerificationToken"] = Forms.AntiforgeryToken(html),
        }));
        Assert.Contains("/Account/AccessDenied", post.Headers.Location?.OriginalString);
        Assert.Equal("Draft", (await Get(clerk, $"/api/v1/practices/{id}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.PagesAs("bithu.muongso")).GetAsync($"/Practices/{id}")).StatusCode);
    }

    [Fact]
    public async Task PagesShowTheListTheEvidenceAndTheSpreadAndTheApiIsDocumented()
    {
        Today();
        var commune = await UnitId("LC-BL");
        var pages = await App.PagesAs("vp.binhlu");
        var list = await pages.GetStringAsync($"/Units/{commune}/Practices");
        Assert.Contains(DemoTitle, list);
        Assert.Contains("Ghi nhận cách làm hay mới", list);
        var token = Forms.AntiforgeryToken(list);
        var bad = await pages.PostAsync($"/Units/{commune}/Practices?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["sourceCellId"] = (await UnitId("LC-BL-NK")).ToString(), ["title"] = "", ["summary"] = "Tóm tắt", ["__RequestVerificationToken"] = token,
        }));
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("<div class=\"invalid-feedback\">Nhập tên cách làm hay.</div>", html);

        var id = Id(await DemoPractice(await App.ApiAs("vp.binhlu"), commune));
        var details = await pages.GetStringAsync($"/Practices/{id}");
        Assert.Contains("href=\"/Meetings/", details);
        Assert.Contains("Lan tỏa", details);
        Assert.Contains("Chi bộ bản Bình Lư", details);

        // The source cell's secretary reads it from the cell: no drill-up link to the commune it cannot open.
        var cellView = await (await App.PagesAs("bithu.nakhum")).GetStringAsync($"/Practices/{id}");
        Assert.Contains(DemoTitle, cellView);
        Assert.DoesNotContain($"?node={commune}", cellView);

        var openApi = await (await App.ApiAs("admin")).GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/units/{unitId}/practices", "/api/v1/practices/{id}/evidence", "/api/v1/practices/{id}/adoptions", "/api/v1/units/{unitId}/practice-spread", "/api/v1/practices/{id}/figures-from-records" })
            Assert.Contains(path, openApi);
    }
}

public sealed class PracticeTestsSqlite(SqliteDemoApp app) : PracticeTests(app), IClassFixture<SqliteDemoApp>;
public sealed class PracticeTestsPostgres(PostgresDemoApp app) : PracticeTests(app), IClassFixture<PostgresDemoApp>;
