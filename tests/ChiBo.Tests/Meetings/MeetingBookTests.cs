using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Meetings;

/// <summary>
/// The meeting book as a reader gets it: the DOCX of Nà Khum's 2026 demo meetings opens in LibreOffice,
/// converts to PDF, and the PDF's text still says every Vietnamese word right (no missing glyph, no
/// replaced letter). SQLite only: the document does not depend on the database.
/// </summary>
public sealed partial class MeetingBookTests(SqliteDemoApp app) : AppTest(app), IClassFixture<SqliteDemoApp>
{
    const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // Words from the book's fixed labels, the agenda template, the rubric and the demo minutes' conclusions,
    // chosen so that between them they carry the letters a Vietnamese text needs.
    static readonly string[] Words =
    [
        "Sinh hoạt thường kỳ", "ĐẢNG CỘNG SẢN VIỆT NAM", "Đảng", "miễn sinh hoạt", "những băn khoăn", "thực hiện", "Tỷ lệ",
        "thẳng thắn", "chuẩn bị", "Trình bày bản đề dẫn", "được đọc lại", "tấm gương", "cử thư ký", "Biểu quyết",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "Mỗi đảng viên đăng ký", "Nghị quyết chi bộ tháng",
    ];

    const string Letters = "ăâêôơưđáàảãạấầẩẫậắằẳặếềểễệíìỉịóòỏõọốồổỗộớờởợúùủụứừửữựýỳỷĐ";

    [Fact]
    public async Task TheMeetingBookOpensInLibreOfficeWithEveryVietnameseLetterIntact()
    {
        var soffice = ExternalTools.OnPath("soffice");
        var pdftotext = ExternalTools.OnPath("pdftotext");
        Assert.SkipWhen(soffice is null, "LibreOffice (soffice) is not on PATH: the DOCX cannot be rendered to check its text.");
        Assert.SkipWhen(pdftotext is null, "pdftotext (poppler-utils) is not on PATH: the rendered PDF cannot be read back.");

        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var secretary = await App.ApiAs("bithu.nakhum");
        var cell = await UnitId("LC-BL-NK");
        var list = await Get(secretary, $"/api/v1/units/{cell}/meetings?year=2026");
        var adopted = list.EnumerateArray().Where(m => m.GetProperty("status").GetString() == "Adopted").ToList();
        Assert.NotEmpty(adopted);
        var meeting = await Get(secretary, $"/api/v1/meetings/{adopted[0].GetProperty("id").GetInt32()}");
        var chair = meeting.GetProperty("minutes").GetProperty("chair").GetProperty("name").GetString()!;

        var res = await secretary.GetAsync($"/api/v1/units/{cell}/meeting-book.docx?year=2026");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal(DocxType, res.Content.Headers.ContentType?.MediaType);
        var bytes = await res.Content.ReadAsByteArrayAsync();

        var dir = Directory.CreateTempSubdirectory("chibo-book-");
        var profile = Path.Combine(Path.GetTempPath(), "lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var docx = Path.Combine(dir.FullName, "so-hop-chi-bo-2026.docx");
            await File.WriteAllBytesAsync(docx, bytes, TestContext.Current.CancellationToken);
            var convert = await ExternalTools.RunAsync(soffice!, ["--headless", $"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", dir.FullName, docx], TimeSpan.FromSeconds(120));
            var pdf = Path.ChangeExtension(docx, ".pdf");
            Assert.True(File.Exists(pdf), $"LibreOffice did not produce a PDF (exit {convert.Exit}): {convert.Output}");
            var txt = Path.ChangeExtension(docx, ".txt");
            var extract = await ExternalTools.RunAsync(pdftotext!, ["-layout", pdf, txt], TimeSpan.FromSeconds(60));
            Assert.True(extract.Exit == 0 && File.Exists(txt), $"pdftotext failed (exit {extract.Exit}): {extract.Output}");

            // Layout mode pads justified lines and breaks long ones: compare with whitespace collapsed.
            var raw = (await File.ReadAllTextAsync(txt, TestContext.Current.CancellationToken)).Normalize(NormalizationForm.FormC);
            var text = Spaces().Replace(raw, " ");
            Assert.DoesNotContain('\uFFFD', text);
            foreach (var expected in new[] { "SỔ HỌP CHI BỘ", "ĐẢNG CỘNG SẢN VIỆT NAM", "BIÊN BẢN", chair, "Chủ trì kết luận", "PHIẾU ĐÁNH GIÁ CHẤT LƯỢNG BUỔI SINH HOẠT", "Mã kiểm tra nội dung (SHA-256)" })
                Assert.True(text.Contains(expected, StringComparison.Ordinal), $"The rendered book does not contain \"{expected}\".");
            var missingWords = Words.Where(w => !text.Contains(w, StringComparison.Ordinal)).ToList();
            Assert.True(missingWords.Count == 0, "Words not found in the rendered book: " + string.Join(" | ", missingWords));
            var missingLetters = Letters.Where(c => !text.Contains(c)).ToList();
            Assert.True(missingLetters.Count == 0, "Letters not found in the rendered book: " + string.Join(" ", missingLetters));
        }
        finally
        {
            dir.Delete(recursive: true);
            if (Directory.Exists(profile)) Directory.Delete(profile, recursive: true);
        }
    }

    [Fact]
    public async Task OneMeetingsMinutesAreADocxAndAnotherCellCannotReadTheBook()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var secretary = await App.ApiAs("bithu.nakhum");
        var cell = await UnitId("LC-BL-NK");
        var list = await Get(secretary, $"/api/v1/units/{cell}/meetings?year=2026");
        var id = list.EnumerateArray().First(m => m.GetProperty("status").GetString() == "Adopted").GetProperty("id").GetInt32();

        var res = await secretary.GetAsync($"/api/v1/meetings/{id}/minutes.docx");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal(DocxType, res.Content.Headers.ContentType?.MediaType);
        var bytes = await res.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 2 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "A DOCX is a ZIP file: it starts with \"PK\".");

        var stranger = await App.ApiAs("bithu.muongso");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/units/{cell}/meeting-book.docx?year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/meetings/{id}/minutes.docx")).StatusCode);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
