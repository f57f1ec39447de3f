using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;
using static ChiBo.Tests.Meetings.MeetingFlow;

namespace ChiBo.Tests.Documents;

/// <summary>
/// The register's trust rules (issue 14): a link, a citation or a chain never reaches a document the caller may not
/// read; drafts are their drafter's and the issuer's staff's; a raced edit or issue is a 409; a series' numbers and
/// dates never disagree; bad bodies are 400 naming the field. Each refusal is checked to have changed nothing.
/// </summary>
public abstract class DocumentAccessTests(ChiBoApp app) : AppTest(app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh cell under Bình Lư (its own registers start at 01), run by the commune's office.</summary>
    async Task<int> NewCellAsync(string name)
    {
        var admin = await App.ApiAs("admin");
        var code = "D-" + Guid.NewGuid().ToString("N")[..8];
        var cell = await Ok(await admin.PostAsJsonAsync("/api/v1/units", new
        {
            code, name = $"Chi bộ {name} {code}", typeCode = "CHI_BO", parentId = await UnitId("LC-BL"), from = "2020-01-01", cellKind = "Residential",
        }, Ct));
        return Id(cell);
    }

    static async Task<JsonElement> Draft(HttpClient c, int issuer, string type, string summary) =>
        await Ok(await c.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = issuer, typeCode = type, summary }, Ct));

    static async Task<JsonElement> Issued(HttpClient c, int issuer, string type, string summary, string date = "2026-11-20") =>
        await Ok(await c.PostAsJsonAsync($"/api/v1/documents/{Id(await Draft(c, issuer, type, summary))}/issue", new { date }, Ct));

    static async Task<JsonElement> Detail(HttpClient c, int id) => await Ok(await c.GetAsync($"/api/v1/documents/{id}", Ct));

    static List<int> Ids(JsonElement detail, string side) => detail.GetProperty(side).EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ToList();

    /// <summary>A 400 ProblemDetails naming <paramref name="field"/>; its text returned for further checks.</summary>
    static async Task<string> Refused(HttpResponseMessage res, string field)
    {
        var body = await res.Content.ReadAsStringAsync(Ct);
        Assert.True(res.StatusCode == HttpStatusCode.BadRequest, $"{res.RequestMessage?.Method} {res.RequestMessage?.RequestUri}: {(int)res.StatusCode} {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"400 does not name {field}: {body}");
        return body;
    }

    [Fact]
    public async Task ALinkACitationOrAChainNeverReachesADocumentTheCallerMayNotRead()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var office = await App.ApiAs("vp.binhlu");
        var board = await App.ApiAs("btc.tinh");
        var muongso = await App.ApiAs("bithu.muongso");
        var commune = await UnitId("LC-BL");
        var msCell = await UnitId("LC-MS-MS");
        var tag = Guid.NewGuid().ToString("N")[..8];

        // Another commune's cell: a draft and an issued letter, neither of which Bình Lư may read.
        var foreignDraft = await Draft(muongso, msCell, "TB", $"Dự thảo riêng của chi bộ Mường So {tag}");
        var foreignIssued = await Issued(muongso, msCell, "CV", $"Công văn của chi bộ Mường So {tag}");
        var mine = await Draft(office, commune, "KH", $"Kế hoạch của Đảng ủy xã {tag}");
        foreach (var target in new[] { foreignDraft, foreignIssued })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/v1/documents/{Id(target)}", Ct)).StatusCode);
            var res = await office.PostAsJsonAsync($"/api/v1/documents/{Id(mine)}/links", new { targetId = Id(target) }, Ct);
            Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
            Assert.DoesNotContain("Mường So", await res.Content.ReadAsStringAsync(Ct));
            Assert.Empty(Ids(await Detail(board, Id(target)), "implementedBy"));   // nothing was added to that unit's chain
        }
        Assert.Empty(Ids(await Detail(office, Id(mine)), "implements"));

        // Citing it in a new draft or an entered document is refused the same way, and nothing is written.
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostAsJsonAsync("/api/v1/documents",
            new { issuerUnitId = commune, typeCode = "CV", summary = $"Trích dẫn lén {tag}", implements = new[] { Id(foreignDraft) } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostAsJsonAsync("/api/v1/documents/external",
            new { symbol = "05-CV/HU", typeCode = "CV", issuedOn = "2026-01-05", summary = $"Trích dẫn lén {tag}", issuerUnitId = commune, implements = new[] { Id(foreignIssued) } }, Ct)).StatusCode);
        Assert.Equal(0, (await Ok(await board.GetAsync($"/api/v1/documents?issuerUnitId={commune}&q=Trích dẫn lén {tag}", Ct))).GetArrayLength());
        // Other ids in bodies: another commune's register, keys and terms are not found; a member may not draft in its own cell.
        var msCommune = await UnitId("LC-MS");
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = msCommune, typeCode = "CV", summary = tag }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostAsJsonAsync("/api/v1/documents/keys", new { unitId = msCommune, email = "x@y.vn" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostAsJsonAsync("/api/v1/documents/terms", new { unitId = msCommune, name = "Nhiệm kỳ", from = "2025-08-01" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/v1/documents/keys?unitId={msCommune}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.ApiAs("dangvien.nakhum")).PostAsJsonAsync("/api/v1/documents",
            new { issuerUnitId = await UnitId("LC-BL-NK"), typeCode = "CV", summary = tag }, Ct)).StatusCode);

        // A symbol every cell has: Bình Lư reads two 01-BB/CB of its own cells, so it must choose, and is told between which.
        var cellA = await NewCellAsync("Ảng");
        var cellB = await NewCellAsync("Bó");
        var bbA = await Issued(office, cellA, "BB", $"Biên bản A {tag}", "2026-10-03");
        var bbB = await Issued(office, cellB, "BB", $"Biên bản B {tag}", "2026-11-03");
        Assert.Equal("01-BB/CB", bbA.GetProperty("symbol").GetString());
        Assert.Equal("01-BB/CB", bbB.GetProperty("symbol").GetString());
        var ambiguous = await Refused(await office.PostAsJsonAsync($"/api/v1/documents/{Id(mine)}/links", new { targetSymbol = "01-BB/CB" }, Ct), "targetSymbol");
        Assert.Contains("Hãy chọn đúng văn bản (targetId)", ambiguous);
        Assert.Contains("ngày 03/10/2026", ambiguous);
        Assert.Contains("ngày 03/11/2026", ambiguous);
        var candidates = JsonDocument.Parse(ambiguous).RootElement.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(Id(bbA), candidates);
        Assert.Contains(Id(bbB), candidates);
        Assert.DoesNotContain(candidates, c => c == Id(foreignIssued));
        Assert.Empty(Ids(await Detail(office, Id(mine)), "implements"));
        // By id the clerk picks one.
        Assert.Equal([Id(bbA)], Ids(await Ok(await office.PostAsJsonAsync($"/api/v1/documents/{Id(mine)}/links", new { targetId = Id(bbA) }, Ct)), "implements"));

        // Mường So's secretary, among all the 01-BB/CB, reads only its own cell's: the symbol names that one.
        var ownBb = await Issued(muongso, msCell, "BB", $"Biên bản của chi bộ Mường So {tag}");
        var msDraft = await Draft(muongso, msCell, "NQ", $"Nghị quyết của chi bộ Mường So {tag}");
        var linked = await Ok(await muongso.PostAsJsonAsync($"/api/v1/documents/{Id(msDraft)}/links", new { targetSymbol = ownBb.GetProperty("symbol").GetString() }, Ct));
        Assert.Equal([Id(ownBb)], Ids(linked, "implements"));

        // The chain shows only what the caller may read: the province's guidance, implemented by Bình Lư's plan, seen from Mường So.
        var guidance = await Issued(board, await UnitId("LC"), "HD", $"Hướng dẫn của Tỉnh ủy {tag}");
        await Ok(await office.PostAsJsonAsync($"/api/v1/documents/{Id(mine)}/links", new { targetId = Id(guidance) }, Ct));
        await Ok(await muongso.PostAsJsonAsync($"/api/v1/documents/{Id(msDraft)}/links", new { targetId = Id(guidance) }, Ct));
        var fromMuongSo = await Detail(muongso, Id(guidance));
        Assert.DoesNotContain(Id(mine), Ids(fromMuongSo, "implementedBy"));
        Assert.Contains(Id(msDraft), Ids(fromMuongSo, "implementedBy"));
        var fromBoard = await Detail(board, Id(guidance));
        Assert.Contains(Id(mine), Ids(fromBoard, "implementedBy"));
        Assert.Contains(Id(msDraft), Ids(fromBoard, "implementedBy"));
        // Bình Lư's plan sees its own cell's minutes and the guidance above it, not Mường So's.
        var up = await Detail(office, Id(mine));
        Assert.Equal([Id(bbA), Id(guidance)], Ids(up, "implements").Order().ToList());
        var page = await (await App.PagesAs("bithu.muongso")).GetStringAsync($"/Documents/{Id(guidance)}", Ct);
        Assert.DoesNotContain($"Kế hoạch của Đảng ủy xã {tag}", page);
        Assert.Contains($"Nghị quyết của chi bộ Mường So {tag}", page);

        // The page offers the candidates when a symbol repeats.
        var pages = await App.PagesAs("vp.binhlu");
        var html = await pages.GetStringAsync($"/Documents/{Id(mine)}", Ct);
        var res2 = await pages.PostAsync($"/Documents/{Id(mine)}?handler=Link", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(html), ["symbol"] = "01-BB/CB",
        }), Ct);
        var shown = await res2.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, res2.StatusCode);
        Assert.Contains("link-candidates", shown);
        Assert.Contains($"value=\"{Id(bbB)}\"", shown);
    }

    [Fact]
    public async Task ADraftIsReadOnlyByItsDrafterAndTheIssuersStaffEverywhere()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var secretary = await App.ApiAs("bithu.nakhum");
        var member = await App.ApiAs("dangvien.nakhum");
        var office = await App.ApiAs("vp.binhlu");
        var cell = await UnitId("LC-BL-NK");
        var commune = await UnitId("LC-BL");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var draft = await Draft(secretary, cell, "TB", $"Dự thảo thông báo {tag}");
        var issued = await Issued(secretary, cell, "TB", $"Thông báo đã ban hành {tag}");

        // A plain member of the cell: the draft does not exist for them, in any form.
        foreach (var url in new[] { "", "/docx", "/pdf", "/verify", "/signatures/1/signed.pdf" })
            Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/documents/{Id(draft)}{url}", Ct)).StatusCode);
        var list = await Ok(await member.GetAsync($"/api/v1/documents?issuerUnitId={cell}&q={tag}", Ct));
        Assert.Equal([Id(issued)], list.EnumerateArray().Select(Id).ToList());
        var csv = await member.GetStringAsync($"/api/v1/documents/export.csv?issuerUnitId={cell}&q={tag}", Ct);
        Assert.DoesNotContain("Dự thảo thông báo", csv);
        Assert.Contains("Thông báo đã ban hành", csv);
        var memberPages = await App.PagesAs("dangvien.nakhum");
        Assert.Equal(HttpStatusCode.NotFound, (await memberPages.GetAsync($"/Documents/{Id(draft)}", Ct)).StatusCode);
        var register = await memberPages.GetStringAsync($"/Units/{cell}/Documents?q={tag}", Ct);
        Assert.DoesNotContain("Dự thảo thông báo", register);
        Assert.Contains("Thông báo đã ban hành", register);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/v1/documents/{Id(issued)}", Ct)).StatusCode);

        // Its drafter and the staff above the issuer read it; another cell's secretary finds nothing.
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/api/v1/documents/{Id(draft)}", Ct)).StatusCode);
        Assert.Equal(2, (await Ok(await office.GetAsync($"/api/v1/documents?issuerUnitId={cell}&q={tag}", Ct))).GetArrayLength());
        Assert.Contains("Dự thảo thông báo", await (await App.PagesAs("vp.binhlu")).GetStringAsync($"/Units/{cell}/Documents?q={tag}", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.ApiAs("bithu.muongso")).GetAsync($"/api/v1/documents/{Id(issued)}", Ct)).StatusCode);

        // The commune's draft is not sent down to its cells until it is issued.
        var communeDraft = await Draft(office, commune, "CV", $"Công văn dự thảo của xã {tag}");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/documents/{Id(communeDraft)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/documents/{Id(communeDraft)}/docx", Ct)).StatusCode);
        await Ok(await office.PostAsJsonAsync($"/api/v1/documents/{Id(communeDraft)}/issue", new { date = "2026-11-22" }, Ct));
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/v1/documents/{Id(communeDraft)}", Ct)).StatusCode);
        // Reading is not changing: the member sees the issued letter, and may not withdraw, link or edit the cell's draft.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"/api/v1/documents/{Id(communeDraft)}/withdraw", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PutAsJsonAsync($"/api/v1/documents/{Id(draft)}", new { summary = "Sửa lén", version = Version(draft) }, Ct)).StatusCode);
        Assert.Equal($"Dự thảo thông báo {tag}", (await Detail(secretary, Id(draft))).GetProperty("document").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task TwoParallelEditsOrIssuesOfOneDraftAnswerOneOkAndOneConflictEveryRound()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var cell = await NewCellAsync("Song song");
        var first = await App.ApiAs("vp.binhlu");
        var second = await App.ApiAs("vp.binhlu");
        for (var round = 0; round < 20; round++)
        {
            var d = await Draft(first, cell, "CV", $"Vòng {round}");
            var edits = await Task.WhenAll(
                first.PutAsJsonAsync($"/api/v1/documents/{Id(d)}", new { summary = $"Bản A vòng {round}", version = Version(d) }, Ct),
                second.PutAsJsonAsync($"/api/v1/documents/{Id(d)}", new { summary = $"Bản B vòng {round}", version = Version(d) }, Ct));
            var winner = await Outcome(edits, round, "edit");
            var now = (await Detail(first, Id(d))).GetProperty("document");
            Assert.Equal(Version(d) + 1, Version(now));
            Assert.Equal(winner == 0 ? $"Bản A vòng {round}" : $"Bản B vòng {round}", now.GetProperty("summary").GetString());

            var issues = await Task.WhenAll(
                first.PostAsJsonAsync($"/api/v1/documents/{Id(d)}/issue", new { date = "2026-11-20" }, Ct),
                second.PostAsJsonAsync($"/api/v1/documents/{Id(d)}/issue", new { date = "2026-11-20" }, Ct));
            await Outcome(issues, round, "issue");
            // One number per round and no gap: the loser's counter step was rolled back with it.
            var issued = (await Detail(first, Id(d))).GetProperty("document");
            Assert.Equal(round + 1, issued.GetProperty("number").GetInt32());
        }

        static async Task<int> Outcome(HttpResponseMessage[] pair, int round, string what)
        {
            var codes = pair.Select(r => (int)r.StatusCode).ToArray();
            Assert.True(codes.Order().SequenceEqual([200, 409]), $"{what} round {round}: {string.Join(", ", codes)} {await pair[0].Content.ReadAsStringAsync()} {await pair[1].Content.ReadAsStringAsync()}");
            var loser = pair.Single(r => r.StatusCode == HttpStatusCode.Conflict);
            Assert.Contains("người khác", await loser.Content.ReadAsStringAsync());
            return Array.FindIndex(codes, c => c == 200);
        }
    }

    [Fact]
    public async Task ANumberIsNeverDatedBeforeTheLastNumberOfItsSeries()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var office = await App.ApiAs("vp.binhlu");
        var cell = await NewCellAsync("Ngày số");
        Assert.Equal("01-CV/CB", (await Issued(office, cell, "CV", "Công văn thứ nhất", "2026-03-10")).GetProperty("symbol").GetString());
        var next = await Draft(office, cell, "CV", "Công văn thứ hai");
        var refused = await Refused(await office.PostAsJsonAsync($"/api/v1/documents/{Id(next)}/issue", new { date = "2026-03-05" }, Ct), "date");
        Assert.Contains("01-CV/CB ngày 10/03/2026", refused);
        var still = (await Detail(office, Id(next))).GetProperty("document");
        Assert.Equal("Draft", still.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, still.GetProperty("number").ValueKind);
        // Another type is its own series; the same day, or later, is accepted and takes the next number.
        Assert.Equal("01-TB/CB", (await Issued(office, cell, "TB", "Thông báo", "2026-03-01")).GetProperty("symbol").GetString());
        Assert.Equal("02-CV/CB", (await Ok(await office.PostAsJsonAsync($"/api/v1/documents/{Id(next)}/issue", new { date = "2026-03-10" }, Ct))).GetProperty("symbol").GetString());
        Assert.Equal("03-CV/CB", (await Issued(office, cell, "CV", "Công văn thứ ba", "2026-04-02")).GetProperty("symbol").GetString());
    }

    [Fact]
    public async Task BadBodiesAndValuesAnswer400NamingTheFieldNever500()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var office = await App.ApiAs("vp.binhlu");
        var commune = await UnitId("LC-BL");
        await Refused(await office.PostAsJsonAsync("/api/v1/documents", new { typeCode = "CV", summary = "Thiếu đơn vị" }, Ct), "issuerUnitId");
        await Refused(await office.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = commune, typeCode = "CV", summary = new string('x', 1001) }, Ct), "summary");
        await Refused(await office.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = commune, summary = "Thiếu loại" }, Ct), "typeCode");
        await Refused(await office.PostAsJsonAsync("/api/v1/documents/external", new { typeCode = "CV", summary = "x", issuerUnitId = commune, issuedOn = "2026-01-01" }, Ct), "symbol");
        await Refused(await office.PostAsJsonAsync("/api/v1/documents/external", new { symbol = "12-CV/HU", typeCode = "CV", summary = "x", issuerUnitId = commune }, Ct), "issuedOn");
        await Refused(await office.PostAsJsonAsync("/api/v1/documents/external", new { symbol = "12-CV/HU", typeCode = "CV", issuedOn = "2026-01-01", issuerUnitId = commune }, Ct), "summary");
        await Refused(await office.PostAsJsonAsync("/api/v1/documents/verify", new { }, Ct), "pdf");
        await Refused(await office.PostAsJsonAsync("/api/v1/documents/keys/import", new { unitId = commune }, Ct), "pfx");
        await Refused(await office.PostAsJsonAsync("/api/v1/documents/keys", new { email = "x@y.vn" }, Ct), "unitId");
        await Refused(await office.PostAsJsonAsync("/api/v1/documents/terms", new { unitId = commune, name = "Nhiệm kỳ" }, Ct), "from");
        await Refused(await office.PostAsJsonAsync("/api/v1/documents/from-source", new { kind = "khong-co", sourceId = 1 }, Ct), "kind");
        await Refused(await office.GetAsync($"/api/v1/documents?issuerUnitId={commune}&year=0", Ct), "year");
        await Refused(await office.GetAsync("/api/v1/documents", Ct), "issuerUnitId");
        var d = await Draft(office, commune, "CV", "Dự thảo để thử");
        await Refused(await office.PostAsJsonAsync($"/api/v1/documents/{Id(d)}/links", new { }, Ct), "targetSymbol");
        await Refused(await office.PostAsJsonAsync($"/api/v1/documents/{Id(d)}/issue", new { date = "20/11/2026" }, Ct), "date");
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostAsJsonAsync("/api/v1/documents/from-source", new { kind = "meeting-minutes", sourceId = 999_999 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostAsJsonAsync($"/api/v1/documents/{Id(d)}/links", new { targetId = 999_999 }, Ct)).StatusCode);

        // The pages: a draft form posted empty and an impossible year show an error on the page.
        var pages = await App.PagesAs("vp.binhlu");
        var html = await pages.GetStringAsync($"/Units/{commune}/Documents?year=0", Ct);
        Assert.Contains("Năm 0 nằm ngoài khoảng cho phép", html);
        var empty = await pages.PostAsync($"/Units/{commune}/Documents?handler=Draft", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(html),
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Loại văn bản không có trong danh mục.", await empty.Content.ReadAsStringAsync(Ct));
        var details = await pages.GetStringAsync($"/Documents/{Id(d)}", Ct);
        var edit = await pages.PostAsync($"/Documents/{Id(d)}?handler=Edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(details),
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
    }
}

public sealed class DocumentAccessTestsSqlite(SqliteApp app) : DocumentAccessTests(app), IClassFixture<SqliteApp>;
public sealed class DocumentAccessTestsPostgres(PostgresApp app) : DocumentAccessTests(app), IClassFixture<PostgresApp>;
