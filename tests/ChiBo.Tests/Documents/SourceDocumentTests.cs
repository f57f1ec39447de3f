using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using static ChiBo.Tests.Meetings.MeetingFlow;

namespace ChiBo.Tests.Documents;

/// <summary>
/// The product's own records enter the register and print through the same official layout: a cell's adopted minutes
/// become "Số 02-BB/CB" (the demo already issued 01), its thematic plan a Kế hoạch with Nơi nhận and the T/M block; the
/// register pages let a clerk draft and issue, with Vietnamese errors next to the field, and refuse other units.
/// </summary>
public sealed class SourceDocumentTests(SqliteDemoApp app) : AppTest(app), IClassFixture<SqliteDemoApp>
{
    [Fact]
    public async Task MinutesAndPlansAreNumberedInTheCellsRegisterAndPrintInTheOfficialLayout()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var secretary = await App.ApiAs("bithu.nakhum");
        var cell = await UnitId("LC-BL-NK");
        var meetings = await Get(secretary, $"/api/v1/units/{cell}/meetings?year=2026");
        var first = meetings.EnumerateArray().Where(m => m.GetProperty("status").GetString() == "Adopted").OrderBy(m => m.GetProperty("date").GetString()).First();

        var outsider = await App.ApiAs("bithu.muongso");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync("/api/v1/documents/from-source", new { kind = "meeting-minutes", sourceId = Id(first) }, TestContext.Current.CancellationToken)).StatusCode);
        var draft = await Ok(await secretary.PostAsJsonAsync("/api/v1/documents/from-source", new { kind = "meeting-minutes", sourceId = Id(first) }));
        Assert.Equal("BB", draft.GetProperty("typeCode").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostAsJsonAsync("/api/v1/documents/from-source", new { kind = "meeting-minutes", sourceId = Id(first) }, TestContext.Current.CancellationToken)).StatusCode);
        var issued = await Ok(await secretary.PostAsJsonAsync($"/api/v1/documents/{Id(draft)}/issue", new { date = "2026-11-22" }));
        Assert.Equal("02-BB/CB", issued.GetProperty("symbol").GetString());

        // The register's DOCX and the meeting's own minutes DOCX are the same layout with the same number.
        foreach (var url in new[] { $"/api/v1/documents/{Id(draft)}/docx", $"/api/v1/meetings/{Id(first)}/minutes.docx" })
        {
            var text = await DocxText(secretary, url);
            Assert.Contains("Số 02-BB/CB", text);
            Assert.Contains("ĐẢNG BỘ XÃ BÌNH LƯ", text);
            Assert.Contains("CHI BỘ BẢN NÀ KHUM", text);
            Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
            Assert.Contains("Chủ trì kết luận", text);
        }

        var plan = await Get(secretary, $"/api/v1/units/{cell}/plans/2026");
        var planDoc = await Ok(await secretary.PostAsJsonAsync("/api/v1/documents/from-source", new { kind = "thematic-plan", sourceId = Id(plan) }));
        Assert.Equal("01-KH/CB", (await Ok(await secretary.PostAsJsonAsync($"/api/v1/documents/{Id(planDoc)}/issue", new { date = "2026-01-20" }))).GetProperty("symbol").GetString());
        var planText = await DocxText(secretary, $"/api/v1/units/{cell}/plans/2026/docx");
        Assert.Contains("Số 01-KH/CB", planText);
        Assert.Contains("Bình Lư, ngày 20 tháng 01 năm 2026", planText);
        Assert.Contains("KẾ HOẠCH", planText);
        Assert.Contains("Nơi nhận:", planText);
        Assert.Contains("T/M CHI BỘ", planText);
        Assert.Contains(plan.GetProperty("items")[0].GetProperty("title").GetString()!, planText);
    }

    [Fact]
    public async Task TheRegisterPageDraftsWithErrorsNextToTheFieldAndIssuesANumber()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var commune = await UnitId("LC-BL");
        var office = await App.PagesAs("vp.binhlu");
        var page = await office.GetStringAsync($"/Units/{commune}/Documents", TestContext.Current.CancellationToken);
        Assert.Contains("Sổ văn bản — Đảng ủy xã Bình Lư", page);
        Assert.Contains("01-KH/ĐU", page);   // the demo plan, issued in the 2025–2030 term

        async Task<HttpResponseMessage> Post(string handler, Dictionary<string, string> fields)
        {
            var html = await office.GetStringAsync($"/Units/{commune}/Documents", TestContext.Current.CancellationToken);
            fields["__RequestVerificationToken"] = Forms.AntiforgeryToken(html);
            return await office.PostAsync($"/Units/{commune}/Documents?handler={handler}", new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
        }
        var empty = await Post("Draft", new() { ["typeCode"] = "TB", ["summary"] = " ", ["signatureForm"] = "OnBehalf" });
        Assert.Contains("Nhập trích yếu nội dung.", await empty.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var secret = await Post("Draft", new() { ["typeCode"] = "TB", ["summary"] = "Mật", ["signatureForm"] = "OnBehalf", ["secret"] = "true" });
        Assert.Contains("Văn bản mật không được soạn thảo", await secret.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var created = await Post("Draft", new() { ["typeCode"] = "TB", ["summary"] = "Lịch sinh hoạt chi bộ tháng 12/2026", ["signatureForm"] = "OnBehalf", ["recipients"] = "Các chi bộ,\nLưu." });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        var details = await office.GetStringAsync(url, TestContext.Current.CancellationToken);
        Assert.Contains("Ban hành, cấp số", details);
        var issue = await office.PostAsync(url + "?handler=Issue", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(details), ["date"] = "22/11/2026",
        }), TestContext.Current.CancellationToken);
        var after = await issue.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Đã ban hành và cấp số.", after);
        Assert.Contains("Thông báo số 02-TB/ĐU", after);   // 01-TB/ĐU is the demo inspection's conclusion notice

        // A member of a cell does not see the commune's register (not found, as if it did not exist), nor its drafts.
        var member = await App.PagesAs("dangvien.nakhum");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/Units/{commune}/Documents", TestContext.Current.CancellationToken)).StatusCode);
    }

    async Task<string> DocxText(HttpClient client, string url)
    {
        var res = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        using var stream = new MemoryStream(await res.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var doc = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}
