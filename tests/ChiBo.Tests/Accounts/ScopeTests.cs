using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChiBo.Tests.Accounts;

public abstract class ScopeTests(ChiBoApp app) : AppTest(app)
{
    async Task<int> FirstMember(string cellCode)
    {
        var admin = await App.ApiAs("admin");
        var roll = await Get(admin, $"/api/v1/units/{await UnitId(cellCode)}/roll");
        return roll[2].GetProperty("memberId").GetInt32();
    }

    [Fact]
    public async Task SecretaryOfAnotherCellCannotReadOrChangeItThroughTheApi()
    {
        var secretary = await App.ApiAs("bithu.nakhum");
        var other = await UnitId("LC-MS-MS");
        var outsider = await FirstMember("LC-MS-MS");
        // Outside its scope a record answers as if it did not exist: ids reveal nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/units/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/units/{other}/roll")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/members/{outsider}")).StatusCode);
        var put = await secretary.PutAsJsonAsync($"/api/v1/members/{outsider}", new
        {
            profile = new { fullName = "Bị sửa trái phép", sex = "Male", admittedOn = "2010-01-01" }, version = 0,
        });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        var admin = await App.ApiAs("admin");
        Assert.NotEqual("Bị sửa trái phép", (await Get(admin, $"/api/v1/members/{outsider}")).GetProperty("fullName").GetString());
        // Searching does not leak other cells' members either.
        var search = await Get(secretary, "/api/v1/search?q=" + Uri.EscapeDataString((await Get(admin, $"/api/v1/members/{outsider}")).GetProperty("fullName").GetString()!));
        Assert.DoesNotContain(search.GetProperty("members").EnumerateArray(), m => m.GetProperty("id").GetInt32() == outsider);
    }

    [Fact]
    public async Task SecretaryOfAnotherCellIsRefusedOnThePagesToo()
    {
        var pages = await App.PagesAs("bithu.nakhum");
        var other = await UnitId("LC-MS-MS");
        var outsider = await FirstMember("LC-MS-MS");
        var unitPage = await pages.GetAsync($"/Units/{other}");
        Assert.Equal(HttpStatusCode.NotFound, unitPage.StatusCode);
        Assert.Contains("Không tìm thấy", await unitPage.Content.ReadAsStringAsync());
        var memberPage = await pages.GetAsync($"/Members/{outsider}");
        Assert.Equal(HttpStatusCode.NotFound, memberPage.StatusCode);
        Assert.DoesNotContain((await Get(await App.ApiAs("admin"), $"/api/v1/members/{outsider}")).GetProperty("fullName").GetString()!, await memberPage.Content.ReadAsStringAsync());
        var own = await pages.GetStringAsync($"/Units/{await UnitId("LC-BL-NK")}");
        Assert.Contains("Chi bộ bản Nà Khum", own);
    }

