using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Features.Documents;
using ChiBo.Tests.Infrastructure;
using static ChiBo.Tests.Meetings.MeetingFlow;

namespace ChiBo.Tests.Documents;

/// <summary>
/// Seed 004 entered from its text and printed back: the PDF LibreOffice makes from the official layout is read with
/// <c>pdftotext -layout</c>, and each part must be where the seed has it — the issuer's column on the left, the Party's
/// name and the place and date on the right, "Kính gửi" under them, the body, then "Nơi nhận" beside the T/M block.
/// Page 1 is also written as a PNG (tests/ChiBo.Tests/bin/…/artifacts) for a person to look at.
/// </summary>
public sealed class LayoutTests(SqliteApp app) : AppTest(app), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Seed004EnteredAsDataPrintsBackInTheOfficialLayout()
    {
        var pdftotext = ExternalTools.OnPath("pdftotext");
        var pdftoppm = ExternalTools.OnPath("pdftoppm");
        Assert.SkipWhen(ExternalTools.OnPath("soffice") is null || pdftotext is null || pdftoppm is null,
            "LibreOffice and poppler-utils are needed to read the PDF back (installed by .ci/run).");
        var board = await App.ApiAs("btc.tinh");
        var tamDuong = await UnitId("LC-TD");
        var seed = SeedDocuments.Letter824(tamDuong);
        var doc = await Ok(await board.PostAsJsonAsync("/api/v1/documents/external", seed.Input));
        Assert.Equal("824-CV/HU", doc.GetProperty("symbol").GetString());
        Assert.Contains("Cao Trang Trọng", doc.GetProperty("signerName").GetString());

        var pdf = await board.GetAsync($"/api/v1/documents/{Id(doc)}/pdf", TestContext.Current.CancellationToken);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var dir = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts"));
        var file = Path.Combine(dir.FullName, "seed-004.pdf");
        await File.WriteAllBytesAsync(file, await pdf.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var (exit, output) = await ExternalTools.RunAsync(pdftotext!, ["-layout", file, Path.Combine(dir.FullName, "seed-004.txt")], TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, output);
        var lines = (await File.ReadAllLinesAsync(Path.Combine(dir.FullName, "seed-004.txt"), TestContext.Current.CancellationToken)).ToList();

        // (line, column) of a phrase; the number is compared without spaces since pdftotext may print "824 - CV/HU".
        (int Line, int Col) At(string phrase, int after = -1)
        {
            for (var i = after + 1; i < lines.Count; i++)
            {
                var col = phrase.StartsWith("Số") ? lines[i].Replace(" ", "").IndexOf(phrase.Replace(" ", ""), StringComparison.Ordinal) : lines[i].IndexOf(phrase, StringComparison.Ordinal);
                if (col >= 0) return (i, phrase.StartsWith("Số") ? lines[i].IndexOf("Số", StringComparison.Ordinal) : col);
            }
            Assert.Fail($"'{phrase}' not found after line {after} in:\n{string.Join('\n', lines)}");
            return default;
        }
        var parent = At("ĐẢNG BỘ TỈNH LAI CHÂU");
        var party = At("ĐẢNG CỘNG SẢN VIỆT NAM");
        var issuer = At("HUYỆN ỦY TAM ĐƯỜNG");
        var number = At("Số 824-CV/HU");
        var date = At("Tam Đường, ngày 10 tháng 01 năm 2023");
        var summary = At("Tiếp tục lãnh đạo, chỉ đạo");
        var to = At("Kính gửi: Các chi, đảng bộ cơ sở.");
        var body = At("Trong những năm qua");
        var last = At("định kỳ báo cáo Ban Thường vụ Huyện ủy.");
        var recipients = At("Nơi nhận:", last.Line);
        var onBehalf = At("T/M BAN THƯỜNG VỤ", last.Line);
        var position = At("PHÓ BÍ THƯ", onBehalf.Line);
        var keep = At("- Lưu.", recipients.Line);
        var signer = At("Cao Trang Trọng", position.Line);

        // Two columns at the top: the Party's name level with the parent organization, well to its right; the date on the right too.
        Assert.True(Math.Abs(party.Line - parent.Line) <= 1, $"ĐẢNG CỘNG SẢN VIỆT NAM on line {party.Line}, parent organization on {parent.Line}");
        Assert.True(party.Col > parent.Col + 20 && date.Col > issuer.Col + 20, "the right column starts well right of the issuer's");
        // Left column, top to bottom: parent, issuer, number, the letter's summary under it.
        Assert.True(parent.Line < issuer.Line && issuer.Line < number.Line && number.Line < summary.Line, "parent → issuer → number → summary");
        Assert.True(number.Col < party.Col && summary.Col < party.Col, "number and summary in the left column");
        Assert.True(date.Line > party.Line && date.Line <= number.Line + 1, "place and date under the Party's name, level with the number");
        // Then "Kính gửi", the body, and the closing: Nơi nhận on the left beside T/M, the signer under the position.
        Assert.True(to.Line > summary.Line && body.Line > to.Line && last.Line > body.Line, "Kính gửi → body");
        Assert.True(Math.Abs(onBehalf.Line - recipients.Line) <= 2, $"T/M block level with Nơi nhận (lines {onBehalf.Line} and {recipients.Line})");
        Assert.True(onBehalf.Col > recipients.Col + 20 && signer.Col > keep.Col + 20, "signature block in the right column");
        Assert.True(signer.Line > position.Line && keep.Line > recipients.Line, "recipients listed down to '- Lưu.', the signer's name under the position");

        var png = Path.Combine(dir.FullName, "seed-004-page");
        (exit, output) = await ExternalTools.RunAsync(pdftoppm!, ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file, png], TimeSpan.FromSeconds(60));
        Assert.True(exit == 0 && new FileInfo(png + ".png").Length > 10_000, output);
        TestContext.Current.SendDiagnosticMessage($"Seed 004, page 1: {png}.png");
    }
}
