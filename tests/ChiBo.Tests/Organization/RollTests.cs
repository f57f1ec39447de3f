using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Organization;

public abstract class RollTests(ChiBoApp app) : AppTest(app)
{
    static bool Has(JsonElement roll, int memberId) => roll.EnumerateArray().Any(r => r.GetProperty("memberId").GetInt32() == memberId);

    [Fact]
    public async Task TransferKeepsTheRollRightOnBothSidesOfTheDate()
    {
        var staff = await App.ApiAs("vp.binhlu");
        var from = await UnitId("LC-BL-BL");
        var to = await UnitId("LC-BL-UB");
        var roll = await Get(staff, $"/api/v1/units/{from}/roll?date=2026-11-01");
        var memberId = roll.EnumerateArray().Select(r => r.GetProperty("memberId").GetInt32()).Last();

        var res = await staff.PostAsJsonAsync($"/api/v1/members/{memberId}/transfer", new { toCellId = to, date = "2026-11-15", note = "Chuyển công tác" });
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);

        Assert.True(Has(await Get(staff, $"/api/v1/units/{from}/roll?date=2026-11-14"), memberId));
        Assert.False(Has(await Get(staff, $"/api/v1/units/{from}/roll?date=2026-11-15"), memberId));
        Assert.False(Has(await Get(staff, $"/api/v1/units/{to}/roll?date=2026-11-14"), memberId));
        Assert.True(Has(await Get(staff, $"/api/v1/units/{to}/roll?date=2026-11-15"), memberId));
        // The past roll is untouched: a year ago the member was in the first cell.
        Assert.True(Has(await Get(staff, $"/api/v1/units/{from}/roll?date=2025-11-15"), memberId));
    }

    [Fact]
    public async Task RollShowsStatusFromDatesAndExemptions()
    {
        var admin = await App.ApiAs("admin");
        var cell = await UnitId("LC-BL-NK");
        var roll = await Get(admin, $"/api/v1/units/{cell}/roll?date=2026-11-20");
        var statuses = roll.EnumerateArray().Select(r => r.GetProperty("status").GetString()).ToList();
        Assert.Contains("Exempt", statuses);   // exempt since 01/01/2023 for age
        Assert.Contains("Official", statuses);
        var before = await Get(admin, $"/api/v1/units/{cell}/roll?date=2022-12-31");
        Assert.DoesNotContain("Exempt", before.EnumerateArray().Select(r => r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task SpecialDutyIsRecordedWithItsPeriod()
    {
        var staff = await App.ApiAs("vp.binhlu");
        var cell = await UnitId("LC-BL-UB");
        var member = (await Get(staff, $"/api/v1/units/{cell}/roll?date=2026-11-20"))[3].GetProperty("memberId").GetInt32();
        var bad = await staff.PostAsJsonAsync($"/api/v1/members/{member}/exemptions", new { kind = "SpecialDuty", decisionDate = "2026-11-10", from = "2026-11-01", to = "2026-10-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var ok = await staff.PostAsJsonAsync($"/api/v1/members/{member}/exemptions", new { kind = "SpecialDuty", decisionDate = "2026-10-25", from = "2026-11-01", to = "2027-02-01", reason = "Huấn luyện dân quân" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var roll = await Get(staff, $"/api/v1/units/{cell}/roll?date=2026-11-20");
        Assert.Equal("SpecialDuty", roll.EnumerateArray().First(r => r.GetProperty("memberId").GetInt32() == member).GetProperty("status").GetString());
    }
}

public class RollTestsSqlite(SqliteApp app) : RollTests(app), IClassFixture<SqliteApp>;
public class RollTestsPostgres(PostgresApp app) : RollTests(app), IClassFixture<PostgresApp>;
