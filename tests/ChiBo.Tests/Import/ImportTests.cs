using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace ChiBo.Tests.Import;

public abstract class ImportTests(ChiBoApp app) : AppTest(app)
{
    const string MemberHeader = "Họ và tên,Ngày sinh,Giới tính,Dân tộc,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng,Số CCCD,Điện thoại,Mã chi bộ,Ngày bắt đầu sinh hoạt";

    protected static async Task<JsonElement> ImportAndWait(HttpClient client, string kind, string csv)
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
            Sùng A Lử,12/03/1984,Nam,Mông,19/05/2009,19/05/2010,50300002,,,LC-BL-NK,19/05/2009
            Giàng A Sử,12/03/1983,Nam,Mông,19/05/2009,19/05/2010,50300001,,,LC-MS-MS,19/05/2009
            """;
        var job = await ImportAndWait(staff, "members", csv);
        Assert.Equal("Failed", job.GetProperty("status").GetString());
        var error = Assert.Single(job.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Equal("Chi bộ “LC-MS-MS” không thuộc phạm vi quản lý của tài khoản.", error.GetProperty("message").GetString());
        Assert.Empty((await Get(staff, "/api/v1/search?q=sung a lu")).GetProperty("members").EnumerateArray());
    }

    [Fact]
    public async Task BadRowsAnywhereWriteNothingAndEveryBadLineIsReportedInVietnamese()
    {
        var staff = await App.ApiAs("vp.binhlu");
        var cell = await UnitId("LC-BL-NK");
        var before = (await Get(staff, $"/api/v1/units/{cell}/roll?date=2026-11-30")).GetArrayLength();
        var csv = $"""
            {MemberHeader}
            Lù Văn Pình,12/03/1985,Nam,Thái,19/05/2010,19/05/2011,50700001,012345670001,,LC-BL-NK,
            Lò Thị Hoa,01/01/1990,Nữ,Thái,03/02/2015,03/02/2016,50700002,,,LC-BL-NK,
            Tao Văn Sáng,01/01/1990,Nam,Thái,03/02/2015,,50700003,,,LC-BL-NK,
            Lò Văn Nọi,01/01/1990,Khác,Thái,03/02/2015,,50700004,,,LC-BL-NK,
            Quàng Văn Mươn,01/01/1991,Nam,Thái,03/02/2015,,50700005,12345,,LC-BL-NK,
            Lường Thị Bun,01/01/1992,Nữ,Thái,03/02/2015,,50700006,,,LC-BL-XX,
            """;
        var job = await ImportAndWait(staff, "members", csv);
        Assert.Equal("Failed", job.GetProperty("status").GetString());
        var errors = job.GetProperty("errors").EnumerateArray().Select(e => (Line: e.GetProperty("line").GetInt32(), Message: e.GetProperty("message").GetString()!)).ToList();
        Assert.Equal([5, 6, 7], errors.Select(e => e.Line));
        Assert.Equal("Giới tính “Khác” không hợp lệ (Nam hoặc Nữ).", errors[0].Message);
        Assert.Equal("Số CCCD phải gồm đúng 12 chữ số.", errors[1].Message);
        Assert.Equal("Không có chi bộ có mã “LC-BL-XX”.", errors[2].Message);
        // All or nothing: the four good lines were not written either.
        Assert.Equal(before, (await Get(staff, $"/api/v1/units/{cell}/roll?date=2026-11-30")).GetArrayLength());
        Assert.Empty((await Get(staff, "/api/v1/search?q=lu van pinh")).GetProperty("members").EnumerateArray());
    }

    [Fact]
    public async Task GoodImportPutsEveryMemberOnTheCellsRollFromTheStartDate()
    {
        var staff = await App.ApiAs("vp.binhlu");
        var cell = await UnitId("LC-BL-NK");
        var before = (await Get(staff, $"/api/v1/units/{cell}/roll?date=2026-11-30")).GetArrayLength();
        var csv = $"""
            {MemberHeader}
            Hoàng Văn Chiến,12/03/1980,Nam,Tày,19/05/2005,19/05/2006,50800001,012345680001,0912000001,LC-BL-NK,01/10/2026
            Vì Thị Lả,01/01/1993,Nữ,Thái,03/02/2020,03/02/2021,50800002,012345680002,,LC-BL-NK,01/10/2026
            Mùa A Dế,05/06/1996,Nam,Mông,03/02/2026,,50800003,,,LC-BL-NK,01/10/2026
            """;
        var job = await ImportAndWait(staff, "members", csv);
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(3, job.GetProperty("processedRows").GetInt32());
        var roll = (await Get(staff, $"/api/v1/units/{cell}/roll?date=2026-11-30")).EnumerateArray().ToList();
        Assert.Equal(before + 3, roll.Count);
        var names = roll.Select(r => r.GetProperty("fullName").GetString()).ToList();
        Assert.Contains("Hoàng Văn Chiến", names);
        Assert.Contains("Vì Thị Lả", names);
        Assert.Equal("Probationary", roll.Single(r => r.GetProperty("fullName").GetString() == "Mùa A Dế").GetProperty("status").GetString());
        // Not on the roll before the start date.
        Assert.Equal(before, (await Get(staff, $"/api/v1/units/{cell}/roll?date=2026-09-30")).GetArrayLength());
        var hit = Assert.Single((await Get(staff, "/api/v1/search?q=hoang van chien")).GetProperty("members").EnumerateArray());
        var member = await Get(staff, $"/api/v1/members/{hit.GetProperty("id").GetInt32()}");
        Assert.Equal("50800001", member.GetProperty("partyCardNumber").GetString());
    }

    [Fact]
    public async Task DuplicatePartyCardOrCitizenIdInsideTheFileIsRefused()
    {
        var staff = await App.ApiAs("vp.binhlu");
        var csv = $"""
            {MemberHeader}
            Lò Văn Panh,12/03/1985,Nam,Thái,19/05/2010,19/05/2011,50900001,012345690001,,LC-BL-NK,
            Lò Văn Piềng,12/03/1986,Nam,Thái,19/05/2010,19/05/2011,50900001,012345690002,,LC-BL-NK,
            Lò Văn Pó,12/03/1987,Nam,Thái,19/05/2010,19/05/2011,50900003,012345690001,,LC-BL-NK,
            """;
        var job = await ImportAndWait(staff, "members", csv);
        Assert.Equal("Failed", job.GetProperty("status").GetString());
        var errors = job.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal(3, errors[0].GetProperty("line").GetInt32());
        Assert.Equal("Số thẻ đảng “50900001” trùng với dòng 2 của tệp.", errors[0].GetProperty("message").GetString());
        Assert.Equal(4, errors[1].GetProperty("line").GetInt32());
        Assert.Equal("Số CCCD “012345690001” trùng với dòng 2 của tệp.", errors[1].GetProperty("message").GetString());
        Assert.Empty((await Get(staff, "/api/v1/search?q=lo van panh")).GetProperty("members").EnumerateArray());
    }

    [Fact]
    public async Task PartyCardOrCitizenIdAlreadyInTheDatabaseIsRefused()
    {
        var staff = await App.ApiAs("vp.binhlu");
        var first = await ImportAndWait(staff, "members", $"""
            {MemberHeader}
            Cà Văn Thanh,12/03/1985,Nam,Thái,19/05/2010,19/05/2011,51000001,012345700001,,LC-BL-NK,
            """);
        Assert.Equal("Succeeded", first.GetProperty("status").GetString());
        var job = await ImportAndWait(staff, "members", $"""
            {MemberHeader}
            Cà Thị Thoa,12/03/1988,Nữ,Thái,19/05/2012,19/05/2013,51000002,012345700002,,LC-BL-NK,
            Cà Văn Toản,12/03/1989,Nam,Thái,19/05/2012,19/05/2013,51000001,,,LC-BL-NK,
            Cà Văn Tiến,12/03/1990,Nam,Thái,19/05/2012,19/05/2013,51000003,012345700001,,LC-BL-NK,
            """);
        Assert.Equal("Failed", job.GetProperty("status").GetString());
        var errors = job.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([3, 4], errors.Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal("Số thẻ đảng “51000001” đã có trong hệ thống.", errors[0].GetProperty("message").GetString());
        Assert.Equal("Số CCCD “012345700001” đã có trong hệ thống.", errors[1].GetProperty("message").GetString());
        Assert.Empty((await Get(staff, "/api/v1/search?q=ca thi thoa")).GetProperty("members").EnumerateArray());
    }

    [Fact]
    public async Task MembersIndexesAndKeysAreTheSameAfterAnImport()
    {
        Assert.SkipUnless(App.Kind == Db.Postgres, "The index rebuild of large imports exists on PostgreSQL only.");
        var staff = await App.ApiAs("vp.binhlu");
        var before = await SchemaOfMembersAsync();
        var job = await ImportAndWait(staff, "members", $"""
            {MemberHeader}
            Lò Văn Chung,12/03/1985,Nam,Thái,19/05/2010,19/05/2011,51100001,012345710001,,LC-BL-NK,
            """);
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(before, await SchemaOfMembersAsync());
        Assert.Single((await Get(staff, "/api/v1/search?q=lo van chung")).GetProperty("members").EnumerateArray());
    }

    async Task<List<string>> SchemaOfMembersAsync()
    {
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT indexdef FROM pg_indexes WHERE tablename IN ('Members', 'Memberships')
            UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('"Members"'::regclass, '"Memberships"'::regclass)
            ORDER BY 1
            """, conn);
        await using var r = await cmd.ExecuteReaderAsync();
        var list = new List<string>();
        while (await r.ReadAsync()) list.Add(r.GetString(0));
        return list;
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
    public async Task ThePageUploadsAFileAndShowsTheJob()
    {
        var browser = await App.PagesAs("vp.binhlu");
        var token = Forms.AntiforgeryToken(await browser.GetStringAsync("/Import"));
        var csv = $"{MemberHeader}\nĐiêu Văn Tươi,12/03/1986,Nam,Thái,19/05/2011,19/05/2012,51200001,,,LC-BL-NK,\n";
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Members"), "Kind" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Upload", "dang-vien.csv" },
        };
        var res = await browser.PostAsync("/Import", form);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var id = int.Parse(res.Headers.Location!.OriginalString.Split("job=")[1], System.Globalization.CultureInfo.InvariantCulture);
        var api = await App.ApiAs("vp.binhlu");
        for (var i = 0; i < 200 && (await Get(api, $"/api/v1/imports/{id}")).GetProperty("status").GetString() is not ("Succeeded" or "Failed"); i++) await Task.Delay(100);
        var job = await Get(api, $"/api/v1/imports/{id}");
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal("dang-vien.csv", job.GetProperty("fileName").GetString());
        Assert.Single((await Get(api, "/api/v1/search?q=dieu van tuoi")).GetProperty("members").EnumerateArray());
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

/// <summary>PostgreSQL with every import taking the large-file paths (numbers checked through a temporary table, indexes and keys rebuilt after the COPY).</summary>
public sealed class PostgresRebuildApp : ChiBoApp
{
    public override Db Kind => Db.Postgres;
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Import:LargeFileRows", "0");
    }
}
public class ImportTestsPostgresRebuild(PostgresRebuildApp app) : ImportTests(app), IClassFixture<PostgresRebuildApp>;
