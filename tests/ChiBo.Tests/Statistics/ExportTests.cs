using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChiBo.Features.Shared;
using ChiBo.Tests.Infrastructure;
using static ChiBo.Tests.Meetings.MeetingFlow;

namespace ChiBo.Tests.Statistics;

/// <summary>
/// Exports protect the clerk who opens them: a value anyone could type ("=HYPERLINK(…)" as a document summary or a unit
/// name) comes out of every CSV as text, not as a formula, and XLSX cells are strings. Dashboards are read by whoever sees
/// the node on the period's last day, and a period no clerk could mean is a 400, never a 500.
/// </summary>
public abstract class ExportTests(ChiBoApp app) : AppTest(app)
{
    const string Formula = "=HYPERLINK(\"http://x.example/\",\"Bấm vào đây\")";

    static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');

    [Fact]
    public void TextThatASpreadsheetWouldRunIsNeutralizedAndNumbersAreNot()
    {
        var csv = Text(Tables.Csv([["Tên", "Số"], ["=1+1", -5], ["+84912", 3.5], ["-x", 0], ["@SUM(A1)", null], ["\tTab", 1], ["\rCR", 2], ["Bình thường", 7]]));
        var lines = csv.Split("\r\n");
        Assert.Equal("'=1+1,-5", lines[1]);
        Assert.Equal("'+84912,3.5", lines[2]);
        Assert.Equal("'-x,0", lines[3]);
        Assert.Equal("'@SUM(A1),", lines[4]);
        Assert.Equal("'\tTab,1", lines[5]);
        Assert.StartsWith("\"'\rCR\",2", string.Join("\r\n", lines[6..]));
        Assert.Contains("Bình thường,7", csv);
    }

    [Fact]
    public async Task ARegisterSummaryAndAUnitNameThatLookLikeFormulasAreExportedAsText()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var clerk = await App.ApiAs("vp.binhlu");
        var admin = await App.ApiAs("admin");
        var commune = await UnitId("LC-BL");

        // The register: a document whose summary is a formula.
        var draft = await Ok(await clerk.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = commune, typeCode = "CV", summary = Formula }));
        await Ok(await clerk.PostAsJsonAsync($"/api/v1/documents/{Id(draft)}/issue", new { date = "2026-11-22" }));
        var register = Text(await clerk.GetByteArrayAsync($"/api/v1/documents/export.csv?issuerUnitId={commune}"));
        Assert.Contains("\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"Bấm vào đây\"\")\"", register);
        Assert.DoesNotContain(",\"=HYPERLINK", register);

        // The dashboard: a cell whose name is a formula, in the CSV and the XLSX.
        var code = "T-" + Guid.NewGuid().ToString("N")[..8];
        await Ok(await admin.PostAsJsonAsync("/api/v1/units", new { code, name = Formula, typeCode = "CHI_BO", parentId = commune, from = "2020-01-01", cellKind = "Residential" }));
        var csv = Text(await clerk.GetByteArrayAsync($"/api/v1/stats/units/{commune}/export.csv"));
        Assert.Contains("\"'=HYPERLINK(", csv);
        Assert.DoesNotContain("\r\n\"=HYPERLINK", csv);
        using var zip = new ZipArchive(new MemoryStream(await clerk.GetByteArrayAsync($"/api/v1/stats/units/{commune}/export.xlsx")));
        var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
        Assert.Contains("t=\"inlineStr\"", sheet);
        Assert.Matches("<(x:)?t>=HYPERLINK\\((\"|&quot;)http://x.example/", sheet);
        Assert.DoesNotContain("<x:f>", sheet);
        Assert.DoesNotContain("<f>", sheet);
    }

    [Fact]
    public async Task ADashboardIsForWhoeverSeesTheNodeAndAPeriodNoClerkCouldMeanIsRefused()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var clerk = await App.ApiAs("vp.binhlu");
        var commune = await UnitId("LC-BL");
        foreach (var outsider in new[] { "bithu.muongso", "dangvien.nakhum", "bithu.nakhum" })
        {
            var api = await App.ApiAs(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/stats/units/{commune}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/stats/units/{commune}/export.csv")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/stats/units/{commune}/export.xlsx")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.PagesAs("bithu.muongso")).GetAsync($"/Units/{commune}/Dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync("/api/v1/stats/units/99999999")).StatusCode);

        // A start after today with no end, a century, a backwards period: 400 naming the field, on every format.
        foreach (var query in new[] { "from=2030-01-01", "from=1900-01-01&to=2199-12-31", "from=2026-10-01&to=2026-01-01" })
            foreach (var path in new[] { "", "/export.csv", "/export.xlsx" })
            {
                var res = await clerk.GetAsync($"/api/v1/stats/units/{commune}{path}?{query}");
                Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
                Assert.Contains("\"from\"", await res.Content.ReadAsStringAsync());
            }
        // The page says why and shows the last twelve months instead.
        var page = await (await App.PagesAs("vp.binhlu")).GetAsync($"/Units/{commune}/Dashboard?from=01/01/2030");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("ở sau đến ngày", await page.Content.ReadAsStringAsync());
        var ok = await Get(clerk, $"/api/v1/stats/units/{commune}?from=2025-12-01&to=2026-11-30");
        Assert.Equal("2025-12-01", ok.GetProperty("from").GetString());
    }
}

public sealed class ExportTestsSqlite(SqliteApp app) : ExportTests(app), IClassFixture<SqliteApp>;
public sealed class ExportTestsPostgres(PostgresApp app) : ExportTests(app), IClassFixture<PostgresApp>;
