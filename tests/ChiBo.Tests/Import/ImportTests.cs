using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Import;

public abstract class ImportTests(ChiBoApp app) : AppTest(app)
{
    const string MemberHeader = "Họ và tên,Ngày sinh,Giới tính,Dân tộc,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng,Số CCCD,Điện thoại,Mã chi bộ,Ngày bắt đầu sinh hoạt";

    async Task<JsonElement> ImportAndWait(HttpClient client, string kind, string csv)
    {
        var res = await client.PostAsync($"/api/v1/imports/{kind}", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Accepted, res.StatusCode);
        var id = (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        for (var i = 0; i < 200; i++)
        {
            var job = await Get(client, $"/api/v1/imports/{id}");
            if (job.GetProperty("status").GetString() is "Succeeded" or "Failed") return job;
            await Task.Delay(100);
        }
        throw new TimeoutException("Import did not finish.");
    }

    [Fact]
    public async Task ImportWithOneBadRowChangesNothingAndNamesTheRow()
    {
        var staff = await App.ApiAs("vp.binhlu");
        var csv = $"""
            {MemberHeader}
            Lò Văn Khải,12/03/1985,Nam,Thái,19/05/2010,19/05/2011,50100001,012345678901,0912345678,LC-BL-NK,19/05/2010
            Tòng Thị Xuân,01/01/1990,Nữ,Thái,03/02/2015,03/02/2016,50100002,,,LC-BL-NK,03/02/2015
            Vàng A Páo,31/02/1988,Nam,Mông,01/09/2012,,50100003,,,LC-BL-NK,
            """;
        var job = await ImportAndWait(staff, "members", csv);
        Assert.Equal("Failed", job.GetProperty("status").GetString());
        var error = Assert.Single(job.GetProperty("errors").EnumerateArray());
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.Contains("Ngày sinh", error.GetProperty("message").GetString());
        Assert.Contains("31/02/1988", error.GetProperty("message").GetString());
        // Neither of the two good rows was written.
        var search = await Get(staff, "/api/v1/search?q=lo van khai");
        Assert.Empty(search.GetProperty("members").EnumerateArray());
        Assert.Empty((await Get(staff, "/api/v1/search?q=tong thi xuan")).GetProperty("members").EnumerateArray());
    }

    [Fact]
    public async Task GoodImportWritesEveryRowWithItsMembership()
    {
        var staff = await App.ApiAs("vp.binhlu");
        var csv = $"""
            {MemberHeader}
            Sần Văn Quyết,12/03/1983,Nam,Giáy,19/05/2009,19/05/2010,50200001,,,LC-BL-UB,19/05/2009
            "Đèo Thị Ngọc, Lan",01/01/1992,Nữ,Thái,03/02/2026,,50200002,,,LC-BL-UB,
            """;
        var job = await ImportAndWait(staff, "members", csv);
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(2, job.GetProperty("totalRows").GetInt32());
        var hit = Assert.Single((await Get(staff, "/api/v1/search?q=san van quyet")).GetProperty("members").EnumerateArray());
        Assert.Equal("Chi bộ Cơ quan Ủy ban nhân dân xã Bình Lư", hit.GetProperty("cellName").GetString());
        var probationary = Assert.Single((await Get(staff, "/api/v1/search?q=deo thi ngoc")).GetProperty("members").EnumerateArray());
        var dto = await Get(staff, $"/api/v1/members/{probationary.GetProperty("id").GetInt32()}");
        Assert.Equal("Đảng viên dự bị", dto.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ImportOutsideTheAccountsSubtreeIsRefusedRowByRow()
    {
        var staff = await App.ApiAs("vp.binhlu");
        var csv = $"""
            {MemberHeader}
            Giàng A Sử,12/03/1983,Nam,Mông,19/05/2009,19/05/2010,50300001,,,LC-MS-MS,19/05/2009
            """;
        var job = await ImportAndWait(staff, "members", csv);
        Assert.Equal("Failed", job.GetProperty("status").GetString());
        Assert.Contains("không thuộc phạm vi", job.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task UnitsImportBuildsNewNodesUnderExistingOnesAndFromEarlierRows()
    {
        var staff = await App.ApiAs("btc.tinh");
        var csv = """
            Mã đơn vị,Tên đơn vị,Loại tổ chức,Mã đơn vị cấp trên,Ký hiệu,Loại hình chi bộ,Địa danh,Ngày thành lập
            LC-SH,Đảng ủy xã Sì Lở Lầu,DANG_UY_XA,LC,ĐU,,Sì Lở Lầu,01/07/2025
            LC-SH-01,Chi bộ bản Sì Choảng,Chi bộ trực thuộc,LC-SH,,"Thôn, bản, tổ dân phố",,01/07/2025
            """;
        var job = await ImportAndWait(staff, "units", csv);
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        var cell = await Get(staff, "/api/v1/units/by-code/LC-SH-01");
        Assert.Equal("Residential", cell.GetProperty("cellKind").GetString());
        var subtree = await Get(staff, $"/api/v1/units/{await UnitId("LC-SH")}/subtree");
        Assert.Equal(2, subtree.GetArrayLength());
    }

    [Fact]
    public async Task MissingColumnsAreReportedOnTheHeaderLine()
    {
        var staff = await App.ApiAs("btc.tinh");
        var job = await ImportAndWait(staff, "members", "Họ và tên,Ngày sinh\nA,01/01/1990\n");
        Assert.Equal(1, job.GetProperty("errors")[0].GetProperty("line").GetInt32());
        Assert.Contains("Thiếu cột", job.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task CellSecretariesAndMembersCannotImport()
    {
        var secretary = await App.ApiAs("bithu.nakhum");
        var res = await secretary.PostAsync("/api/v1/imports/members", new StringContent(MemberHeader, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
    }
}

public class ImportTestsSqlite(SqliteApp app) : ImportTests(app), IClassFixture<SqliteApp>;
public class ImportTestsPostgres(PostgresApp app) : ImportTests(app), IClassFixture<PostgresApp>;
