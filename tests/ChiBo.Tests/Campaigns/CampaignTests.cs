using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;
using static ChiBo.Tests.Meetings.MeetingFlow;

namespace ChiBo.Tests.Campaigns;

/// <summary>Seed 002 on the demo province as it was in 2017: three levels with their deadlines, reports on time, late, returned and missing.</summary>
public abstract class CampaignTests(ChiBoApp app) : AppTest(app)
{
    async Task<HttpClient> As(string user, int month, int day)
    {
        App.Clock.Now = new DateTimeOffset(2017, month, day, 9, 0, 0, TimeSpan.FromHours(7));
        return await App.ApiAs(user);
    }

    static JsonElement Level(JsonElement completeness, string name) =>
        completeness.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == name);

    [Fact]
    public async Task Seed002CompletenessAndTimelinessAtEachLevelOnChosenDates()
    {
        var province = await UnitId("LC");
        var binhLu = await UnitId("LC-BL");
        var nakhum = await UnitId("LC-BL-NK");
        var banBinhLu = await UnitId("LC-BL-BL");
        var board = await As("btc.tinh", 3, 20);
        var campaign = await Ok(await board.PostAsJsonAsync("/api/v1/campaigns", new
        {
            ownerUnitId = province, title = "Tổng kết 10 năm thực hiện Chỉ thị số 10-CT/TW về nâng cao chất lượng sinh hoạt chi bộ", kind = "Review",
            implements = "Chỉ thị số 10-CT/TW, ngày 30/3/2007 của Ban Bí thư", periodFrom = "2007-01-01", periodTo = "2017-04-01", pivotDate = "2007-03-30",
            levels = new[]
            {
                new { name = "Chi bộ", unitTypeCodes = "CHI_BO,CHI_BO_CO_SO", deadline = "2017-04-10", holdsConference = false },
                new { name = "Đảng bộ cơ sở", unitTypeCodes = "DANG_UY_XA,DANG_BO_CO_SO", deadline = "2017-04-15", holdsConference = true },
                new { name = "Cấp huyện", unitTypeCodes = "HUYEN_UY,DANG_UY_TRUC_THUOC", deadline = "2017-04-20", holdsConference = false },
            },
        }));
        var id = Id(campaign);
        // A commune's office cannot see the province, so cannot make a campaign for it.
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.ApiAs("vp.binhlu")).PostAsJsonAsync("/api/v1/campaigns", new { ownerUnitId = province, title = "x", periodFrom = "2017-01-01", periodTo = "2017-02-01", levels = Array.Empty<object>() })).StatusCode);

        // Nà Khum drafts along the outline, a member comments, the secretary answers, submits on 05/04.
        var secretary = await As("bithu.nakhum", 4, 1);
        var report = await Ok(await secretary.PostAsync($"/api/v1/campaigns/{id}/units/{nakhum}/report", null));
        var rid = Id(report);
        var sections = report.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["I", "II", "II.1", "II.2", "II.3", "II.3.a", "II.3.b", "II.3.c", "II.3.d", "II.4", "III", "III.1", "III.2", "III.3", "III.4", "IV", "V"],
            sections.Select(s => s.GetProperty("number").GetString()!).ToArray());
        Assert.Contains("Tính từ dữ liệu sinh hoạt", sections.Single(s => s.GetProperty("number").GetString() == "II.3.b").GetProperty("figures").GetString());
        var first = sections[0].GetProperty("sectionId").GetInt32();
        report = await Ok(await secretary.PutAsJsonAsync($"/api/v1/campaign-reports/{rid}", new { version = Version(report), sections = new[] { new { sectionId = first, text = "Chi bộ có 27 đảng viên, sinh hoạt tại nhà văn hóa bản." } } }));
        var member = await App.ApiAs("dangvien.nakhum");
        report = await Ok(await member.PostAsJsonAsync($"/api/v1/campaign-reports/{rid}/comments", new { sectionId = first, text = "Đề nghị nêu rõ số đảng viên nữ." }));
        var pending = await secretary.PostAsJsonAsync($"/api/v1/campaign-reports/{rid}/submit", new { version = Version(report) });
        Assert.Equal(HttpStatusCode.BadRequest, pending.StatusCode);
        Assert.Contains("chưa được tiếp thu", await pending.Content.ReadAsStringAsync());
        var comment = report.GetProperty("comments")[0].GetProperty("id").GetInt32();
        report = await Ok(await secretary.PostAsJsonAsync($"/api/v1/campaign-reports/{rid}/comments/{comment}/answer", new { answer = "Tiếp thu, bổ sung vào mục I." }));
        secretary = await As("bithu.nakhum", 4, 5);
        report = await Ok(await secretary.PostAsJsonAsync($"/api/v1/campaign-reports/{rid}/submit", new { version = Version(report) }));
        Assert.True(report.GetProperty("onTime").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.ApiAs("bithu.muongso")).GetAsync($"/api/v1/campaign-reports/{rid}")).StatusCode);

        // Bản Bình Lư reports late (12/04): the commune's office drafts it, its own secretary submits it.
        // The commune returns Nà Khum's report, which is resubmitted and accepted.
        var office = await As("vp.binhlu", 4, 12);
        var late = await Ok(await office.PostAsync($"/api/v1/campaigns/{id}/units/{banBinhLu}/report", null));
        late = await Ok(await office.PutAsJsonAsync($"/api/v1/campaign-reports/{Id(late)}", new { version = Version(late), sections = new[] { new { sectionId = first, text = "Chi bộ bản Bình Lư." } } }));
        var banBinhLuSecretary = await App.ApiAs(await Accounts.SecretaryAsync(App, "LC-BL-BL", banBinhLu));
        await Ok(await banBinhLuSecretary.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(late)}/submit", new { version = Version(late) }));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.ApiAs("bithu.nakhum")).PostAsJsonAsync($"/api/v1/campaign-reports/{rid}/review", new { accept = true, version = Version(report) })).StatusCode);
        report = await Ok(await office.PostAsJsonAsync($"/api/v1/campaign-reports/{rid}/review", new { accept = false, comment = "Bổ sung tỷ lệ dự họp từng năm.", version = Version(report) }));
        Assert.Equal("Returned", report.GetProperty("status").GetString());
        secretary = await As("bithu.nakhum", 4, 13);
        report = await Ok(await secretary.PostAsJsonAsync($"/api/v1/campaign-reports/{rid}/submit", new { version = Version(report) }));
        office = await As("vp.binhlu", 4, 14);
        report = await Ok(await office.PostAsJsonAsync($"/api/v1/campaign-reports/{rid}/review", new { accept = true, version = Version(report) }));
        Assert.Equal("Accepted", report.GetProperty("status").GetString());
        Assert.True(report.GetProperty("onTime").GetBoolean());   // the first submission counts
        Assert.Equal(HttpStatusCode.Conflict, (await (await App.ApiAs("bithu.nakhum")).PutAsJsonAsync($"/api/v1/campaign-reports/{rid}", new { version = Version(report), sections = Array.Empty<object>() })).StatusCode);

        // The province on 16/04: cells of the tree as it was on 10/04.
        board = await As("btc.tinh", 4, 16);
        var cellsThen = (await Get(board, $"/api/v1/units/{province}/subtree?asOf=2017-04-10")).EnumerateArray().Count(u => u.GetProperty("isCell").GetBoolean());
        var c = await Get(board, $"/api/v1/campaigns/{id}/completeness?nodeId={province}&date=2017-04-16");
        var cells = Level(c, "Chi bộ");
        Assert.Equal(cellsThen, cells.GetProperty("expected").GetInt32());
        Assert.Equal(2, cells.GetProperty("submitted").GetInt32());
        Assert.Equal(1, cells.GetProperty("onTime").GetInt32());
        Assert.Equal(1, cells.GetProperty("late").GetInt32());
        Assert.Equal(1, cells.GetProperty("accepted").GetInt32());
        Assert.Equal(cellsThen - 2, cells.GetProperty("missing").GetInt32());
        Assert.True(cells.GetProperty("submittedRate").GetDecimal() <= 100m);
        var grassroots = Level(c, "Đảng bộ cơ sở");
        Assert.True(grassroots.GetProperty("expected").GetInt32() >= 4);
        Assert.Equal(0, grassroots.GetProperty("submitted").GetInt32());
        Assert.Equal(2, Level(c, "Cấp huyện").GetProperty("expected").GetInt32());   // Tam Đường and Phong Thổ still existed

        // Bình Lư's own view, and the same view as of 08/04 (before the return and the late report).
        office = await App.ApiAs("vp.binhlu");
        var own = await Get(office, $"/api/v1/campaigns/{id}/completeness?nodeId={binhLu}&date=2017-04-16");
        Assert.Equal(3, Level(own, "Chi bộ").GetProperty("expected").GetInt32());
        Assert.Equal(3, own.GetProperty("children").GetArrayLength());
        var earlier = await Get(office, $"/api/v1/campaigns/{id}/completeness?nodeId={binhLu}&date=2017-04-08");
        Assert.Equal(1, Level(earlier, "Chi bộ").GetProperty("submitted").GetInt32());
        Assert.Equal("Submitted", earlier.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetInt32() == nakhum).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.ApiAs("bithu.muongso")).GetAsync($"/api/v1/campaigns/{id}/completeness?nodeId={binhLu}")).StatusCode);
    }
}

