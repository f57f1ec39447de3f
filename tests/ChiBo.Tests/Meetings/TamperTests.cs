using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Meetings;
using ChiBo.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChiBo.Tests.Meetings.MeetingFlow;

namespace ChiBo.Tests.Meetings;

/// <summary>
/// Adopted minutes edited straight in the database — plainly, and with the public SHA-256 recomputed over the
/// documented canonical JSON as a forger would — are reported by the API, the page, both DOCX exports and
/// <c>verify</c>; so is a meeting deleted from a cell's year. Legitimate steps after adoption keep the record clean.
/// </summary>
public abstract class TamperTests(ChiBoApp app) : AppTest(app)
{
    public enum Target { Remark, Addendum, Signer, RatingLevel }

    const string Warning = "CẢNH BÁO: biên bản không khớp với bản đã niêm phong";
    static readonly Dictionary<string, decimal> Manual = new() { ["CB3"] = 5, ["TH1"] = 5, ["TH4"] = 8, ["TH5"] = 8 };

    sealed record Record(MeetingFlow Flow, int Id, HttpClient Pages);

    /// <summary>
    /// One meeting carried through every legitimate step after adoption: both signatures, a signed addendum, the
    /// cell's rating proposed and voted by its own secretary, confirmed by the commune.
    /// </summary>
    async Task<Record> RecordAsync(string date = "2024-10-03")
    {
        var f = await CreateAsync(App);
        var secretary = await SecretaryAsync(f);
        var commune = await App.ApiAs("vp.binhlu");
        var pages = await App.PagesAs("vp.binhlu");
        var id = Id(await f.HoldAsync(date, f.Official.Take(5)));
        await Ok(await f.Clerk.PostAsJsonAsync($"/api/v1/meetings/{id}/sign", new { role = "Chair" }));
        await Ok(await f.Clerk.PostAsJsonAsync($"/api/v1/meetings/{id}/sign", new { role = "Secretary" }));
        var d = DateOnly.Parse(date).AddDays(5);
        f.At(d.Year, d.Month, d.Day);
        var m = await Ok(await f.Clerk.PostAsJsonAsync($"/api/v1/meetings/{id}/addenda", new { date = d.ToString("yyyy-MM-dd"), text = "Đính chính: giờ kết thúc là 21 giờ 20 phút." }));
        var addendum = m.GetProperty("minutes").GetProperty("addenda")[0].GetProperty("id").GetInt32();
        await Ok(await f.Clerk.PostAsync($"/api/v1/meetings/{id}/addenda/{addendum}/sign", null));
        await Ok(await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/rating/propose", new { scores = Manual, note = "Chi ủy đề xuất" }));
        await Ok(await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/rating/vote", new { votesFor = 7, votesAgainst = 1 }));
        await Ok(await commune.PostAsJsonAsync($"/api/v1/meetings/{id}/rating/confirm", new { note = "Nhất trí" }));
        return new Record(f, id, pages);
    }

    /// <summary>The cell's own secretary account (the cell's steps on a rating are its own), for the cell's first member.</summary>
    async Task<HttpClient> SecretaryAsync(MeetingFlow f)
    {
        var name = $"bithu.t{f.CellId}";
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var u = new AppUser { UserName = name, FullName = "Lò Văn An", UnitId = f.CellId, MemberId = f.Official[0], Email = name + "@chibo.local", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(u, ChiBoApp.Password)).Succeeded);
            await users.AddToRoleAsync(u, Roles.CellSecretary);
        }
        return await App.ApiAs(name);
    }

