using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Features.Documents;
using ChiBo.Tests.Infrastructure;
using static ChiBo.Tests.Meetings.MeetingFlow;

namespace ChiBo.Tests.Documents;

public abstract class RegisterTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task NumbersRunPerTypeWithinATermRestartInTheNextAndAWithdrawnDraftTakesNone()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var office = await App.ApiAs("vp.binhlu");
        var commune = await UnitId("LC-BL");
        await Ok(await office.PostAsJsonAsync("/api/v1/documents/terms", new { unitId = commune, name = "Nhiệm kỳ 2020–2025", from = "2020-08-01", to = "2025-08-01" }));
        await Ok(await office.PostAsJsonAsync("/api/v1/documents/terms", new { unitId = commune, name = "Nhiệm kỳ 2025–2030", from = "2025-08-01" }));
        var overlap = await office.PostAsJsonAsync("/api/v1/documents/terms", new { unitId = commune, name = "Trùng", from = "2026-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, overlap.StatusCode);
        async Task<JsonElement> Issue(string type, string date)
        {
            var d = await Ok(await office.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = commune, typeCode = type, summary = $"Văn bản {type} ngày {date}" }));
            return await Ok(await office.PostAsJsonAsync($"/api/v1/documents/{Id(d)}/issue", new { date }));
        }
        Assert.Equal("01-CV/ĐU", (await Issue("CV", "2025-06-10")).GetProperty("symbol").GetString());
        Assert.Equal("02-CV/ĐU", (await Issue("CV", "2025-07-01")).GetProperty("symbol").GetString());
        Assert.Equal("01-KH/ĐU", (await Issue("KH", "2025-07-02")).GetProperty("symbol").GetString());   // per type
        Assert.Equal("01-CV/ĐU", (await Issue("CV", "2025-09-01")).GetProperty("symbol").GetString());   // the new term starts again
        var withdrawn = await Ok(await office.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = commune, typeCode = "CV", summary = "Dự thảo bỏ" }));
        await Ok(await office.PostAsync($"/api/v1/documents/{Id(withdrawn)}/withdraw", null));
        Assert.Equal("02-CV/ĐU", (await Issue("CV", "2025-09-02")).GetProperty("symbol").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/v1/documents/{Id(withdrawn)}/issue", new { date = "2025-09-03" })).StatusCode);
        // A cell's secretary does not see the commune, so cannot draft in its register.
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.ApiAs("bithu.nakhum")).PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = commune, typeCode = "CV", summary = "x" })).StatusCode);
    }

    [Fact]
    public async Task FiftyClerksIssuingAtOnceGetFiftyDistinctConsecutiveNumbers()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var board = await App.ApiAs("btc.tinh");
        var province = await UnitId("LC");
        var drafts = new List<int>();
        for (var i = 0; i < 50; i++)
            drafts.Add(Id(await Ok(await board.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = province, typeCode = "TB", summary = $"Thông báo số {i}" }))));
        var clients = new List<HttpClient>();
        for (var i = 0; i < 5; i++) clients.Add(await App.ApiAs("btc.tinh"));
        var results = await Task.WhenAll(drafts.Select((id, i) => clients[i % clients.Count].PostAsJsonAsync($"/api/v1/documents/{id}/issue", new { date = "2026-11-20" })));
        var bodies = await Task.WhenAll(results.Select(async r => (r.StatusCode, Body: await r.Content.ReadAsStringAsync())));
        Assert.All(bodies, b => Assert.True(b.StatusCode == HttpStatusCode.OK, b.Body));
        var numbers = bodies.Select(b => JsonDocument.Parse(b.Body).RootElement.GetProperty("number").GetInt32()).OrderBy(n => n).ToList();
        Assert.Equal(Enumerable.Range(1, 50).ToList(), numbers);
    }

    [Fact]
    public async Task TheChainOfDocumentsIsKeptAndShownBothWays()
    {
        var board = await App.ApiAs("btc.tinh");
        var province = await UnitId("LC");
        var ids = new Dictionary<string, int>();
        foreach (var seed in SeedDocuments.Cited(province).Append(SeedDocuments.Conclusion1066(province)))
        {
            var input = seed.Input with { Implements = seed.Implements.Select(s => ids[s]).ToArray() };
            ids[seed.Key] = Id(await Ok(await board.PostAsJsonAsync("/api/v1/documents/external", input)));
        }

        var conclusion = await Ok(await board.GetAsync($"/api/v1/documents/{ids["1066-KL/HU"]}", TestContext.Current.CancellationToken));
        Assert.Equal(["59-KH/TU", "18-KL/TW", "10-CT/TW"], Symbols(conclusion, "implements"));
        Assert.Equal([1, 2, 3], conclusion.GetProperty("implements").EnumerateArray().Select(e => e.GetProperty("depth").GetInt32()));
        var directive = await Ok(await board.GetAsync($"/api/v1/documents/{ids["10-CT/TW"]}", TestContext.Current.CancellationToken));
        Assert.Equal(["18-KL/TW", "59-KH/TU", "1066-KL/HU"], Symbols(directive, "implementedBy"));

        // The commune's own plan implements the district conclusion, linked by its number as printed ("1066 - KL/HU").
        var office = await App.ApiAs("vp.binhlu");
        var commune = await UnitId("LC-BL");
        var plan = await Ok(await office.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = commune, typeCode = "KH", summary = "Nâng cao chất lượng sinh hoạt chi bộ năm 2027" }));
        await Ok(await office.PostAsJsonAsync($"/api/v1/documents/{Id(plan)}/links", new { targetSymbol = "1066 - KL/HU" }));
        directive = await Ok(await board.GetAsync($"/api/v1/documents/{ids["10-CT/TW"]}", TestContext.Current.CancellationToken));
        Assert.Equal(4, directive.GetProperty("implementedBy").EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == Id(plan)).GetProperty("depth").GetInt32());

        // A loop is refused, so is a number nobody entered; another commune does not see the draft, and the commune reads the province's document but does not link it.
        var loop = await board.PostAsJsonAsync($"/api/v1/documents/{ids["10-CT/TW"]}/links", new { targetId = ids["1066-KL/HU"] }, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, loop.StatusCode);
        Assert.Contains("vòng lặp", await loop.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var unknown = await office.PostAsJsonAsync($"/api/v1/documents/{Id(plan)}/links", new { targetSymbol = "99-KH/TU" }, TestContext.Current.CancellationToken);
        Assert.Contains("Chưa có văn bản số 99-KH/TU", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var outsider = await App.ApiAs("bithu.muongso");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/documents/{Id(plan)}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await office.PostAsJsonAsync($"/api/v1/documents/{ids["59-KH/TU"]}/links", new { targetId = ids["10-CT/TW"] }, TestContext.Current.CancellationToken)).StatusCode);

        // The register finds the conclusion by its number however it is typed, and exports as CSV.
        var found = await Ok(await board.GetAsync($"/api/v1/documents?issuerUnitId={province}&q=1066 - KL", TestContext.Current.CancellationToken));
        Assert.Equal("1066-KL/HU", found.EnumerateArray().Single().GetProperty("symbol").GetString());
        var csv = await board.GetStringAsync($"/api/v1/documents/export.csv?issuerUnitId={province}", TestContext.Current.CancellationToken);
        Assert.Contains("1066-KL/HU,11/08/2023,KL,", csv);
    }

    [Fact]
    public async Task ASignedPdfVerifiesAndATamperedCopyDoesNot()
    {
        Assert.SkipWhen(ExternalTools.OnPath("soffice") is null, "LibreOffice is needed to make the PDF that is signed (installed by .ci/run).");
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var board = await App.ApiAs("btc.tinh");
        var province = await UnitId("LC");
        var draft = await Ok(await board.PostAsJsonAsync("/api/v1/documents", new
        {
            issuerUnitId = province, typeCode = "HD", summary = "Sinh hoạt chi bộ năm 2027", body = "I. MỤC ĐÍCH\nCác chi bộ sinh hoạt đúng ngày 03 hằng tháng.",
            recipients = "Các đảng ủy trực thuộc,\nLưu VPTU.", signatureForm = "OnBehalf", signerFor = "Ban Thường vụ", signerPosition = "Phó Bí thư", signerName = "Nguyễn Văn A",
        }));
        // Only an issued document is signed, and only with a key; secret documents never enter the system.
        Assert.Equal(HttpStatusCode.Conflict, (await board.PostAsync($"/api/v1/documents/{Id(draft)}/sign", null, TestContext.Current.CancellationToken)).StatusCode);
        var secret = await board.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = province, typeCode = "CV", summary = "Mật", secret = true }, TestContext.Current.CancellationToken);
        Assert.Contains("Văn bản mật", await secret.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await Ok(await board.PostAsJsonAsync($"/api/v1/documents/{Id(draft)}/issue", new { date = "2026-11-22" }));
        var noKey = await board.PostAsync($"/api/v1/documents/{Id(draft)}/sign", null, TestContext.Current.CancellationToken);
        Assert.Contains("chưa có khóa ký số", await noKey.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var key = await Ok(await board.PostAsJsonAsync("/api/v1/documents/keys", new { unitId = province, email = "tulaichau@laichau.gov.vn" }));
        Assert.Contains("TỈNH ỦY LAI CHÂU", key.GetProperty("subject").GetString());
        var member = await App.ApiAs("bithu.nakhum");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"/api/v1/documents/{Id(draft)}/sign", null, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsJsonAsync("/api/v1/documents/keys", new { unitId = province, email = "x@y.vn" }, TestContext.Current.CancellationToken)).StatusCode);

        var signature = await Ok(await board.PostAsync($"/api/v1/documents/{Id(draft)}/sign", null, TestContext.Current.CancellationToken));
        var pdf = await board.GetByteArrayAsync($"/api/v1/documents/{Id(draft)}/pdf", TestContext.Current.CancellationToken);
        Assert.Equal(signature.GetProperty("sha256").GetString(), Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(pdf)));

        var verified = await Ok(await board.PostAsJsonAsync("/api/v1/documents/verify", new { pdf = Convert.ToBase64String(pdf) }));
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());
        Assert.Equal("01-HD/TU", verified.GetProperty("symbol").GetString());
        Assert.Equal("TỈNH ỦY LAI CHÂU", verified.GetProperty("signer").GetString());
        Assert.Equal("tulaichau@laichau.gov.vn", verified.GetProperty("email").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7)), verified.GetProperty("signedAt").GetDateTimeOffset());

        // One byte changed anywhere in the file: the copy no longer verifies, with or without the detached signature.
        var tampered = (byte[])pdf.Clone();
        tampered[tampered.Length / 2] ^= 0x01;
        var rejected = await Ok(await board.PostAsJsonAsync("/api/v1/documents/verify", new { pdf = Convert.ToBase64String(tampered) }));
        Assert.False(rejected.GetProperty("intact").GetBoolean());
        var p7s = await board.GetByteArrayAsync($"/api/v1/documents/{Id(draft)}/signatures/{Id(signature)}/signature.p7s", TestContext.Current.CancellationToken);
        var withSignature = await Ok(await board.PostAsJsonAsync("/api/v1/documents/verify", new { pdf = Convert.ToBase64String(tampered), signature = Convert.ToBase64String(p7s) }));
        Assert.False(withSignature.GetProperty("intact").GetBoolean());
        Assert.Contains("KHÔNG còn nguyên vẹn", withSignature.GetProperty("message").GetString());
        var byId = await Ok(await board.GetAsync($"/api/v1/documents/{Id(draft)}/verify", TestContext.Current.CancellationToken));
        Assert.True(byId.EnumerateArray().Single().GetProperty("intact").GetBoolean());

        // The stamp is on the page, worded like seed 003's.
        var pdftotext = ExternalTools.OnPath("pdftotext");
        if (pdftotext is not null)
        {
            var file = Path.Combine(Path.GetTempPath(), $"signed-{Guid.NewGuid():N}.pdf");
            await File.WriteAllBytesAsync(file, pdf, TestContext.Current.CancellationToken);
            var (_, text) = await ExternalTools.RunAsync(pdftotext, [file, "-"], TimeSpan.FromSeconds(60));
            File.Delete(file);
            Assert.Contains("2026-11-22T09:00:00+0700 Việt Nam TỈNH ỦY LAI CHÂU<tulaichau@laichau.gov.vn> đã ký lên văn bản này!", text.Replace("\n", " "));
        }
    }

    [Fact]
    public async Task AnIssuerImportsItsOwnKeyFromAPfxFileAndAWrongPasswordIsRefused()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var office = await App.ApiAs("vp.binhlu");
        var commune = await UnitId("LC-BL");
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=ĐẢNG ỦY XÃ BÌNH LƯ, E=dangubinhlu@laichau.gov.vn, C=VN", rsa,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        var pfx = Convert.ToBase64String(cert.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "mật-khẩu"));

        var wrong = await office.PostAsJsonAsync("/api/v1/documents/keys/import", new { unitId = commune, pfx, password = "sai" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("sai mật khẩu", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var outsider = await App.ApiAs("bithu.muongso");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync("/api/v1/documents/keys/import", new { unitId = commune, pfx, password = "mật-khẩu" }, TestContext.Current.CancellationToken)).StatusCode);
        var key = await Ok(await office.PostAsJsonAsync("/api/v1/documents/keys/import", new { unitId = commune, pfx, password = "mật-khẩu" }));
        Assert.Equal("dangubinhlu@laichau.gov.vn", key.GetProperty("email").GetString());
        Assert.True(key.GetProperty("active").GetBoolean());
        // The list shows the certificate only; the private key never leaves the server.
        var keys = await Get(office, $"/api/v1/documents/keys?unitId={commune}");
        Assert.DoesNotContain("protectedPrivateKey", keys.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync("/api/v1/documents/keys/import", new { unitId = commune, pfx, password = "mật-khẩu" }, TestContext.Current.CancellationToken)).StatusCode);
    }

    static List<string?> Symbols(JsonElement detail, string side) =>
        detail.GetProperty(side).EnumerateArray().OrderBy(e => e.GetProperty("depth").GetInt32()).Select(e => e.GetProperty("symbol").GetString()).ToList();
}

public sealed class RegisterTestsSqlite(SqliteApp app) : RegisterTests(app), IClassFixture<SqliteApp>;
public sealed class RegisterTestsPostgres(PostgresApp app) : RegisterTests(app), IClassFixture<PostgresApp>;