public abstract class CampaignChainTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task CellsCommuneDistrictAndProvinceCompileLevelByLevelAndTheProvinceConcludes()
    {
        App.Clock.Now = new DateTimeOffset(2017, 4, 9, 9, 0, 0, TimeSpan.FromHours(7));
        var board = await App.ApiAs("btc.tinh");
        var office = await App.ApiAs("vp.binhlu");
        var province = await UnitId("LC");
        var id = Id(await Ok(await board.PostAsJsonAsync("/api/v1/campaigns", new
        {
            ownerUnitId = province, title = "Tổng kết 10 năm thực hiện Chỉ thị số 10-CT/TW về nâng cao chất lượng sinh hoạt chi bộ", kind = "Review",
            periodFrom = "2007-01-01", periodTo = "2017-04-01",
            levels = new[]
            {
                new { name = "Chi bộ", unitTypeCodes = "CHI_BO,CHI_BO_CO_SO", deadline = "2017-04-10", holdsConference = false },
                new { name = "Đảng bộ cơ sở", unitTypeCodes = "DANG_UY_XA,DANG_BO_CO_SO", deadline = "2017-04-15", holdsConference = true },
                new { name = "Cấp huyện", unitTypeCodes = "HUYEN_UY,DANG_UY_TRUC_THUOC", deadline = "2017-04-20", holdsConference = false },
            },
        })));
        // Each report is drafted by a drafter of its unit (here the level above, which may), submitted by the unit itself, reviewed by the level directly above.
        async Task<JsonElement> Report(HttpClient writer, HttpClient submitter, HttpClient reviewer, string code, string text, bool compile)
        {
            var r = await Ok(await writer.PostAsync($"/api/v1/campaigns/{id}/units/{await UnitId(code)}/report", null));
            if (compile) r = await Ok(await writer.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(r)}/compile", new { version = Version(r) }));
            else r = await Ok(await writer.PutAsJsonAsync($"/api/v1/campaign-reports/{Id(r)}", new { version = Version(r), sections = new[] { new { sectionId = r.GetProperty("sections")[0].GetProperty("sectionId").GetInt32(), text } } }));
            r = await Ok(await submitter.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(r)}/submit", new { version = Version(r) }));
            return await Ok(await reviewer.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(r)}/review", new { accept = true, version = Version(r) }));
        }
        foreach (var code in new[] { "LC-BL-NK", "LC-BL-BL", "LC-BL-UB" })
            await Report(office, await App.ApiAs(code == "LC-BL-NK" ? "bithu.nakhum" : await Accounts.SecretaryAsync(App, code, await UnitId(code))), office, code, $"Báo cáo của {code}.", compile: false);
        // In 2017 Bình Lư was under Tam Đường: the district reviews the commune, the province reviews the district.
        var tamDuong = await App.ApiAs(await Accounts.StaffAsync(App, "LC-TD", await UnitId("LC-TD")));

        // The commune compiles its three cells and holds its conference.
        var commune = await Ok(await office.PostAsync($"/api/v1/campaigns/{id}/units/{await UnitId("LC-BL")}/report", null));
        commune = await Ok(await office.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(commune)}/compile", new { version = Version(commune) }));
        Assert.Equal(3, commune.GetProperty("sections")[0].GetProperty("text").GetString()!.Split('\n').Length);
        commune = await Ok(await office.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(commune)}/conference", new { version = Version(commune), date = "2017-04-14", conclusion = "Thống nhất các giải pháp." }));
        commune = await Ok(await office.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(commune)}/submit", new { version = Version(commune) }));
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(commune)}/review", new { accept = true, version = Version(commune) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(commune)}/review", new { accept = true, version = Version(commune) })).StatusCode);   // the province skips the district
        await Ok(await tamDuong.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(commune)}/review", new { accept = true, version = Version(commune) }));

        // Tam Đường (no conference at its level) compiles the commune; the province compiles the district and concludes.
        var district = await Report(board, tamDuong, board, "LC-TD", "", compile: true);
        Assert.Contains("- Đảng ủy xã Bình Lư: - Chi bộ bản", district.GetProperty("sections")[0].GetProperty("text").GetString());
        var conference = await tamDuong.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(district)}/conference", new { version = Version(district), date = "2017-04-19", conclusion = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, conference.StatusCode);
        Assert.Contains("Cấp huyện” không tổ chức hội nghị", await conference.Content.ReadAsStringAsync());
        var top = await Ok(await board.PostAsync($"/api/v1/campaigns/{id}/units/{province}/report", null));
        top = await Ok(await board.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(top)}/compile", new { version = Version(top) }));
        Assert.Contains("- Huyện ủy Tam Đường:", top.GetProperty("sections")[0].GetProperty("text").GetString());
        top = await Ok(await board.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(top)}/conference", new
        {
            version = Version(top), date = "2017-05-15", attendees = "Ban Thường vụ Tỉnh ủy, các điểm cầu huyện, thành phố",
            conclusion = "Tiếp tục thực hiện nghiêm Chỉ thị số 10-CT/TW; nâng cao chất lượng sinh hoạt chuyên đề.",
        }));
        top = await Ok(await board.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(top)}/conclusion", new { version = Version(top) }));
        var conclusion = top.GetProperty("conclusionText").GetString()!;
        Assert.Contains("Ngày 15/05/2017, Tỉnh ủy Lai Châu tổ chức hội nghị tổng kết", conclusion);
        Assert.Contains("cấp chi bộ có 3/", conclusion);
        Assert.Contains("cấp huyện có 1/2 đơn vị gửi báo cáo", conclusion);
        Assert.Contains("Kết luận: Tiếp tục thực hiện nghiêm Chỉ thị số 10-CT/TW", conclusion);
        var docx = await board.GetAsync($"/api/v1/campaign-reports/{Id(top)}/conclusion.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
    }
}