    [Fact]
    public async Task UntouchedMinutesAndEveryLegitimateStepAfterAdoptionVerifyClean()
    {
        var r = await RecordAsync();
        var m = await r.Flow.Get(r.Id);
        var minutes = m.GetProperty("minutes");
        Assert.Equal("Confirmed", m.GetProperty("rating").GetProperty("status").GetString());
        Assert.True(minutes.GetProperty("hashIntact").GetBoolean());
        Assert.Empty(minutes.GetProperty("integrityProblems").EnumerateArray());
        Assert.True(minutes.GetProperty("addenda")[0].GetProperty("intact").GetBoolean());
        var hash = minutes.GetProperty("contentHash").GetString()!;

        var html = await r.Pages.GetStringAsync($"/Meetings/{r.Id}");
        Assert.Contains("<span class=\"badge text-bg-success\">Khớp</span>", html);
        Assert.DoesNotContain("integrity-problems", html);
        var docx = await DocxTextAsync(r.Flow.Clerk, $"/api/v1/meetings/{r.Id}/minutes.docx");
        Assert.Contains($"Mã kiểm tra nội dung (SHA-256): {hash}", docx);
        Assert.DoesNotContain("CẢNH BÁO", docx);

        var (exit, output) = await VerifyAsync(r.Flow.CellId);
        Assert.True(exit == 0, output);
        Assert.Contains("không phát hiện sai lệch", output);
    }

