using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Members;

/// <summary>
/// A commune clerk keeps the rolls on the member page: transfer, position, exemption, leaving the roll; each changes
/// the roll on its date, keeps the history, and is refused outside the clerk's subtree.
/// </summary>
public abstract class MemberLifecycleTests(ChiBoApp app) : AppTest(app)
{
    async Task<List<int>> Roll(HttpClient api, int cell, string date) =>
        (await Get(api, $"/api/v1/units/{cell}/roll?date={date}")).EnumerateArray().Select(r => r.GetProperty("memberId").GetInt32()).ToList();

    async Task<HttpResponseMessage> Post(HttpClient pages, int member, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Forms.AntiforgeryToken(await pages.GetStringAsync($"/Members/{member}"));
        return await pages.PostAsync($"/Members/{member}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task AClerkTransfersAMemberAndBothRollsChangeOnTheDate()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var api = await App.ApiAs("vp.binhlu");
        var from = await UnitId("LC-BH-H1");
        var to = await UnitId("LC-BH-NL");
        var member = (await Roll(api, from, "2026-11-22"))[3];
        var pages = await App.PagesAs("vp.binhlu");

        // Outside the clerk's commune: refused next to the field, nothing moves.
        var outside = await Post(pages, member, "Transfer", new() { ["t.ToCellId"] = (await UnitId("LC-MS-MS")).ToString(), ["t.Date"] = "15/11/2026" });
        Assert.Contains("ngoài phạm vi", await outside.Content.ReadAsStringAsync());
        Assert.Contains(member, await Roll(api, from, "2026-11-20"));

        var res = await Post(pages, member, "Transfer", new() { ["t.ToCellId"] = to.ToString(), ["t.Date"] = "15/11/2026", ["t.Note"] = "Chuyển nơi cư trú" });
        Assert.Contains("Đã chuyển sinh hoạt từ ngày 15/11/2026.", await res.Content.ReadAsStringAsync());
        Assert.Contains(member, await Roll(api, from, "2026-11-14"));
        Assert.DoesNotContain(member, await Roll(api, from, "2026-11-15"));
        Assert.Contains(member, await Roll(api, to, "2026-11-15"));
        Assert.DoesNotContain(member, await Roll(api, to, "2026-11-14"));
        var history = await pages.GetStringAsync($"/Members/{member}");
        Assert.Contains("15/11/2026 – nay", history);
        Assert.Contains("Chuyển nơi cư trú", history);
    }

    [Fact]
    public async Task LeavingTheRollEndsMembershipPositionsAndExemptionsOnTheDateWithItsReason()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var api = await App.ApiAs("vp.binhlu");
        var cell = await UnitId("LC-BH-H1");
        var member = (await Roll(api, cell, "2026-11-22"))[4];
        var pages = await App.PagesAs("vp.binhlu");

        var position = await Post(pages, member, "Position", new() { ["p.Position"] = "GroupLeader", ["p.From"] = "01/03/2026" });
        Assert.Contains("Đã giao chức vụ Tổ trưởng tổ đảng từ ngày 01/03/2026.", await position.Content.ReadAsStringAsync());
        var exempt = await Post(pages, member, "Exempt", new() { ["e.Kind"] = "Exempt", ["e.DecisionDate"] = "20/04/2026", ["e.From"] = "01/05/2026", ["e.Reason"] = "Sức khỏe yếu" });
        Assert.Contains("Đã ghi miễn công tác", await exempt.Content.ReadAsStringAsync());

        // A missing date is named in Vietnamese and nothing changes.
        var missing = await Post(pages, member, "Leave", new() { ["l.Reason"] = "Died" });
        Assert.Contains("Nhập ngày (dd/MM/yyyy).", await missing.Content.ReadAsStringAsync());
        Assert.Contains(member, await Roll(api, cell, "2026-11-22"));

        var left = await Post(pages, member, "Leave", new() { ["l.Reason"] = "Died", ["l.Date"] = "10/11/2026", ["l.Decision"] = "Thông báo số 12-TB/ĐU ngày 12/11/2026" });
        Assert.Contains("Đã ghi ra khỏi danh sách từ ngày 10/11/2026 (từ trần).", await left.Content.ReadAsStringAsync());
        Assert.Contains(member, await Roll(api, cell, "2026-11-09"));
        Assert.DoesNotContain(member, await Roll(api, cell, "2026-11-10"));
        var dto = await Get(api, $"/api/v1/members/{member}");
        Assert.Equal("2026-11-10", dto.GetProperty("memberships").EnumerateArray().Last().GetProperty("to").GetString());
        Assert.Contains("Từ trần", dto.GetProperty("memberships").EnumerateArray().Last().GetProperty("note").GetString());
        Assert.All(dto.GetProperty("positions").EnumerateArray(), p => Assert.Equal("2026-11-10", p.GetProperty("to").GetString()));
        Assert.All(dto.GetProperty("exemptions").EnumerateArray(), e => Assert.Equal("2026-11-10", e.GetProperty("to").GetString()));

        // Off every roll, the record is closed: history stays readable, no form is offered, the API refuses a change.
        var closed = await pages.GetStringAsync($"/Members/{member}");
        Assert.Contains("Từ trần", closed);
        Assert.DoesNotContain("leave-form", closed);
        var again = await api.PostAsJsonAsync($"/api/v1/members/{member}/leave", new { reason = "Removed", date = "2026-11-20" });
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("mới sửa được hồ sơ này", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AClerkAddsOneMemberFromThePageAndTheRollHasThemFromTheirDay()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var cell = await UnitId("LC-BH-NL");
        var pages = await App.PagesAs("vp.binhlu");
        var form = await pages.GetStringAsync($"/Units/{cell}/Members/New");
        Dictionary<string, string> Fields(string name) => new()
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(form), ["Form.FullName"] = name, ["Form.Sex"] = "Female",
            ["Form.DateOfBirth"] = "12/03/1990", ["Form.AdmittedOn"] = "19/05/2015", ["Form.OfficialOn"] = "19/05/2016", ["JoinedOn"] = "01/11/2026",
        };
        var empty = await pages.PostAsync($"/Units/{cell}/Members/New", new FormUrlEncodedContent(Fields("")));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Họ và tên không được để trống.", await empty.Content.ReadAsStringAsync());

        var added = await pages.PostAsync($"/Units/{cell}/Members/New", new FormUrlEncodedContent(Fields("Lò Thị Mai Hương")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = int.Parse(added.Headers.Location!.ToString().Split('/').Last());
        var api = await App.ApiAs("vp.binhlu");
        Assert.Contains(id, await Roll(api, cell, "2026-11-01"));
        Assert.DoesNotContain(id, await Roll(api, cell, "2026-10-31"));
        Assert.Equal("Lò Thị Mai Hương", (await Get(api, $"/api/v1/members/{id}")).GetProperty("fullName").GetString());

        // Another commune's cell secretary may not add to this roll, nor see its form.
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.PagesAs("bithu.muongso")).GetAsync($"/Units/{cell}/Members/New")).StatusCode);
    }

    [Fact]
    public async Task AnotherCellsSecretaryCanNeitherSeeNorChangeTheMember()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var cell = await UnitId("LC-BH-H1");
        var member = (await Roll(await App.ApiAs("vp.binhlu"), cell, "2026-11-22"))[5];
        var sibling = await App.ApiAs("bithu.muongso");
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.PostAsJsonAsync($"/api/v1/members/{member}/leave", new { reason = "Expelled", date = "2026-11-20" })).StatusCode);
        var pages = await App.PagesAs("bithu.nakhum");
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Members/{member}")).StatusCode);
        Assert.Contains(member, await Roll(await App.ApiAs("vp.binhlu"), cell, "2026-11-22"));

        // A plain member reads a fellow member's page in their own cell but gets none of the forms.
        var nakhum = await UnitId("LC-BL-NK");
        var fellow = (await Roll(await App.ApiAs("bithu.nakhum"), nakhum, "2026-11-22"))[1];
        var page = await (await App.PagesAs("dangvien.nakhum")).GetAsync($"/Members/{fellow}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("leave-form", await page.Content.ReadAsStringAsync());
    }
}

public sealed class MemberLifecycleTestsSqlite(SqliteApp app) : MemberLifecycleTests(app), IClassFixture<SqliteApp>;
public sealed class MemberLifecycleTestsPostgres(PostgresApp app) : MemberLifecycleTests(app), IClassFixture<PostgresApp>;