public abstract class CampaignOutlineTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task TheBoardWritesItsOwnOutlineAndACampaignReportsAlongIt()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var board = await App.ApiAs("btc.tinh");
        var outline = new
        {
            name = "Đề cương sơ kết chuyên đề năm 2026",
            sections = new[]
            {
                new { number = "I", title = "Kết quả sinh hoạt chuyên đề", guidance = (string?)"Nêu số buổi và chủ đề.", statistic = "ThematicPerCell" },
                new { number = "II", title = "Kiến nghị", guidance = (string?)null, statistic = "None" },
            },
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.ApiAs("bithu.nakhum")).PostAsJsonAsync("/api/v1/campaigns/outlines", outline)).StatusCode);
        var bad = await board.PostAsJsonAsync("/api/v1/campaigns/outlines", new { name = "Thiếu mục", sections = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Mỗi mục cần số thứ tự", await bad.Content.ReadAsStringAsync());
        var created = await Ok(await board.PostAsJsonAsync("/api/v1/campaigns/outlines", outline));
        Assert.Contains((await Get(board, "/api/v1/campaigns/outlines")).EnumerateArray(), o => o.GetProperty("builtIn").GetBoolean());

        var id = Id(await Ok(await board.PostAsJsonAsync("/api/v1/campaigns", new
        {
            ownerUnitId = await UnitId("LC"), title = "Sơ kết sinh hoạt chuyên đề năm 2026", kind = "Interim", periodFrom = "2026-01-01", periodTo = "2026-11-22",
            outlineId = Id(created), levels = new[] { new { name = "Chi bộ", unitTypeCodes = "CHI_BO,CHI_BO_CO_SO", deadline = "2026-12-10", holdsConference = false } },
        })));
        var report = await Ok(await (await App.ApiAs("bithu.nakhum")).PostAsync($"/api/v1/campaigns/{id}/units/{await UnitId("LC-BL-NK")}/report", null));
        var sections = report.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["I", "II"], sections.Select(x => x.GetProperty("number").GetString()!).ToArray());
        Assert.Contains("Tính từ dữ liệu sinh hoạt", sections[0].GetProperty("figures").GetString());
        Assert.True(string.IsNullOrEmpty(sections[1].GetProperty("figures").GetString()));
    }
}