    [Theory]
    [InlineData(Target.Remark, false)]
    [InlineData(Target.Remark, true)]
    [InlineData(Target.Addendum, false)]
    [InlineData(Target.Addendum, true)]
    [InlineData(Target.Signer, false)]
    [InlineData(Target.Signer, true)]
    [InlineData(Target.RatingLevel, false)]
    [InlineData(Target.RatingLevel, true)]
    public async Task AnEditMadeInTheDatabaseIsReportedEverywhereEvenWithTheHashRecomputed(Target target, bool recomputeHash)
    {
        var r = await RecordAsync();
        var hash = (await r.Flow.Get(r.Id)).GetProperty("minutes").GetProperty("contentHash").GetString()!;
        await TamperAsync(r.Id, target, recomputeHash);
        var expected = target switch
        {
            Target.Remark => "Nội dung biên bản đã bị sửa ngoài hệ thống",
            Target.Addendum => "Phụ lục ngày 08/10/2024 đã bị sửa ngoài hệ thống",
            _ => "Chữ ký hoặc xếp loại đã bị sửa ngoài hệ thống",
        };

        // A later legitimate write is refused rather than re-sealing the edit.
        var write = await r.Flow.Clerk.PostAsJsonAsync($"/api/v1/meetings/{r.Id}/addenda", new { date = "2024-10-20", text = "Đính chính thêm." });
        Assert.Equal(HttpStatusCode.Conflict, write.StatusCode);
        Assert.Contains("không khớp với bản đã niêm phong", await write.Content.ReadAsStringAsync());

        var minutes = (await r.Flow.Get(r.Id)).GetProperty("minutes");
        Assert.False(minutes.GetProperty("hashIntact").GetBoolean());
        var problems = minutes.GetProperty("integrityProblems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.Contains(expected));
        if (target == Target.Addendum) Assert.False(minutes.GetProperty("addenda")[0].GetProperty("intact").GetBoolean());

        var html = await r.Pages.GetStringAsync($"/Meetings/{r.Id}");
        Assert.Contains("alert alert-danger", html);
        Assert.Contains(Warning, html);
        Assert.Contains(expected, html);
        Assert.DoesNotContain(">Khớp<", html);

        foreach (var url in new[] { $"/api/v1/meetings/{r.Id}/minutes.docx", $"/api/v1/units/{r.Flow.CellId}/meeting-book.docx?year=2024" })
        {
            var docx = await DocxTextAsync(r.Flow.Clerk, url);
            Assert.Contains(Warning, docx);
            Assert.Contains(expected, docx);
            Assert.DoesNotContain("Mã kiểm tra nội dung (SHA-256)", docx);
            Assert.DoesNotContain(hash, docx);
        }

        var (exit, output) = await VerifyAsync(r.Flow.CellId);
        Assert.Equal(1, exit);
        Assert.Contains(output.Split('\n'), l => l.Contains($"ngày 03/10/2024 · buổi sinh hoạt mã {r.Id}: ") && l.Contains(expected));
        Assert.Matches(@"Đã kiểm tra 1 sổ họp, 1 biên bản, 1 phụ lục: \d+ lỗi\.", output);
    }

    [Fact]
    public async Task AMeetingDeletedFromTheYearBreaksTheChainAtTheNextAndTheLastOneDeletedShowsAtTheEnd()
    {
        var f = await CreateAsync(App);
        var ids = new List<int>();
        foreach (var date in new[] { "2024-09-05", "2024-10-03", "2024-11-07" }) ids.Add(Id(await f.HoldAsync(date, f.Official.Take(5))));
        Assert.Equal(0, (await VerifyAsync(f.CellId)).Exit);

        await DeleteMeetingAsync(ids[1]);
        var next = (await f.Get(ids[2])).GetProperty("minutes");
        Assert.False(next.GetProperty("hashIntact").GetBoolean());
        Assert.Contains(BookChain.MissingBefore, next.GetProperty("integrityProblems").EnumerateArray().Select(p => p.GetString()));
        Assert.True((await f.Get(ids[0])).GetProperty("minutes").GetProperty("hashIntact").GetBoolean());
        var (exit, output) = await VerifyAsync(f.CellId);
        Assert.Equal(1, exit);
        Assert.Contains($"ngày 07/11/2024 · buổi sinh hoạt mã {ids[2]}: {BookChain.MissingBefore}", output);

        await DeleteMeetingAsync(ids[2]);
        var first = (await f.Get(ids[0])).GetProperty("minutes");
        Assert.Contains(first.GetProperty("integrityProblems").EnumerateArray(), p => p.GetString()!.Contains("thiếu biên bản sau buổi này (đầu sổ ghi 3 biên bản"));
        (exit, output) = await VerifyAsync(f.CellId);
        Assert.Equal(1, exit);
        Assert.Contains($"buổi sinh hoạt mã {ids[0]}: Chuỗi sổ họp bị đứt: thiếu biên bản sau buổi này", output);
    }

    [Fact]
    public async Task MinutesAdoptedBeforeSealingAreSealedOnceInBookOrderWhenTheirHashStillMatches()
    {
        var f = await CreateAsync(App);
        var older = Id(await f.HoldAsync("2024-09-05", f.Official.Take(5)));
        var edited = Id(await f.HoldAsync("2024-10-03", f.Official.Take(5)));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            // The cell's book as a database from before migration 0016 holds it, one of its minutes already edited.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Meetings.Where(m => m.CellId == f.CellId).ExecuteUpdateAsync(s => s.SetProperty(m => m.BookSeq, (int?)null)
                .SetProperty(m => m.PrevSeal, (string?)null).SetProperty(m => m.Seal, (string?)null).SetProperty(m => m.RecordSeal, (string?)null).SetProperty(m => m.SealKeyId, (int?)null));
            await db.MinutesBookHeads.Where(h => h.CellId == f.CellId).ExecuteDeleteAsync();
            await db.Meetings.Where(m => m.Id == edited).ExecuteUpdateAsync(s => s.SetProperty(m => m.Resolution, "Nghị quyết bị sửa lén"));
        }
        Assert.Contains(MinutesIntegrity.NotSealed, Problems(await f.Get(older)));

