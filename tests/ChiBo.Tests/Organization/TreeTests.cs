using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Organization;

public abstract class TreeTests(ChiBoApp app) : AppTest(app)
{
    static List<string> Names(JsonElement list) => list.EnumerateArray().Select(x => x.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();
    static List<string> Sorted(params string[] names) => names.Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task TreeAsOf2023HasTheDistrictsAndTodayHasTheCommunesDirectlyUnderTheProvince()
    {
        var admin = await App.ApiAs("admin");
        var province = await UnitId("LC");
        var in2023 = await Get(admin, $"/api/v1/units/{province}?asOf=2023-01-10");
        var today = await Get(admin, $"/api/v1/units/{province}");
        Assert.Equal(Sorted("Huyện ủy Phong Thổ", "Huyện ủy Tam Đường"), Names(in2023.GetProperty("children")));
        Assert.Equal(Sorted("Đảng ủy xã Bình Lư", "Đảng ủy xã Mường So", "Đảng ủy xã Phong Thổ"), Names(today.GetProperty("children")));
    }

    [Fact]
    public async Task BreadcrumbsFollowTheTreeOfTheDateAsked()
    {
        var admin = await App.ApiAs("admin");
        var cell = await UnitId("LC-BH-H1");
        var then = await Get(admin, $"/api/v1/units/{cell}?asOf=2024-12-31");
        var now = await Get(admin, $"/api/v1/units/{cell}");
        Assert.Equal(["Tỉnh ủy Lai Châu", "Huyện ủy Tam Đường", "Đảng ủy xã Bản Hon", "Chi bộ bản Hon 1"],
            then.GetProperty("ancestors").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList());
        Assert.Equal(["Tỉnh ủy Lai Châu", "Đảng ủy xã Bình Lư", "Chi bộ bản Hon 1"],
            now.GetProperty("ancestors").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList());
    }

    [Fact]
    public async Task RenamedUnitShowsTheNameItCarriedOnTheDate()
    {
        var admin = await App.ApiAs("admin");
        var town = await UnitId("LC-PTT");
        Assert.Equal("Đảng ủy thị trấn Phong Thổ", (await Get(admin, $"/api/v1/units/{town}?asOf=2025-06-30")).GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal("Đảng ủy xã Phong Thổ", (await Get(admin, $"/api/v1/units/{town}?asOf=2025-07-01")).GetProperty("unit").GetProperty("name").GetString());
        var history = await Get(admin, $"/api/v1/units/{town}/history");
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("kind").GetString() == "Renamed" && e.GetProperty("date").GetString() == "2025-07-01");
    }

    [Fact]
    public async Task SubtreeQueryReturnsExactlyTheDescendantsOnTheDate()
    {
        var admin = await App.ApiAs("admin");
        var binhLu = await UnitId("LC-BL");
        var before = await Get(admin, $"/api/v1/units/{binhLu}/subtree?asOf=2025-06-30");
        var after = await Get(admin, $"/api/v1/units/{binhLu}/subtree?asOf=2025-07-01");
        Assert.Equal(["LC-BL", "LC-BL-BL", "LC-BL-NK", "LC-BL-UB"], Codes(before));
        // Bản Hon merged in and the school's grassroots cell moved under the commune on 1/7/2025.
        Assert.Equal(["LC-BH-H1", "LC-BH-NL", "LC-BL", "LC-BL-BL", "LC-BL-NK", "LC-BL-UB", "LC-TD-THPT"], Codes(after));
    }

    static List<string> Codes(JsonElement list) => list.EnumerateArray().Select(x => x.GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task DissolvedDistrictIsGoneTodayButItsPastIsKept()
    {
        var admin = await App.ApiAs("admin");
        var tamDuong = await UnitId("LC-TD");
        var subtreeToday = await Get(admin, $"/api/v1/units/{tamDuong}/subtree");
        Assert.Empty(subtreeToday.EnumerateArray());
        var subtree2023 = await Get(admin, $"/api/v1/units/{tamDuong}/subtree?asOf=2023-06-01");
        Assert.Equal(["LC-BH", "LC-BH-H1", "LC-BH-NL", "LC-BL", "LC-BL-BL", "LC-BL-NK", "LC-BL-UB", "LC-TD", "LC-TD-THPT"], Codes(subtree2023));
    }

    [Fact]
    public async Task MovingAUnitChangesItsParentFromTheDateOnlyAndRefusesCycles()
    {
        var admin = await App.ApiAs("btc.tinh");
        var cell = await UnitId("LC-MS-KL");
        var target = await UnitId("LC-PTT");
        var res = await admin.PostAsJsonAsync($"/api/v1/units/{cell}/move", new { newParentId = target, date = "2026-10-01", decision = "QĐ 12-QĐ/TU" });
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var before = await Get(admin, $"/api/v1/units/{cell}?asOf=2026-09-30");
        var after = await Get(admin, $"/api/v1/units/{cell}?asOf=2026-10-01");
        Assert.Equal("Đảng ủy xã Mường So", before.GetProperty("ancestors")[1].GetProperty("name").GetString());
        Assert.Equal("Đảng ủy xã Phong Thổ", after.GetProperty("ancestors")[1].GetProperty("name").GetString());

        var province = await UnitId("LC");
        var cycle = await admin.PostAsJsonAsync($"/api/v1/units/{province}/move", new { newParentId = target, date = "2026-10-02" });
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        Assert.Contains("chính nó", await cycle.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CreatingAUnitValidatesInVietnamese()
    {
        var staff = await App.ApiAs("vp.binhlu");
        var binhLu = await UnitId("LC-BL");
        var res = await staff.PostAsJsonAsync("/api/v1/units", new { code = "LC-BL-NK", name = "Chi bộ trùng mã", typeCode = "CHI_BO", parentId = binhLu, from = "2026-11-01", cellKind = "Residential" });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var problem = await res.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("đã tồn tại", problem.GetProperty("errors").GetProperty("code")[0].GetString());

        var ok = await staff.PostAsJsonAsync("/api/v1/units", new { code = "LC-BL-NEW", name = "Chi bộ bản Nà Khum 2", typeCode = "CHI_BO", parentId = binhLu, from = "2026-11-01", cellKind = "Residential" });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var subtree = await Get(staff, $"/api/v1/units/{binhLu}/subtree?asOf=2026-11-01");
        Assert.Contains(Codes(subtree), c => c == "LC-BL-NEW");
        Assert.DoesNotContain(Codes(await Get(staff, $"/api/v1/units/{binhLu}/subtree?asOf=2026-10-31")), c => c == "LC-BL-NEW");
    }
}

public abstract class SplitTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task SplittingACellSharesOutItsMembersAndKeepsTheOldCellInHistory()
    {
        var staff = await App.ApiAs("vp.binhlu");
        var cell = await UnitId("LC-BL-BL");
        var roll = (await Get(staff, $"/api/v1/units/{cell}/roll?date=2026-11-30")).EnumerateArray().Select(r => r.GetProperty("memberId").GetInt32()).ToList();
        var half = roll.Count / 2;
        object Part(string code, string name, IEnumerable<int> members) => new { code, name, typeCode = "CHI_BO", cellKind = "Residential", memberIds = members.ToArray() };

        // Leaving a member unassigned is refused and nothing changes.
        var partial = await staff.PostAsJsonAsync($"/api/v1/units/{cell}/split", new { date = "2026-12-01", parts = new[] { Part("LC-BL-BL-A", "Chi bộ bản Bình Lư 1", roll.Take(half)), Part("LC-BL-BL-B", "Chi bộ bản Bình Lư 2", roll.Skip(half).Skip(1)) } });
        Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);
        Assert.Contains("còn đảng viên", await partial.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/v1/units/by-code/LC-BL-BL-A")).StatusCode);

        var ok = await staff.PostAsJsonAsync($"/api/v1/units/{cell}/split", new { date = "2026-12-01", decision = "QĐ 45-QĐ/ĐU", parts = new[] { Part("LC-BL-BL-A", "Chi bộ bản Bình Lư 1", roll.Take(half)), Part("LC-BL-BL-B", "Chi bộ bản Bình Lư 2", roll.Skip(half)) } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var a = (await Get(staff, "/api/v1/units/by-code/LC-BL-BL-A?asOf=2026-12-01")).GetProperty("id").GetInt32();
        var b = (await Get(staff, "/api/v1/units/by-code/LC-BL-BL-B?asOf=2026-12-01")).GetProperty("id").GetInt32();
        Assert.Equal(half, (await Get(staff, $"/api/v1/units/{a}/roll?date=2026-12-01")).GetArrayLength());
        Assert.Equal(roll.Count - half, (await Get(staff, $"/api/v1/units/{b}/roll?date=2026-12-01")).GetArrayLength());
        Assert.Equal(roll.Count, (await Get(staff, $"/api/v1/units/{cell}/roll?date=2026-11-30")).GetArrayLength());
        var commune = await Get(staff, $"/api/v1/units/{await UnitId("LC-BL")}?asOf=2026-12-01");
        var children = commune.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Contains("LC-BL-BL-A", children);
        Assert.DoesNotContain("LC-BL-BL", children);
        var history = await Get(staff, $"/api/v1/units/{cell}/history");
        Assert.Equal(2, history.EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "Split"));
    }
}

public class SplitTestsSqlite(SqliteApp app) : SplitTests(app), IClassFixture<SqliteApp>;
public class SplitTestsPostgres(PostgresApp app) : SplitTests(app), IClassFixture<PostgresApp>;

public class TreeTestsSqlite(SqliteApp app) : TreeTests(app), IClassFixture<SqliteApp>;
public class TreeTestsPostgres(PostgresApp app) : TreeTests(app), IClassFixture<PostgresApp>;