public sealed class CampaignOutlineTestsSqlite(SqliteApp app) : CampaignOutlineTests(app), IClassFixture<SqliteApp>;
public sealed class CampaignOutlineTestsPostgres(PostgresApp app) : CampaignOutlineTests(app), IClassFixture<PostgresApp>;

public sealed class CampaignChainTestsSqlite(SqliteApp app) : CampaignChainTests(app), IClassFixture<SqliteApp>;
public sealed class CampaignChainTestsPostgres(PostgresApp app) : CampaignChainTests(app), IClassFixture<PostgresApp>;

public sealed class CampaignTestsSqlite(SqliteApp app) : CampaignTests(app), IClassFixture<SqliteApp>;
public sealed class CampaignTestsPostgres(PostgresApp app) : CampaignTests(app), IClassFixture<PostgresApp>;

/// <summary>A commune compiles its cells' accepted reports, records its conference, and the compiled report exports to PDF with every section of seed 002's outline.</summary>
public sealed class CampaignCompileTests(SqliteApp app) : AppTest(app), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task TheCommuneCompilesItsCellsReportsHoldsItsConferenceAndThePdfShowsTheWholeOutline()
    {
        App.Clock.Now = new DateTimeOffset(2017, 4, 1, 9, 0, 0, TimeSpan.FromHours(7));
        var board = await App.ApiAs("btc.tinh");
        var office = await App.ApiAs("vp.binhlu");
        var province = await UnitId("LC");
        var binhLu = await UnitId("LC-BL");
        var id = Id(await Ok(await board.PostAsJsonAsync("/api/v1/campaigns", new
        {
            ownerUnitId = province, title = "Tổng kết 10 năm thực hiện Chỉ thị số 10-CT/TW về nâng cao chất lượng sinh hoạt chi bộ", kind = "Review",
            periodFrom = "2007-01-01", periodTo = "2017-04-01", pivotDate = "2007-03-30",
            levels = new[]
            {
                new { name = "Chi bộ", unitTypeCodes = "CHI_BO,CHI_BO_CO_SO", deadline = "2017-04-10", holdsConference = false },
                new { name = "Đảng bộ cơ sở", unitTypeCodes = "DANG_UY_XA,DANG_BO_CO_SO", deadline = "2017-04-15", holdsConference = true },
            },
        })));
        foreach (var (code, words) in new[] { ("LC-BL-NK", "Nà Khum duy trì sinh hoạt đều đặn hằng tháng."), ("LC-BL-BL", "Bình Lư nâng cao chất lượng sinh hoạt chuyên đề.") })
        {
            var r = await Ok(await office.PostAsync($"/api/v1/campaigns/{id}/units/{await UnitId(code)}/report", null));
            var sections = r.GetProperty("sections").EnumerateArray().Select(s => new { sectionId = s.GetProperty("sectionId").GetInt32(), text = $"{s.GetProperty("number").GetString()}: {words}" }).ToArray();
            r = await Ok(await office.PutAsJsonAsync($"/api/v1/campaign-reports/{Id(r)}", new { version = Version(r), sections }));
            var secretary = await App.ApiAs(code == "LC-BL-NK" ? "bithu.nakhum" : await Accounts.SecretaryAsync(App, code, await UnitId(code)));
            r = await Ok(await secretary.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(r)}/submit", new { version = Version(r) }));
            await Ok(await office.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(r)}/review", new { accept = true, version = Version(r) }));
        }

        var compiled = await Ok(await office.PostAsync($"/api/v1/campaigns/{id}/units/{binhLu}/report", null));
        var side = await Get(office, $"/api/v1/campaign-reports/{Id(compiled)}/children");
        Assert.Equal(2, side[0].GetProperty("children").GetArrayLength());
        compiled = await Ok(await office.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(compiled)}/compile", new { version = Version(compiled) }));
        var first = compiled.GetProperty("sections")[0].GetProperty("text").GetString()!;
        Assert.Contains("- Chi bộ bản Nà Khum: I: Nà Khum duy trì sinh hoạt đều đặn hằng tháng.", first);
        Assert.Contains("- Chi bộ bản Bình Lư: I: Bình Lư nâng cao chất lượng sinh hoạt chuyên đề.", first);
        compiled = await Ok(await office.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(compiled)}/conference", new
        {
            version = Version(compiled), date = "2017-04-14", attendees = "Ban Chấp hành Đảng bộ xã, bí thư các chi bộ", discussion = "Các chi bộ thảo luận về nền nếp sinh hoạt.",
            conclusion = "Hội nghị thống nhất tiếp tục nâng cao chất lượng sinh hoạt chuyên đề.",
        }));
        Assert.Equal("2017-04-14", compiled.GetProperty("conferenceDate").GetString());

        var pdftotext = ExternalTools.OnPath("pdftotext");
        Assert.SkipWhen(ExternalTools.OnPath("soffice") is null || pdftotext is null, "LibreOffice and poppler-utils are needed to check the PDF (installed by .ci/run).");
        var pdf = await office.GetAsync($"/api/v1/campaign-reports/{Id(compiled)}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var dir = Directory.CreateTempSubdirectory("chibo-campaign-");
        try
        {
            var file = Path.Combine(dir.FullName, "report.pdf");
            await File.WriteAllBytesAsync(file, await pdf.Content.ReadAsByteArrayAsync(), TestContext.Current.CancellationToken);
            var (exit, output) = await ExternalTools.RunAsync(pdftotext!, ["-layout", file, Path.Combine(dir.FullName, "report.txt")], TimeSpan.FromSeconds(60));
            Assert.True(exit == 0, output);
            var text = System.Text.RegularExpressions.Regex.Replace(await File.ReadAllTextAsync(Path.Combine(dir.FullName, "report.txt"), TestContext.Current.CancellationToken), @"\s+", " ");
            // Long headings wrap (even at "10-CT/TW"): compare with the spaces taken out; every letter must still be there, in order.
            var bare = text.Replace(" ", "");
            foreach (var s in compiled.GetProperty("sections").EnumerateArray())
            {
                var title = s.GetProperty("title").GetString()!;
                Assert.True(bare.Contains(title.Replace(" ", ""), StringComparison.Ordinal), $"The PDF does not show the section \"{title}\".");
            }
            foreach (var expected in new[] { "BÁO CÁO", "Tổng kết 10 năm thực hiện Chỉ thị số 10-CT/TW", "HỘI NGHỊ TỔNG KẾT ngày 14/04/2017", "PHỤ LỤC SỐ LIỆU", "Nà Khum duy trì sinh hoạt đều đặn hằng tháng" })
                Assert.True(text.Contains(expected, StringComparison.Ordinal), $"The PDF does not contain \"{expected}\".");
        }
        finally { dir.Delete(recursive: true); }
    }
}