        await using (var scope = App.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<MinutesSeal>().SealUnsealedAsync([f.CellId]));
        Assert.Empty(Problems(await f.Get(older)));
        Assert.Equal([MinutesIntegrity.ContentChanged, MinutesIntegrity.NotSealed], Problems(await f.Get(edited)));
        var (exit, output) = await VerifyAsync(f.CellId);
        Assert.Equal(1, exit);
        Assert.Contains($"buổi sinh hoạt mã {edited}: {MinutesIntegrity.ContentChanged}", output);
        Assert.DoesNotContain($"mã {older}:", output);
    }

    [Fact]
    public async Task ANewKeySealsFromNowOnAndTheEarlierKeyStillChecksWhatItSealed()
    {
        var f = await CreateAsync(App);
        var before = Id(await f.HoldAsync("2024-09-05", f.Official.Take(5)));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var keys = scope.ServiceProvider.GetRequiredService<SealKeys>();
            var (id, raw) = await keys.RotateAsync();
            // The database holds the Data Protection ciphertext, never the key itself.
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().MinutesSealKeys.Where(k => k.Id == id).Select(k => k.ProtectedKey).SingleAsync();
            Assert.False(stored.AsSpan().IndexOf(raw!) >= 0);
        }
        var after = Id(await f.HoldAsync("2024-10-03", f.Official.Take(5)));
        Assert.Empty(Problems(await f.Get(before)));
        Assert.Empty(Problems(await f.Get(after)));
        Assert.Equal(0, (await VerifyAsync(f.CellId)).Exit);
    }

    static List<string> Problems(JsonElement meeting) =>
        meeting.GetProperty("minutes").GetProperty("integrityProblems").EnumerateArray().Select(p => p.GetString()!).ToList();

    /// <summary>The edit made behind the product's back; with <paramref name="recomputeHash"/>, the stored SHA-256 of the minutes and the addenda made to match it.</summary>
    async Task TamperAsync(int id, Target target, bool recomputeHash)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        switch (target)
        {
            case Target.Remark:
                var remark = await db.Remarks.Where(r => db.AgendaItems.Any(a => a.Id == r.AgendaItemId && a.MeetingId == id)).MinAsync(r => r.Id);
                await db.Remarks.Where(r => r.Id == remark).ExecuteUpdateAsync(s => s.SetProperty(r => r.Text, "Tôi không đồng ý với báo cáo."));
                break;
            case Target.Addendum:
                await db.MinutesAddenda.Where(a => a.MeetingId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, "Đính chính: bãi bỏ nghị quyết."));
                break;
            case Target.Signer:
                await db.Meetings.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ChairSignedBy, "nguoi.khac"));
                break;
            case Target.RatingLevel:
                await db.MeetingRatings.Where(r => r.MeetingId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Level, RatingLevel.Poor));
                break;
        }
        if (!recomputeHash) return;
        var m = await db.Meetings.AsNoTracking().Include(x => x.Agenda).ThenInclude(a => a.Remarks).Include(x => x.Attendance).Include(x => x.Votes)
            .Include(x => x.Addenda).AsSplitQuery().SingleAsync(x => x.Id == id);
        var hash = MinutesHash.Compute(m);
        await db.Meetings.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ContentHash, hash));
        foreach (var a in m.Addenda)
        {
            var addendumHash = MinutesHash.Compute(a, hash);
            await db.MinutesAddenda.Where(x => x.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ContentHash, addendumHash));
        }
    }

    /// <summary>The meeting's rows removed straight from the database (its agenda, roll, votes, addenda and rating go with it).</summary>
    async Task DeleteMeetingAsync(int id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Meetings.Where(m => m.Id == id).ExecuteDeleteAsync());
    }

    /// <summary>The CLI verb run in-process: <c>verify --unit CELL</c>, its exit code and what it printed.</summary>
    async Task<(int Exit, string Output)> VerifyAsync(int unitId)
    {
        var output = new StringWriter();
        var exit = await VerifyCommand.RunAsync(App.Services, ["verify", "--unit", unitId.ToString()], output);
        return (exit, output.ToString());
    }

    static async Task<string> DocxTextAsync(HttpClient client, string url)
    {
        var res = await client.GetAsync(url);
        Assert.True(res.IsSuccessStatusCode, $"GET {url}: {(int)res.StatusCode}");
        using var stream = new MemoryStream(await res.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}

public sealed class TamperTestsSqlite(SqliteApp app) : TamperTests(app), IClassFixture<SqliteApp>;
public sealed class TamperTestsPostgres(PostgresApp app) : TamperTests(app), IClassFixture<PostgresApp>;