    [Fact]
    public async Task PersonalDataIsShownOnlyToRolesThatNeedIt()
    {
        var member = await FirstMember("LC-BL-NK");
        var secretary = await Get(await App.ApiAs("bithu.nakhum"), $"/api/v1/members/{member}");
        Assert.True(secretary.GetProperty("personalDataVisible").GetBoolean());
        Assert.Equal(12, secretary.GetProperty("citizenId").GetString()!.Length);

        // A monitoring member sees the members of the cells its group covers, never their personal data.
        var clerk = await App.ApiAs("vp.binhlu");
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.ApiAs("theodoi.binhlu")).GetAsync($"/api/v1/members/{member}")).StatusCode);
        var group = await clerk.PostAsJsonAsync("/api/v1/monitoring/groups", new
        {
            ownerUnitId = await UnitId("LC-BL"), name = "Tổ theo dõi thử", leaderUserName = "totruong.binhlu", from = "2025-07-01", memberUserNames = new[] { "theodoi.binhlu" },
        });
        var groupId = (await group.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.True((await clerk.PostAsJsonAsync($"/api/v1/monitoring/groups/{groupId}/coverage", new { unitId = await UnitId("LC-BL-NK"), from = "2025-07-01" })).IsSuccessStatusCode);
        var monitor = await Get(await App.ApiAs("theodoi.binhlu"), $"/api/v1/members/{member}");
        Assert.Equal("Chi bộ bản Nà Khum", monitor.GetProperty("cellName").GetString());
        Assert.False(monitor.GetProperty("personalDataVisible").GetBoolean());
        Assert.Equal(JsonValueKind.Null, monitor.GetProperty("citizenId").ValueKind);
        Assert.Equal(JsonValueKind.Null, monitor.GetProperty("phone").ValueKind);
        Assert.Equal(JsonValueKind.Null, monitor.GetProperty("partyCardNumber").ValueKind);

        var pages = await App.PagesAs("theodoi.binhlu");
        var html = await pages.GetStringAsync($"/Members/{member}");
        Assert.DoesNotContain(secretary.GetProperty("citizenId").GetString()!, html);
        Assert.Contains("Ẩn (chỉ vai trò có thẩm quyền được xem)", html);
    }

    [Fact]
    public async Task MemberSeesOnlyTheirOwnCellAndOnlyTheirOwnPersonalData()
    {
        var me = await App.ApiAs("dangvien.nakhum");
        var meInfo = await Get(me, "/api/v1/auth/me");
        var myId = meInfo.GetProperty("memberId").GetInt32();
        var cell = await UnitId("LC-BL-NK");
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync($"/api/v1/units/{cell}/roll")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.GetAsync($"/api/v1/units/{await UnitId("LC-BL")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.GetAsync($"/api/v1/units/{await UnitId("LC-BL-BL")}/roll")).StatusCode);

        var mine = await Get(me, $"/api/v1/members/{myId}");
        Assert.True(mine.GetProperty("personalDataVisible").GetBoolean());
        var colleague = (await Get(me, $"/api/v1/units/{cell}/roll")).EnumerateArray().First(r => r.GetProperty("memberId").GetInt32() != myId).GetProperty("memberId").GetInt32();
        var theirs = await Get(me, $"/api/v1/members/{colleague}");
        Assert.False(theirs.GetProperty("personalDataVisible").GetBoolean());
        Assert.Equal(JsonValueKind.Null, theirs.GetProperty("citizenId").ValueKind);
        // A member cannot change anything, not even a colleague's record in their own cell.
        var put = await me.PutAsJsonAsync($"/api/v1/members/{colleague}", new { profile = new { fullName = "X", sex = "Male", admittedOn = "2010-01-01" }, version = 0 });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Fact]
    public async Task ACellSecretaryNoLongerSeesThePersonalDataOfMembersWhoLeftTheCell()
    {
        var nk = await UnitId("LC-BL-NK");
        int left;
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChiBo.Data.AppDbContext>();
            // Moved to the commune's agency cell in 2024 (the demo's transfer).
            left = db.Memberships.Where(m => m.UnitId == nk && m.To != null).Select(m => m.MemberId).First();
        }
        var secretary = await Get(await App.ApiAs("bithu.nakhum"), $"/api/v1/members/{left}");
        Assert.False(secretary.GetProperty("personalDataVisible").GetBoolean());
        Assert.Equal(JsonValueKind.Null, secretary.GetProperty("citizenId").ValueKind);
        Assert.Equal(JsonValueKind.Null, secretary.GetProperty("phone").ValueKind);
        Assert.Equal(JsonValueKind.Null, secretary.GetProperty("partyCardNumber").ValueKind);
        // The committee that holds the member's current cell still does.
        var clerk = await Get(await App.ApiAs("vp.binhlu"), $"/api/v1/members/{left}");
        Assert.True(clerk.GetProperty("personalDataVisible").GetBoolean());
        Assert.Equal(12, clerk.GetProperty("citizenId").GetString()!.Length);
    }

    [Fact]
    public async Task AnonymousCallsAreRefusedAndOnlyAdministratorsReadTheAuditLog()
    {
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/units")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/Units/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.ApiAs("btc.tinh")).GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await App.ApiAs("admin")).GetAsync("/api/v1/audit")).StatusCode);
    }
}

public class ScopeTestsSqlite(SqliteApp app) : ScopeTests(app), IClassFixture<SqliteApp>;
public class ScopeTestsPostgres(PostgresApp app) : ScopeTests(app), IClassFixture<PostgresApp>;
