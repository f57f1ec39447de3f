using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Members;

public abstract class MemberEditTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task ConcurrentEditsGiveAConflictNotALostUpdateAndAreAudited()
    {
        var secretary = await App.ApiAs("bithu.nakhum");
        var cell = await UnitId("LC-BL-NK");
        var id = (await Get(secretary, $"/api/v1/units/{cell}/roll"))[4].GetProperty("memberId").GetInt32();
        var original = await Get(secretary, $"/api/v1/members/{id}");
        var version = original.GetProperty("version").GetInt32();
        object Body(string phone) => new
        {
            profile = new
            {
                fullName = original.GetProperty("fullName").GetString(), dateOfBirth = original.GetProperty("dateOfBirth").GetString(),
                sex = original.GetProperty("sex").GetString(), ethnicity = "Thái", admittedOn = original.GetProperty("admittedOn").GetString(),
                officialOn = original.GetProperty("officialOn").GetString(), partyCardNumber = original.GetProperty("partyCardNumber").GetString(),
                citizenId = original.GetProperty("citizenId").GetString(), phone,
            },
            version,
        };
        var first = await secretary.PutAsJsonAsync($"/api/v1/members/{id}", Body("0911111111"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await secretary.PutAsJsonAsync($"/api/v1/members/{id}", Body("0922222222"));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("người khác cập nhật", await second.Content.ReadAsStringAsync());
        Assert.Equal("0911111111", (await Get(secretary, $"/api/v1/members/{id}")).GetProperty("phone").GetString());

        var admin = await App.ApiAs("admin");
        var audit = await Get(admin, $"/api/v1/audit?entity=Member&entityId={id}");
        var change = audit.EnumerateArray().First(a => a.GetProperty("action").GetString() == "Modified");
        Assert.Equal("bithu.nakhum", change.GetProperty("actor").GetString());
        Assert.Contains(original.GetProperty("phone").GetString()!, change.GetProperty("before").GetString());
        Assert.Contains("0911111111", change.GetProperty("after").GetString());
    }

    [Fact]
    public async Task InvalidProfileGetsVietnameseFieldErrors()
    {
        var staff = await App.ApiAs("vp.binhlu");
        var cell = await UnitId("LC-BL-BL");
        var res = await staff.PostAsJsonAsync("/api/v1/members", new
        {
            profile = new { fullName = "Lường Văn Bảo", dateOfBirth = "2000-01-01", sex = "Male", admittedOn = "2010-01-01", citizenId = "123" },
            cellId = cell, joinedOn = "2010-01-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var problem = await res.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("18 tuổi", problem.GetProperty("errors").GetProperty("admittedOn")[0].GetString());
    }

    [Fact]
    public async Task APartyCardOrCitizenIdAnotherMemberHoldsIsRefusedOnEntryAndOnEdit()
    {
        var staff = await App.ApiAs("vp.binhlu");
        var roll = await Get(staff, $"/api/v1/units/{await UnitId("LC-BL-NK")}/roll");
        var (a, b) = (await Get(staff, $"/api/v1/members/{roll[1].GetProperty("memberId").GetInt32()}"), await Get(staff, $"/api/v1/members/{roll[2].GetProperty("memberId").GetInt32()}"));
        var taken = a.GetProperty("citizenId").GetString()!;
        Assert.Matches("^[0-9]{12}$", taken);

        // A new member with someone's CCCD: refused next to the field, nobody added.
        var before = (await Get(staff, $"/api/v1/units/{await UnitId("LC-BL-BL")}/roll")).GetArrayLength();
        var res = await staff.PostAsJsonAsync("/api/v1/members", new
        {
            profile = new { fullName = "Lò Văn Hùng", dateOfBirth = "1990-05-01", sex = "Male", admittedOn = "2015-01-01", officialOn = "2016-01-01", citizenId = taken },
            cellId = await UnitId("LC-BL-BL"), joinedOn = "2015-01-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Equal($"Số CCCD “{taken}” đã có trong hệ thống.", (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("citizenId")[0].GetString());
        Assert.Equal(before, (await Get(staff, $"/api/v1/units/{await UnitId("LC-BL-BL")}/roll")).GetArrayLength());

        // Editing b to a's party card or a's CCCD is refused; b keeps its own numbers (saving them unchanged is not a duplicate).
        object Edit(string? card, string? citizen) => new
        {
            profile = new
            {
                fullName = b.GetProperty("fullName").GetString(), dateOfBirth = b.GetProperty("dateOfBirth").GetString(), sex = b.GetProperty("sex").GetString(),
                admittedOn = b.GetProperty("admittedOn").GetString(), officialOn = b.GetProperty("officialOn").GetString(), partyCardNumber = card, citizenId = citizen,
            },
            version = b.GetProperty("version").GetInt32(),
        };
        var url = $"/api/v1/members/{b.GetProperty("id").GetInt32()}";
        var card = await staff.PutAsJsonAsync(url, Edit(a.GetProperty("partyCardNumber").GetString(), b.GetProperty("citizenId").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, card.StatusCode);
        Assert.Contains("partyCardNumber", await card.Content.ReadAsStringAsync());
        var citizen = await staff.PutAsJsonAsync(url, Edit(b.GetProperty("partyCardNumber").GetString(), taken));
        Assert.Equal(HttpStatusCode.BadRequest, citizen.StatusCode);
        Assert.Contains($"Số CCCD “{taken}” đã có trong hệ thống.", await citizen.Content.ReadAsStringAsync());
        Assert.Equal(b.GetProperty("citizenId").GetString(), (await Get(staff, url)).GetProperty("citizenId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync(url, Edit(b.GetProperty("partyCardNumber").GetString(), b.GetProperty("citizenId").GetString()))).StatusCode);
    }

    [Fact]
    public async Task EditingOnTheMemberPageShowsTheConflictMessage()
    {
        var pages = await App.PagesAs("bithu.nakhum");
        var cell = await UnitId("LC-BL-NK");
        var api = await App.ApiAs("bithu.nakhum");
        var id = (await Get(api, $"/api/v1/units/{cell}/roll"))[6].GetProperty("memberId").GetInt32();
        var html = await pages.GetStringAsync($"/Members/{id}");
        var token = Forms.AntiforgeryToken(html);
        var dto = await Get(api, $"/api/v1/members/{id}");
        Dictionary<string, string> Form(string ethnicity) => new()
        {
            ["__RequestVerificationToken"] = token, ["Form.Version"] = dto.GetProperty("version").GetInt32().ToString(),
            ["Form.FullName"] = dto.GetProperty("fullName").GetString()!, ["Form.Sex"] = dto.GetProperty("sex").GetString()!,
            ["Form.AdmittedOn"] = DateOnly.Parse(dto.GetProperty("admittedOn").GetString()!).ToString("dd/MM/yyyy"),
            ["Form.Ethnicity"] = ethnicity,
        };
        var ok = await pages.PostAsync($"/Members/{id}", new FormUrlEncodedContent(Form("Giáy")));
        Assert.Contains("Đã lưu hồ sơ.", await ok.Content.ReadAsStringAsync());
        var stale = await pages.PostAsync($"/Members/{id}", new FormUrlEncodedContent(Form("Kinh")));
        Assert.Contains("người khác cập nhật", await stale.Content.ReadAsStringAsync());
        Assert.Equal("Giáy", (await Get(api, $"/api/v1/members/{id}")).GetProperty("ethnicity").GetString());
    }
}

public class MemberEditTestsSqlite(SqliteApp app) : MemberEditTests(app), IClassFixture<SqliteApp>;
public class MemberEditTestsPostgres(PostgresApp app) : MemberEditTests(app), IClassFixture<PostgresApp>;