/// <summary>The figures a compiled report carries are the ones a direct count over the meetings gives.</summary>
public abstract class CampaignFigureTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task TheCommunesFiguresEqualADirectCountOverItsCellsMeetings()
    {
        var f = await CreateAsync(App);   // a cell under Bình Lư with a known roll
        var held = new List<JsonElement>
        {
            await f.HoldAsync("2024-03-03", f.Official.Take(5)),
            await f.HoldAsync("2024-05-03", f.Official.Take(3), statuses: new() { [f.Official[6]] = "AbsentExcused", [f.Official[7]] = "AbsentUnexcused" }),
            await f.HoldAsync("2024-08-03", f.Official.Take(4), kind: "Combined", topicId: (await Get(f.Clerk, "/api/v1/topics"))[2].GetProperty("id").GetInt32()),
        };
        App.Clock.Now = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(7));
        var board = await App.ApiAs("btc.tinh");
        var office = await App.ApiAs("vp.binhlu");
        var id = Id(await Ok(await board.PostAsJsonAsync("/api/v1/campaigns", new
        {
            ownerUnitId = await UnitId("LC"), title = "Sơ kết năm 2024", kind = "Interim", periodFrom = "2024-01-01", periodTo = "2025-01-01",
            levels = new[]
            {
                new { name = "Chi bộ", unitTypeCodes = "CHI_BO,CHI_BO_CO_SO", deadline = "2025-04-10", holdsConference = false },
                new { name = "Đảng bộ cơ sở", unitTypeCodes = "DANG_UY_XA,DANG_BO_CO_SO", deadline = "2025-04-15", holdsConference = true },
            },
        })));
        // The cell reports and is accepted; the commune compiles it: the compiled report's figures are recomputed for the commune.
        var cellReport = await Ok(await office.PostAsync($"/api/v1/campaigns/{id}/units/{f.CellId}/report", null));
        cellReport = await Ok(await office.PutAsJsonAsync($"/api/v1/campaign-reports/{Id(cellReport)}", new { version = Version(cellReport), sections = new[] { new { sectionId = cellReport.GetProperty("sections")[0].GetProperty("sectionId").GetInt32(), text = "Chi bộ thử." } } }));
        var cellSecretary = await App.ApiAs(await Accounts.EnsureAsync(App, $"bithu.cell{f.CellId}", f.CellId, ChiBo.Features.Accounts.Roles.CellSecretary));
        cellReport = await Ok(await cellSecretary.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(cellReport)}/submit", new { version = Version(cellReport) }));
        await Ok(await office.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(cellReport)}/review", new { accept = true, version = Version(cellReport) }));
        var report = await Ok(await office.PostAsync($"/api/v1/campaigns/{id}/units/{await UnitId("LC-BL")}/report", null));
        report = await Ok(await office.PostAsJsonAsync($"/api/v1/campaign-reports/{Id(report)}/compile", new { version = Version(report) }));
        Assert.Contains("Chi bộ thử.", report.GetProperty("sections")[0].GetProperty("text").GetString());
        string Figures(string number) => report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("number").GetString() == number).GetProperty("figures").GetString()!;

        // Direct count from the meetings as the API shows them.
        var present = 0; var expected = 0;
        foreach (var m in held)
        {
            var s = (await f.Get(Id(m))).GetProperty("attendanceSummary");
            present += s.GetProperty("present").GetInt32();
            expected += s.GetProperty("expected").GetInt32();
        }
        var rate = (100m * present / expected).ToString("0.#", new System.Globalization.CultureInfo("vi-VN"));
        Assert.Contains($"năm 2024: {rate}% ({present}/{expected} lượt, 3 buổi)", Figures("II.3.b"));
        Assert.Contains("năm 2024: 1 buổi chuyên đề / 1 chi bộ = 1 buổi mỗi chi bộ", Figures("II.3.d"));
        Assert.Contains("xếp loại 0/3 buổi sinh hoạt", Figures("II.2"));
    }
}

public sealed class CampaignFigureTestsSqlite(SqliteApp app) : CampaignFigureTests(app), IClassFixture<SqliteApp>;
public sealed class CampaignFigureTestsPostgres(PostgresApp app) : CampaignFigureTests(app), IClassFixture<PostgresApp>;
