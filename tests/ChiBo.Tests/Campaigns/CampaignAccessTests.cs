using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;
using static ChiBo.Tests.Meetings.MeetingFlow;

namespace ChiBo.Tests.Campaigns;

/// <summary>
/// Who sees a campaign and who takes each step of a report (issue 14): a campaign is its owner's subtree's and the
/// staff's above it; a report is drafted by the unit's drafters, submitted and concluded by the unit itself, reviewed
/// by the level directly above. Every refusal is checked to have changed nothing.
/// </summary>
public abstract class CampaignAccessTests(ChiBoApp app) : AppTest(app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static object Levels(params (string Name, string Codes, string Deadline, bool Conference)[] levels) =>
        levels.Select(l => new { name = l.Name, unitTypeCodes = l.Codes, deadline = l.Deadline, holdsConference = l.Conference }).ToArray();

    static async Task<HttpStatusCode> Status(Task<HttpResponseMessage> call) => (await call).StatusCode;

    static async Task<string> Refused(HttpResponseMessage res, string field)
    {
        var body = await res.Content.ReadAsStringAsync(Ct);
        Assert.True(res.StatusCode == HttpStatusCode.BadRequest, $"{res.RequestMessage?.Method} {res.RequestMessage?.RequestUri}: {(int)res.StatusCode} {body}");
        // The field itself, or a part of it ("levels[0].name" names levels).
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Any(e => e.Name == field || e.Name.StartsWith(field + "[") || e.Name.StartsWith(field + ".")),
            $"400 does not name {field}: {body}");
        return body;
    }

    [Fact]
    public async Task ACommunesInternalCampaignIsSeenOnlyInItsSubtreeAndByStaffAbove()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var commune = await UnitId("LC-BL");
        var nakhum = await UnitId("LC-BL-NK");
        var office = await App.ApiAs("vp.binhlu");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var campaign = await Ok(await office.PostAsJsonAsync("/api/v1/campaigns", new
        {
            ownerUnitId = commune, title = $"Sơ kết nội bộ của Đảng ủy xã {tag}", kind = "Interim", periodFrom = "2026-01-01", periodTo = "2026-11-01",
            levels = Levels(("Chi bộ", "CHI_BO,CHI_BO_CO_SO", "2026-12-10", false)),
        }, Ct));
        var id = Id(campaign);
        var otherStaff = await Accounts.StaffAsync(App, "LC-MS", await UnitId("LC-MS"));

        // Inside the subtree and above it: read. Another commune, its cell, and a monitoring-only account: not found.
        foreach (var user in new[] { "btc.tinh", "vp.binhlu", "bithu.nakhum", "dangvien.nakhum" })
            Assert.Equal(HttpStatusCode.OK, await Status((await App.ApiAs(user)).GetAsync($"/api/v1/campaigns/{id}", Ct)));
        foreach (var user in new[] { "bithu.muongso", otherStaff, "theodoi.binhlu" })
        {
            var c = await App.ApiAs(user);
            Assert.Equal(HttpStatusCode.NotFound, await Status(c.GetAsync($"/api/v1/campaigns/{id}", Ct)));
            Assert.Equal(HttpStatusCode.NotFound, await Status(c.GetAsync($"/api/v1/campaigns/{id}/completeness", Ct)));
            Assert.DoesNotContain(tag, await c.GetStringAsync("/api/v1/campaigns", Ct));
        }
        Assert.Contains(tag, await (await App.ApiAs("bithu.nakhum")).GetStringAsync("/api/v1/campaigns", Ct));
        var outsiderPages = await App.PagesAs("bithu.muongso");
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderPages.GetAsync($"/Campaigns/{id}", Ct)).StatusCode);
        Assert.DoesNotContain(tag, await outsiderPages.GetStringAsync("/Campaigns", Ct));

        // Another commune's cell cannot start a report in it either: nothing is created.
        Assert.Equal(HttpStatusCode.NotFound, await Status((await App.ApiAs("bithu.muongso")).PostAsync($"/api/v1/campaigns/{id}/units/{await UnitId("LC-MS-MS")}/report", null, Ct)));

        // Completeness only for a node the caller sees: the cell's secretary sees its cell, not the commune.
        var secretary = await App.ApiAs("bithu.nakhum");
        Assert.Equal(HttpStatusCode.NotFound, await Status(secretary.GetAsync($"/api/v1/campaigns/{id}/completeness?nodeId={commune}", Ct)));
        Assert.Equal(HttpStatusCode.OK, await Status(secretary.GetAsync($"/api/v1/campaigns/{id}/completeness?nodeId={nakhum}", Ct)));
        var secretaryPages = await App.PagesAs("bithu.nakhum");
        Assert.Equal(HttpStatusCode.NotFound, (await secretaryPages.GetAsync($"/Campaigns/{id}?node={commune}", Ct)).StatusCode);
        Assert.Contains("Lập báo cáo", await secretaryPages.GetStringAsync($"/Campaigns/{id}", Ct));
        Assert.DoesNotContain("Lập báo cáo", await (await App.PagesAs("dangvien.nakhum")).GetStringAsync($"/Campaigns/{id}", Ct));

        // Starting a report: for a unit the caller drafts for (not a sibling cell, not as a plain member).
        Assert.Equal(HttpStatusCode.NotFound, await Status(secretary.PostAsync($"/api/v1/campaigns/{id}/units/{await UnitId("LC-BL-BL")}/report", null, Ct)));
        Assert.Equal(HttpStatusCode.Forbidden, await Status((await App.ApiAs("dangvien.nakhum")).PostAsync($"/api/v1/campaigns/{id}/units/{nakhum}/report", null, Ct)));
        var standing = await Ok(await office.GetAsync($"/api/v1/campaigns/{id}/completeness?nodeId={commune}", Ct));
        Assert.All(standing.GetProperty("units").EnumerateArray(), u => Assert.Equal(JsonValueKind.Null, u.GetProperty("reportId").ValueKind));
        // The page's start form names the unit, which the declared rule checks.
        var html = await secretaryPages.GetStringAsync($"/Campaigns/{id}", Ct);
        var started = await secretaryPages.PostAsync($"/Campaigns/{id}?handler=Start&unitId={nakhum}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(html),
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.StartsWith("/CampaignReports/", started.Headers.Location!.ToString());
        var sibling = await secretaryPages.PostAsync($"/Campaigns/{id}?handler=Start&unitId={await UnitId("LC-BL-BL")}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(html),
        }), Ct);
        Assert.Equal(HttpStatusCode.NotFound, sibling.StatusCode);
    }

    [Fact]
    public async Task EachStepOfAReportIsTakenByTheLevelWhoseStepItIs()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var province = await UnitId("LC");
        var commune = await UnitId("LC-BL");
        var nakhum = await UnitId("LC-BL-NK");
        var board = await App.ApiAs("btc.tinh");
        var office = await App.ApiAs("vp.binhlu");
        var secretary = await App.ApiAs("bithu.nakhum");
        var member = await App.ApiAs("dangvien.nakhum");
        var id = Id(await Ok(await board.PostAsJsonAsync("/api/v1/campaigns", new
        {
            ownerUnitId = province, title = "Sơ kết sinh hoạt chi bộ năm 2026", kind = "Interim", periodFrom = "2026-01-01", periodTo = "2026-11-01",
            levels = Levels(("Chi bộ", "CHI_BO,CHI_BO_CO_SO", "2026-12-10", false), ("Đảng bộ cơ sở", "DANG_UY_XA,DANG_BO_CO_SO", "2026-12-15", true)),
        }, Ct)));
        var report = await Ok(await secretary.PostAsync($"/api/v1/campaigns/{id}/units/{nakhum}/report", null, Ct));
        var rid = Id(report);
        var first = report.GetProperty("sections")[0].GetProperty("sectionId").GetInt32();
        async Task<JsonElement> Now() => await Ok(await board.GetAsync($"/api/v1/campaign-reports/{rid}", Ct));

        // A plain member reads and comments but does not write; another commune's secretary does neither.
        Assert.Equal(HttpStatusCode.Forbidden, await Status(member.PutAsJsonAsync($"/api/v1/campaign-reports/{rid}", new { version = Version(report), sections = new[] { new { sectionId = first, text = "Sửa lén." } } }, Ct)));
        report = await Ok(await member.PostAsJsonAsync($"/api/v1/campaign-reports/{rid}/comments", new { sectionId = first, text = "Đề nghị bổ sung số liệu." }, Ct));
        var outsider = await App.ApiAs("bithu.muongso");
        Assert.Equal(HttpStatusCode.NotFound, await Status(outsider.PostAsJsonAsync($"/api/v1/campaign-reports/{rid}/comments", new { text = "Ý kiến lạ." }, Ct)));
        Assert.Equal(HttpStatusCode.NotFound, await Status(outsider.GetAsync($"/api/v1/campaign-reports/{rid}/docx", Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.PagesAs("bithu.muongso")).GetAsync($"/CampaignReports/{rid}", Ct)).StatusCode);
        var now = await Now();
        Assert.Equal(JsonValueKind.Null, now.GetProperty("sections")[0].GetProperty("text").ValueKind);
        Assert.Single(now.GetProperty("comments").EnumerateArray());

        // The commune may draft its cell's report, but submitting is the cell's own step.
        report = await Ok(await office.PutAsJsonAsync($"/api/v1/campaign-reports/{rid}", new { version = Version(report), sections = new[] { new { sectionId = first, text = "Chi bộ sinh hoạt đều." } } }, Ct));
        report = await Ok(await secretary.PostAsJsonAsync($"/api/v1/campaign-reports/{rid}/comments/{report.GetProperty("comments")[0].GetProperty("id").GetInt32()}/answer", new { answer = "Tiếp thu." }, Ct));
        Assert.Equal(HttpStatusCode.Forbidden, await Status(office.PostAsJsonAsync($"/api/v1/campaign-reports/{rid}/submit", new { version = Version(report) }, Ct)));
        Assert.Equal(HttpStatusCode.Forbidden, await Status(board.PostAsJsonAsync($"/api/v1/campaign-reports/{rid}/submit", new { version = Version(report) }, Ct)));
        var officePages = await App.PagesAs("vp.binhlu");
        var html = await officePages.GetStringAsync($"/CampaignReports/{rid}", Ct);
        Assert.DoesNotContain("Gửi báo cáo lên cấp trên", html);
        var pageSubmit = await officePages.PostAsync($"/CampaignReports/{rid}?handler=Submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(html), ["version"] = Version(report).ToString(),
        }), Ct);
        Assert.Contains("AccessDenied", pageSubmit.Headers.Location?.ToString() ?? "");
        Assert.Equal("Draft", (await Now()).GetProperty("status").GetString());
        report = await Ok(await secretary.PostAsJsonAsync($"/api/v1/campaign-reports/{rid}/submit", new { version = Version(report) }, Ct));

        // Review is the level directly above: not the cell itself, not the province that skips the commune.
        Assert.Equal(HttpStatusCode.Forbidden, await Status(secretary.PostAsJsonAsync($"/api/v1/campaign-reports/{rid}/review", new { accept = true, version = Version(report) }, Ct)));
        Assert.Equal(HttpStatusCode.Forbidden, await Status(board.PostAsJsonAsync($"/api/v1/campaign-reports/{rid}/review", new { accept = true, version = Version(report) }, Ct)));
        now = await Now();
        Assert.Equal("Submitted", now.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, now.GetProperty("reviewedBy").ValueKind);
        Assert.Equal("Accepted", (await Ok(await office.PostAsJsonAsync($"/api/v1/campaign-reports/{rid}/review", new { accept = true, version = Version(report) }, Ct))).GetProperty("status").GetString());

        // The commune's own report: its conference and conclusion are its own; the province reviews it.
        var own = await Ok(await office.PostAsync($"/api/v1/campaigns/{id}/units/{commune}/report", null, Ct));
        own = await Ok(await office.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(own)}/compile", new { version = Version(own) }, Ct));
        Assert.Equal(HttpStatusCode.Forbidden, await Status(board.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(own)}/conference", new { version = Version(own), date = "2026-12-12", conclusion = "Thay mặt." }, Ct)));
        Assert.Equal(JsonValueKind.Null, (await Ok(await board.GetAsync($"/api/v1/campaign-reports/{Id(own)}", Ct))).GetProperty("conferenceDate").ValueKind);
        own = await Ok(await office.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(own)}/conference", new { version = Version(own), date = "2026-12-12", conclusion = "Thống nhất." }, Ct));
        Assert.Equal(HttpStatusCode.Forbidden, await Status(board.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(own)}/conclusion", new { version = Version(own) }, Ct)));
        own = await Ok(await office.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(own)}/conclusion", new { version = Version(own) }, Ct));
        own = await Ok(await office.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(own)}/submit", new { version = Version(own) }, Ct));
        Assert.Equal(HttpStatusCode.Forbidden, await Status(office.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(own)}/review", new { accept = true, version = Version(own) }, Ct)));
        await Ok(await board.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(own)}/review", new { accept = true, version = Version(own) }, Ct));

        // A unit the campaign does not expect gets no report.
        var cellsOnly = Id(await Ok(await board.PostAsJsonAsync("/api/v1/campaigns", new
        {
            ownerUnitId = province, title = "Sơ kết chỉ các chi bộ", kind = "Interim", periodFrom = "2026-01-01", periodTo = "2026-11-01",
            levels = Levels(("Chi bộ", "CHI_BO,CHI_BO_CO_SO", "2026-12-10", false)),
        }, Ct)));
        Assert.Contains("không thuộc diện báo cáo", await Refused(await office.PostAsync($"/api/v1/campaigns/{cellsOnly}/units/{commune}/report", null, Ct), "unitId"));
    }

    [Fact]
    public async Task BadCampaignAndReportBodiesAnswer400NamingTheField()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var province = await UnitId("LC");
        var board = await App.ApiAs("btc.tinh");
        var levels = Levels(("Chi bộ", "CHI_BO", "2026-12-10", false));
        await Refused(await board.PostAsJsonAsync("/api/v1/campaigns", new { title = "x", periodFrom = "2026-01-01", periodTo = "2026-02-01", levels }, Ct), "ownerUnitId");
        await Refused(await board.PostAsJsonAsync("/api/v1/campaigns", new { ownerUnitId = province, title = "x", periodFrom = "2026-01-01", periodTo = "2026-02-01" }, Ct), "levels");
        await Refused(await board.PostAsJsonAsync("/api/v1/campaigns", new { ownerUnitId = province, title = "x", periodFrom = "2026-01-01", periodTo = "2026-02-01", levels = new[] { new { } } }, Ct), "levels");
        await Refused(await board.PostAsJsonAsync("/api/v1/campaigns", new { ownerUnitId = province, title = "x", periodTo = "2026-02-01", levels }, Ct), "periodFrom");
        await Refused(await board.PostAsJsonAsync("/api/v1/campaigns", new { ownerUnitId = province, title = "x", periodFrom = "2026-01-01", periodTo = "2026-02-01", outlineId = 999_999, levels }, Ct), "outlineId");
        await Refused(await board.PostAsJsonAsync("/api/v1/campaigns", new { ownerUnitId = province, title = new string('x', 501), periodFrom = "2026-01-01", periodTo = "2026-02-01", levels }, Ct), "title");
        await Refused(await board.PostAsJsonAsync("/api/v1/campaigns/outlines", new { name = "Không có mục" }, Ct), "sections");
        var id = Id(await Ok(await board.PostAsJsonAsync("/api/v1/campaigns", new
        {
            ownerUnitId = province, title = "Sơ kết để thử", kind = "Interim", periodFrom = "2026-01-01", periodTo = "2026-11-01",
            levels = Levels(("Chi bộ", "CHI_BO,CHI_BO_CO_SO", "2026-12-10", false), ("Đảng bộ cơ sở", "DANG_UY_XA,DANG_BO_CO_SO", "2026-12-15", true)),
        }, Ct)));
        await Refused(await board.GetAsync($"/api/v1/campaigns/{id}/completeness?date=10/12/2026", Ct), "date");
        await Refused(await board.GetAsync($"/api/v1/campaigns/{id}/completeness?nodeId=abc", Ct), "nodeId");
        var secretary = await App.ApiAs("bithu.nakhum");
        var report = await Ok(await secretary.PostAsync($"/api/v1/campaigns/{id}/units/{await UnitId("LC-BL-NK")}/report", null, Ct));
        await Refused(await secretary.PutAsJsonAsync($"/api/v1/campaign-reports/{Id(report)}", new { version = Version(report) }, Ct), "sections");
        await Refused(await secretary.PutAsJsonAsync($"/api/v1/campaign-reports/{Id(report)}", new { version = Version(report), sections = new object?[] { null } }, Ct), "sections");
        var office = await App.ApiAs("vp.binhlu");
        var own = await Ok(await office.PostAsync($"/api/v1/campaigns/{id}/units/{await UnitId("LC-BL")}/report", null, Ct));
        await Refused(await office.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(own)}/conference", new { version = Version(own), conclusion = "Không ghi ngày." }, Ct), "date");
        await Refused(await office.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(own)}/conference", new { version = Version(own), date = "12/12/2026", conclusion = "Ngày sai kiểu." }, Ct), "date");

        // The pages: an empty form and a date that cannot be read.
        var pages = await App.PagesAs("btc.tinh");
        var index = await pages.GetStringAsync("/Campaigns", Ct);
        Assert.Contains($"ownerUnitId={province}", index);
        var empty = await pages.PostAsync($"/Campaigns?ownerUnitId={province}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(index),
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Cần ít nhất một cấp báo cáo", await empty.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/Campaigns/{id}?date=99/99/9999", Ct)).StatusCode);
        // A commune's office may not make a campaign for the province from the page either.
        var officePages = await App.PagesAs("vp.binhlu");
        var officeIndex = await officePages.GetStringAsync("/Campaigns", Ct);
        Assert.Equal(HttpStatusCode.NotFound, (await officePages.PostAsync($"/Campaigns?ownerUnitId={province}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(officeIndex), ["title"] = "Lập thay", ["periodFrom"] = "01/01/2026", ["periodTo"] = "01/06/2026",
            ["levels[0].Name"] = "Chi bộ", ["levels[0].Types"] = "CHI_BO", ["levels[0].Deadline"] = "10/06/2026",
        }), Ct)).StatusCode);
        Assert.DoesNotContain("Lập thay", await board.GetStringAsync("/api/v1/campaigns", Ct));
    }
}

public sealed class CampaignAccessTestsSqlite(SqliteApp app) : CampaignAccessTests(app), IClassFixture<SqliteApp>;
public sealed class CampaignAccessTestsPostgres(PostgresApp app) : CampaignAccessTests(app), IClassFixture<PostgresApp>;
