using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Features.Accounts;
using ChiBo.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static ChiBo.Tests.Meetings.MeetingFlow;

namespace ChiBo.Tests.Inspections;

/// <summary>
/// Inspection and supervision of meeting practice (seed 003 item 6) over the demo year of meetings: plan → inspect (figures from
/// the meeting records) → findings → conclusion notice numbered in the register → the cell's remedies on the due lists.
/// </summary>
public abstract class InspectionTests(ChiBoApp app) : AppTest(app)
{
    static readonly DateTimeOffset Today = new(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));

    static HashSet<string> Keys(JsonElement due, bool overdue) =>
        due.EnumerateArray().Where(i => i.GetProperty("overdue").GetBoolean() == overdue).Select(i => i.GetProperty("key").GetString()!).ToHashSet();

    static async Task<string> Problem(HttpResponseMessage res, HttpStatusCode expected)
    {
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == expected, $"{res.RequestMessage?.Method} {res.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)res.StatusCode} {body}");
        return body;
    }

    [Fact]
    public async Task AnInspectionGoesFromPlanToConclusionAndItsOverdueRemedyIsOnBothDueListsUntilDone()
    {
        App.Clock.Now = Today;
        var office = await App.ApiAs("vp.binhlu");
        var secretary = await App.ApiAs("bithu.nakhum");
        var commune = await UnitId("LC-BL");
        var cell = await UnitId("LC-BL-NK");

        // The inspection commission's plan for 2026 (the demo holds the committee's own).
        var plans = await Ok(await office.PutAsJsonAsync($"/api/v1/units/{commune}/inspection-plans/2026",
            new { body = "InspectionCommission", title = "Kế hoạch kiểm tra, giám sát năm 2026 của Ủy ban Kiểm tra Đảng ủy xã" }));
        var planId = Id(plans);
        Assert.Equal("Ủy ban Kiểm tra Đảng ủy", plans.GetProperty("bodyText").GetString());
        await Problem(await office.PostAsJsonAsync($"/api/v1/inspection-plans/{planId}/approve", new { version = plans.GetProperty("version").GetInt32() + 5 }), HttpStatusCode.Conflict);
        var approved = await Ok(await office.PostAsJsonAsync($"/api/v1/inspection-plans/{planId}/approve", new { version = plans.GetProperty("version").GetInt32() }));
        Assert.Equal("Approved", approved.GetProperty("status").GetString());

        var badMonth = await Problem(await office.PostAsJsonAsync($"/api/v1/inspection-plans/{planId}/inspections",
            new { cellId = cell, plannedMonth = 13, kind = "Inspection", subject = "Sinh hoạt chi bộ", periodFrom = "2026-01-01", periodTo = "2026-06-30" }), HttpStatusCode.BadRequest);
        Assert.Contains("plannedMonth", badMonth);
        Assert.Contains("Tháng kiểm tra phải từ 1 đến 12.", badMonth);
        var outside = await Problem(await office.PostAsJsonAsync($"/api/v1/inspection-plans/{planId}/inspections",
            new { cellId = await UnitId("LC-MS-MS"), plannedMonth = 11, kind = "Inspection", subject = "Sinh hoạt chi bộ", periodFrom = "2026-01-01", periodTo = "2026-06-30" }), HttpStatusCode.BadRequest);
        Assert.Contains("cellId", outside);

        var created = await Ok(await office.PostAsJsonAsync($"/api/v1/inspection-plans/{planId}/inspections",
            new { cellId = cell, plannedMonth = 11, kind = "Inspection", subject = "Việc thực hiện quy định về sinh hoạt chi bộ", periodFrom = "2026-01-01", periodTo = "2026-06-30" }));
        var id = Id(created);
        Assert.Equal("Planned", created.GetProperty("status").GetString());

        // Started: the figures are the cell's meeting records of the period, as the meetings API shows them.
        var started = await Ok(await office.PostAsJsonAsync($"/api/v1/inspections/{id}/start", new { version = created.GetProperty("version").GetInt32() }));
        var f = started.GetProperty("figures");
        var held = (await Get(office, $"/api/v1/units/{cell}/meetings?year=2026")).EnumerateArray()
            .Where(m => string.CompareOrdinal(m.GetProperty("date").GetString(), "2026-06-30") <= 0
                        && m.GetProperty("status").GetString() is "Held" or "Adopted" && m.GetProperty("kind").GetString() is "Periodic" or "Thematic" or "Combined").ToList();
        Assert.NotEmpty(held);
        Assert.Equal(6, f.GetProperty("periodicExpected").GetInt32());
        Assert.Equal(2, f.GetProperty("thematicExpected").GetInt32());
        Assert.Equal(held.Count(m => m.GetProperty("kind").GetString() is "Periodic" or "Combined"), f.GetProperty("periodicHeld").GetInt32());
        Assert.Equal(held.Count(m => m.GetProperty("kind").GetString() is "Thematic" or "Combined"), f.GetProperty("thematicHeld").GetInt32());
        Assert.Equal(held.Count(m => m.GetProperty("status").GetString() == "Adopted"), f.GetProperty("minutesAdopted").GetInt32());
        Assert.Equal(held.Count(m => m.GetProperty("level").ValueKind == JsonValueKind.Null), f.GetProperty("unrated").GetInt32());
        Assert.Equal(held.Count(m => m.GetProperty("level").GetString() == "Good"), f.GetProperty("ratedGood").GetInt32());
        Assert.Equal(held.Count(m => m.GetProperty("level").GetString() == "Fair"), f.GetProperty("ratedFair").GetInt32());
        int present = 0, expected = 0, unexcused = 0, signed = 0;
        foreach (var m in held)
        {
            var detail = await Get(office, $"/api/v1/meetings/{Id(m)}");
            var s = detail.GetProperty("attendanceSummary");
            (present, expected, unexcused) = (present + s.GetProperty("present").GetInt32(), expected + s.GetProperty("expected").GetInt32(), unexcused + s.GetProperty("absentUnexcused").GetInt32());
            var minutes = detail.GetProperty("minutes");
            if (minutes.GetProperty("chairSignedAt").ValueKind != JsonValueKind.Null && minutes.GetProperty("secretarySignedAt").ValueKind != JsonValueKind.Null) signed++;
        }
        Assert.Equal(present, f.GetProperty("present").GetInt32());
        Assert.Equal(expected, f.GetProperty("expected").GetInt32());
        Assert.Equal(unexcused, f.GetProperty("absentUnexcused").GetInt32());
        Assert.Equal(signed, f.GetProperty("minutesSigned").GetInt32());
        Assert.Equal(Math.Round(100m * present / expected, 1), f.GetProperty("attendanceRate").GetDecimal());

        // Findings, then the conclusion: only the inspecting committee's staff conclude.
        var version = started.GetProperty("version").GetInt32();
        var findings = await Ok(await office.PutAsJsonAsync($"/api/v1/inspections/{id}/findings", new
        {
            strengths = "Duy trì sinh hoạt thường kỳ đúng ngày 03 hằng tháng.", shortcomings = "Một số buổi thảo luận còn ít ý kiến.",
            requests = "Chi ủy phân công đảng viên chuẩn bị ý kiến thảo luận.", version,
        }));
        await Problem(await office.PutAsJsonAsync($"/api/v1/inspections/{id}/findings", new { strengths = "Cũ", version }), HttpStatusCode.Conflict);
        version = findings.GetProperty("version").GetInt32();
        await Problem(await secretary.PostAsJsonAsync($"/api/v1/inspections/{id}/conclude", new { version }), HttpStatusCode.Forbidden);
        var concluded = await Ok(await office.PostAsJsonAsync($"/api/v1/inspections/{id}/conclude", new { version, signerName = "Lò Văn Bình" }));
        Assert.Equal("Concluded", concluded.GetProperty("status").GetString());
        var symbol = concluded.GetProperty("conclusionSymbol").GetString()!;
        // The inspection commission numbers in its own register, beside the committee's (the demo's 01-TB/ĐU).
        Assert.Matches(@"^\d{2}-TB/UBKTĐU$", symbol);
        var docId = concluded.GetProperty("conclusionDocumentId").GetInt32();
        var doc = (await Get(office, $"/api/v1/documents/{docId}")).GetProperty("document");
        Assert.Equal("TB", doc.GetProperty("typeCode").GetString());
        Assert.Equal("UBKT", doc.GetProperty("office").GetString());
        Assert.Equal("Issued", doc.GetProperty("status").GetString());
        Assert.Equal(symbol, doc.GetProperty("symbol").GetString());
        var locked = await Problem(await office.PutAsJsonAsync($"/api/v1/inspections/{id}/findings",
            new { strengths = "Sửa lại", version = concluded.GetProperty("version").GetInt32() }), HttpStatusCode.Conflict);
        Assert.Contains("không sửa được kết quả kiểm tra", locked);
        // The notice prints what was checked, the findings and Nơi nhận with the cell.
        using (var zip = new ZipArchive(new MemoryStream(await office.GetByteArrayAsync($"/api/v1/documents/{docId}/docx"))))
        {
            var xml = new StreamReader(zip.GetEntry("word/document.xml")!.Open()).ReadToEnd();
            Assert.Contains("NỘI DUNG ĐÃ KIỂM TRA", xml);
            Assert.Contains("Một số buổi thảo luận còn ít ý kiến.", xml);
            Assert.Contains("Chi bộ bản Nà Khum (để thực hiện),", xml);
            Assert.Contains("Số " + symbol, xml);
            // Headed with the committee's name, then the commission's; signed on the commission's behalf.
            Assert.True(xml.IndexOf("ĐẢNG ỦY XÃ BÌNH LƯ", StringComparison.Ordinal) is >= 0 and var at && xml.IndexOf("ỦY BAN KIỂM TRA", at, StringComparison.Ordinal) > at);
            Assert.Contains("Lưu UBKT.", xml);
        }
        // The committee's own register goes on from the demo's 01-TB/ĐU, untouched by the commission's numbers.
        var own = await Ok(await office.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = commune, typeCode = "TB", summary = "Thông báo của Đảng ủy" }));
        var ownIssued = await Ok(await office.PostAsJsonAsync($"/api/v1/documents/{Id(own)}/issue", new { date = "2026-11-22" }));
        var ownSymbol = ownIssued.GetProperty("symbol").GetString()!;
        Assert.Matches(@"^\d{2}-TB/ĐU$", ownSymbol);
        Assert.True(int.Parse(ownSymbol[..2]) >= 2, ownSymbol);
        var cellOffice = await Problem(await secretary.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = cell, typeCode = "TB", summary = "Thông báo", office = "UBKT" }), HttpStatusCode.BadRequest);
        Assert.Contains("Chi bộ không có Ủy ban Kiểm tra", cellOffice);

        // The cell answers; an ordinary member cannot.
        var member = await App.ApiAs("dangvien.nakhum");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/v1/inspections/{id}")).StatusCode);
        await Problem(await member.PostAsJsonAsync($"/api/v1/inspections/{id}/remedies",
            new { shortcoming = "Ít ý kiến", action = "Chuẩn bị ý kiến", ownerName = "Chi ủy", dueOn = "2026-11-25" }), HttpStatusCode.Forbidden);
        var noAction = await Problem(await secretary.PostAsJsonAsync($"/api/v1/inspections/{id}/remedies",
            new { shortcoming = "Ít ý kiến", ownerName = "Chi ủy", dueOn = "2026-11-25" }), HttpStatusCode.BadRequest);
        Assert.Contains("Ghi biện pháp khắc phục.", noAction);
        var roll = await Get(secretary, $"/api/v1/units/{cell}/roll?date=2026-11-22");
        var owner = roll.EnumerateArray().First().GetProperty("memberId").GetInt32();
        var answered = await Ok(await secretary.PostAsJsonAsync($"/api/v1/inspections/{id}/remedies",
            new { shortcoming = "Một số buổi thảo luận còn ít ý kiến", action = "Phân công đảng viên chuẩn bị ý kiến thảo luận", ownerMemberId = owner, dueOn = "2026-11-25" }));
        var remedy = Assert.Single(answered.GetProperty("remedies").EnumerateArray());
        var key = $"remedy:{Id(remedy)}";

        // Overdue on 26/11: on the cell secretary's list and on the inspecting committee's; not yet due on 10/11.
        Assert.Contains(key, Keys(await Get(secretary, "/api/v1/due?date=2026-11-26"), overdue: true));
        Assert.Contains(key, Keys(await Get(office, "/api/v1/due?date=2026-11-26"), overdue: true));
        Assert.Contains(key, Keys(await Get(office, "/api/v1/due?date=2026-11-20"), overdue: false));
        Assert.DoesNotContain(key, Keys(await Get(secretary, "/api/v1/due?date=2026-11-10"), overdue: false));
        var item = (await Get(secretary, "/api/v1/due?date=2026-11-26")).EnumerateArray().First(i => i.GetProperty("key").GetString() == key);
        Assert.Equal("Khắc phục sau kiểm tra: Phân công đảng viên chuẩn bị ý kiến thảo luận (hạn 25/11/2026)", item.GetProperty("title").GetString());
        Assert.Equal($"/Inspections/{id}", item.GetProperty("link").GetString());

        var done = await Ok(await secretary.PostAsJsonAsync($"/api/v1/remedies/{Id(remedy)}/done", new { version = remedy.GetProperty("version").GetInt32(), note = "Đã thực hiện từ tháng 11" }));
        Assert.Equal("Done", done.GetProperty("remedies")[0].GetProperty("status").GetString());
        Assert.DoesNotContain(key, Keys(await Get(secretary, "/api/v1/due?date=2026-11-26"), overdue: true));
        Assert.DoesNotContain(key, Keys(await Get(office, "/api/v1/due?date=2026-11-26"), overdue: true));
        await Problem(await secretary.PostAsJsonAsync($"/api/v1/remedies/{Id(remedy)}/done", new { version = done.GetProperty("remedies")[0].GetProperty("version").GetInt32() }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TheDemoConclusionHasAnOpenOverdueRemedyAndOutsidersAreRefused()
    {
        App.Clock.Now = Today;
        var office = await App.ApiAs("vp.binhlu");
        var commune = await UnitId("LC-BL");
        var list = await Get(office, $"/api/v1/units/{commune}/inspections?year=2026");
        var demo = list.EnumerateArray().Single(i => i.GetProperty("cellName").GetString() == "Chi bộ bản Bình Lư");
        Assert.Equal("Concluded", demo.GetProperty("status").GetString());
        Assert.Equal("01-TB/ĐU", demo.GetProperty("conclusionSymbol").GetString());
        Assert.Equal(1, demo.GetProperty("remediesOpen").GetInt32());
        Assert.Equal(1, demo.GetProperty("remediesOverdue").GetInt32());
        Assert.Equal(1, demo.GetProperty("remediesDone").GetInt32());
        var id = Id(demo);
        var detail = await Get(office, $"/api/v1/inspections/{id}");
        var open = detail.GetProperty("remedies").EnumerateArray().Single(r => r.GetProperty("status").GetString() == "Open");
        Assert.Contains($"remedy:{Id(open)}", Keys(await Get(office, "/api/v1/due?date=2026-11-22"), overdue: true));

        // Another commune's staff and another commune's secretary see nothing; the monitoring member reads.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync("vp.muongso") is null)
            {
                var u = new AppUser { UserName = "vp.muongso", FullName = "Văn phòng Đảng ủy xã Mường So", UnitId = await UnitId("LC-MS"), Email = "vp.muongso@chibo.local" };
                Assert.True((await users.CreateAsync(u, ChiBoApp.Password)).Succeeded);
                await users.AddToRoleAsync(u, Roles.CommitteeStaff);
            }
        }
        var stranger = await App.ApiAs("vp.muongso");
        // Out of scope: not found, as if it did not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/inspections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/inspections/{id}/conclude", new { version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/v1/units/{commune}/inspection-plans/2026", new { body = "Committee", title = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.ApiAs("bithu.muongso")).GetAsync($"/api/v1/inspections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await App.ApiAs("theodoi.binhlu")).GetAsync($"/api/v1/inspections/{id}")).StatusCode);
        // Nà Khum's secretary answers for Nà Khum only: Bình Lư's inspection is outside its scope.
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.ApiAs("bithu.nakhum")).PostAsJsonAsync($"/api/v1/inspections/{id}/remedies",
            new { shortcoming = "X", action = "Y", ownerName = "Chi ủy", dueOn = "2026-12-31" })).StatusCode);

        // Every route is in the OpenAPI document; the pages show the plan and the notice.
        var openapi = await (await App.ApiAs("admin")).GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        foreach (var path in new[] { "/api/v1/units/{unitId}/inspection-plans/{year}", "/api/v1/inspection-plans/{id}/approve", "/api/v1/inspection-plans/{id}/inspections",
                     "/api/v1/units/{unitId}/inspections", "/api/v1/inspections/{id}", "/api/v1/inspections/{id}/start", "/api/v1/inspections/{id}/findings",
                     "/api/v1/inspections/{id}/conclude", "/api/v1/inspections/{id}/remedies", "/api/v1/remedies/{id}", "/api/v1/remedies/{id}/done" })
            Assert.Contains($"\"{path}\"", openapi);
        var pages = await App.PagesAs("vp.binhlu");
        var planPage = await pages.GetStringAsync($"/Units/{commune}/Inspections?year=2026", TestContext.Current.CancellationToken);
        Assert.Contains("Kế hoạch kiểm tra, giám sát năm 2026 của Đảng ủy xã Bình Lư", planPage);
        Assert.Contains("01-TB/ĐU", planPage);
        var page = await pages.GetStringAsync($"/Inspections/{id}", TestContext.Current.CancellationToken);
        Assert.Contains($"href=\"/Documents/{detail.GetProperty("conclusionDocumentId").GetInt32()}\"", page);
        Assert.Contains("(quá hạn)", page);
        // A bad month is refused next to its field.
        var refused = await pages.PostAsync($"/Units/{commune}/Inspections?year=2026&handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(planPage), ["planId"] = detail.GetProperty("planId").GetInt32().ToString(),
            ["cellId"] = (await UnitId("LC-BL-NK")).ToString(), ["plannedMonth"] = "", ["kind"] = "Inspection", ["subject"] = "Sinh hoạt chi bộ",
            ["periodFrom"] = "01/01/2026", ["periodTo"] = "30/06/2026",
        }), TestContext.Current.CancellationToken);
        var html = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Matches("is-invalid\"[^>]*name=\"plannedMonth\"[\\s\\S]*?invalid-feedback\">Tháng kiểm tra phải từ 1 đến 12.", html);
    }

    static async Task EnsureAccount(ChiBoApp app, string user, string unitCode, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(user) is not null) return;
        var db = scope.ServiceProvider.GetRequiredService<ChiBo.Data.AppDbContext>();
        var unit = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Units, u => u.Code == unitCode);
        var u = new AppUser { UserName = user, FullName = user, UnitId = (await unit).Id, Email = user + "@chibo.local" };
        Assert.True((await users.CreateAsync(u, ChiBoApp.Password)).Succeeded);
        await users.AddToRoleAsync(u, role);
    }

    [Fact]
    public async Task TheCommitteeInspectsAndTheInspectedCellAnswersAndNeitherTheLevelAboveNorTheAdministratorTakesTheirSteps()
    {
        App.Clock.Now = Today;
        var office = await App.ApiAs("vp.binhlu");
        var board = await App.ApiAs("btc.tinh");
        var admin = await App.ApiAs("admin");
        var commune = await UnitId("LC-BL");
        var agency = await UnitId("LC-BL-UB");
        await EnsureAccount(App, "bithu.ubbinhlu", "LC-BL-UB", Roles.CellSecretary);
        var cellSecretary = await App.ApiAs("bithu.ubbinhlu");

        // The province reads the commune's plans but does not plan, approve or inspect for it; nor does the administrator.
        var plans = await Get(board, $"/api/v1/units/{commune}/inspection-plans/2026");
        var plan = plans.EnumerateArray().Single(p => p.GetProperty("body").GetString() == "Committee");
        var planId = Id(plan);
        var before = plan.GetProperty("inspections").GetArrayLength();
        var retitle = await board.PutAsJsonAsync($"/api/v1/units/{commune}/inspection-plans/2026", new { body = "Committee", title = "Tỉnh đặt tên", version = plan.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Forbidden, retitle.StatusCode);
        Assert.Contains("chính đơn vị", await retitle.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync($"/api/v1/units/{commune}/inspection-plans/2027", new { body = "Committee", title = "Kế hoạch 2027" })).StatusCode);
        var add = new { cellId = agency, plannedMonth = 12, kind = "Supervision", subject = "Việc ghi sổ biên bản", periodFrom = "2026-07-01", periodTo = "2026-11-30" };
        var refused = await board.PostAsJsonAsync($"/api/v1/inspection-plans/{planId}/inspections", add);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Kiểm tra, giám sát do chính cấp ủy", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync($"/api/v1/inspection-plans/{planId}/inspections", add)).StatusCode);
        var after = (await Get(office, $"/api/v1/units/{commune}/inspection-plans/2026")).EnumerateArray().Single(p => Id(p) == planId);
        Assert.Equal(plan.GetProperty("title").GetString(), after.GetProperty("title").GetString());
        Assert.Equal(before, after.GetProperty("inspections").GetArrayLength());
        Assert.False((await Get(office, "/api/v1/units/" + commune + "/inspection-plans/2027")).EnumerateArray().Any());

        // A period too far back or past the plan's year, and a cell id outside the commune, are refused by field.
        var old = await office.PostAsJsonAsync($"/api/v1/inspection-plans/{planId}/inspections", add with { periodFrom = "2019-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Contains("periodFrom", await old.Content.ReadAsStringAsync());
        Assert.Contains("periodTo", await (await office.PostAsJsonAsync($"/api/v1/inspection-plans/{planId}/inspections", add with { periodTo = "2027-03-31" })).Content.ReadAsStringAsync());
        var missing = await office.PostAsJsonAsync($"/api/v1/inspection-plans/{planId}/inspections", add with { cellId = 99999999 });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("cellId", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostAsJsonAsync("/api/v1/inspection-plans/99999999/approve", new { version = 0 })).StatusCode);

        // The commune inspects the agency cell: start, findings; the cell's secretary cannot take those steps.
        var created = await Ok(await office.PostAsJsonAsync($"/api/v1/inspection-plans/{planId}/inspections", add with { plannedMonth = 11 }));
        var id = Id(created);
        Assert.Equal(HttpStatusCode.Forbidden, (await cellSecretary.PostAsJsonAsync($"/api/v1/inspections/{id}/start", new { version = Version(created) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.PostAsJsonAsync($"/api/v1/inspections/{id}/start", new { version = Version(created) })).StatusCode);
        Assert.Equal("Planned", (await Get(office, $"/api/v1/inspections/{id}")).GetProperty("status").GetString());
        var started = await Ok(await office.PostAsJsonAsync($"/api/v1/inspections/{id}/start", new { version = Version(created) }));

        // Remedies are the cell's answer: not the commune's, not the province's; the cell's secretary writes them.
        var remedy = new { shortcoming = "Sổ biên bản ghi thiếu ý kiến", action = "Thư ký ghi đủ ý kiến", ownerName = "Thư ký chi bộ", dueOn = "2026-12-20" };
        var byOffice = await office.PostAsJsonAsync($"/api/v1/inspections/{id}/remedies", remedy);
        Assert.Equal(HttpStatusCode.Forbidden, byOffice.StatusCode);
        Assert.Contains("chi bộ được kiểm tra", await byOffice.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await board.PostAsJsonAsync($"/api/v1/inspections/{id}/remedies", remedy)).StatusCode);
        Assert.Empty((await Get(office, $"/api/v1/inspections/{id}")).GetProperty("remedies").EnumerateArray());
        var answered = await Ok(await cellSecretary.PostAsJsonAsync($"/api/v1/inspections/{id}/remedies", remedy));
        var r = answered.GetProperty("remedies")[0];
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsJsonAsync($"/api/v1/remedies/{Id(r)}/done", new { version = Version(r) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PutAsJsonAsync($"/api/v1/remedies/{Id(r)}", remedy with { action = "Văn phòng sửa" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.ApiAs("bithu.nakhum")).PostAsJsonAsync($"/api/v1/remedies/{Id(r)}/done", new { version = Version(r) })).StatusCode);
        var now = (await Get(office, $"/api/v1/inspections/{id}")).GetProperty("remedies")[0];
        Assert.Equal("Open", now.GetProperty("status").GetString());
        Assert.Equal(remedy.action, now.GetProperty("action").GetString());
        // A done date before the remedy was written is refused by field; the conclusion is still the commune's only.
        var early = await cellSecretary.PostAsJsonAsync($"/api/v1/remedies/{Id(r)}/done", new { version = Version(r), doneOn = "2026-01-02" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("doneOn", await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await cellSecretary.PostAsJsonAsync($"/api/v1/inspections/{id}/conclude", new { version = Version(started) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/api/v1/inspections/99999999")).StatusCode);

        // The pages follow the same rule: the province's remedy form post is refused and adds nothing.
        var pages = await App.PagesAs("btc.tinh");
        var html = await pages.GetStringAsync($"/Inspections/{id}");
        var post = await pages.PostAsync($"/Inspections/{id}?handler=Remedy", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(html), ["shortcoming"] = "X", ["action"] = "Y", ["ownerName"] = "Z", ["dueOn"] = "20/12/2026",
        }));
        Assert.Contains("/Account/AccessDenied", post.Headers.Location?.OriginalString);
        Assert.Single((await Get(office, $"/api/v1/inspections/{id}")).GetProperty("remedies").EnumerateArray());
        var planPage = await pages.GetStringAsync($"/Units/{commune}/Inspections?year=2026");
        var approve = await pages.PostAsync($"/Units/{commune}/Inspections?year=2026&handler=Plan", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(planPage), ["body"] = "InspectionCommission", ["title"] = "Tỉnh lập thay",
        }));
        Assert.Contains("/Account/AccessDenied", approve.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.PagesAs("bithu.muongso")).GetAsync($"/Inspections/{id}")).StatusCode);
    }
}

public sealed class InspectionTestsSqlite(SqliteDemoApp app) : InspectionTests(app), IClassFixture<SqliteDemoApp>;
public sealed class InspectionTestsPostgres(PostgresDemoApp app) : InspectionTests(app), IClassFixture<PostgresDemoApp>;
