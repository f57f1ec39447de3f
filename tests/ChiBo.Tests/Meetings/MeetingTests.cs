using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Data;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChiBo.Tests.Meetings.MeetingFlow;

namespace ChiBo.Tests.Meetings;

public abstract class MeetingTests(ChiBoApp app) : AppTest(app)
{
    static JsonElement Line(JsonElement sheet, string code) =>
        sheet.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("code").GetString() == code);

    [Fact]
    public async Task AttendanceRateLeavesExemptAndSpecialDutyMembersOutOfTheDenominator()
    {
        var f = await CreateAsync(App);
        f.At(2024, 3, 3, 20);
        var m = await f.Plan("2024-03-03");
        // Exempt and special-duty members keep their status whatever is sent; a regular member cannot be marked exempt.
        var wrong = await f.Attend(m, new() { [f.Official[3]] = "Exempt" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("không thuộc diện miễn sinh hoạt", await wrong.Content.ReadAsStringAsync());

        m = await Ok(await f.Attend(m, new() { [f.Official[7]] = "AbsentExcused", [f.Exempt] = "Present" }));
        var s = m.GetProperty("attendanceSummary");
        Assert.Equal(11, s.GetProperty("roll").GetInt32());
        Assert.Equal(9, s.GetProperty("expected").GetInt32());
        Assert.Equal(8, s.GetProperty("present").GetInt32());
        Assert.Equal(88.9m, s.GetProperty("rate").GetDecimal());
        var exempt = m.GetProperty("attendance").EnumerateArray().First(a => a.GetProperty("memberId").GetInt32() == f.Exempt);
        Assert.Equal("Exempt", exempt.GetProperty("status").GetString());

        // One unexcused absence is flagged by name.
        m = await Ok(await f.Attend(m, new() { [f.Official[7]] = "AbsentUnexcused" }));
        Assert.Contains(m.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("Vắng không lý do: Sùng Thị Lan"));
    }

    [Fact]
    public async Task AbsentWithReasonMoreThanThreeTimesInARowIsFlaggedAcrossMonths()
    {
        var f = await CreateAsync(App);
        var x = f.Official[6];   // absent with reason four months running
        var y = f.Official[5];   // absent twice, present once, absent again: no run of four
        var pattern = new[]
        {
            ("2024-01-03", new Dictionary<int, string> { [x] = "AbsentExcused", [y] = "AbsentExcused" }),
            ("2024-02-03", new Dictionary<int, string> { [x] = "AbsentExcused", [y] = "AbsentExcused" }),
            ("2024-03-03", new Dictionary<int, string> { [x] = "AbsentExcused" }),
            ("2024-04-03", new Dictionary<int, string> { [x] = "AbsentExcused", [y] = "AbsentExcused" }),
        };
        var meetings = new List<JsonElement>();
        foreach (var (date, statuses) in pattern)
        {
            var d = DateOnly.Parse(date);
            f.At(d.Year, d.Month, d.Day, 22);
            meetings.Add(await Ok(await f.Attend(await f.Plan(date), statuses)));
        }
        Assert.Empty(meetings[2].GetProperty("excusedStreaks").EnumerateArray());
        var april = await f.Get(Id(meetings[3]));
        var streak = Assert.Single(april.GetProperty("excusedStreaks").EnumerateArray());
        Assert.Equal(x, streak.GetProperty("memberId").GetInt32());
        Assert.Equal(4, streak.GetProperty("count").GetInt32());
        Assert.Contains(april.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("vắng có lý do 4 lần liên tiếp"));
    }

    [Fact]
    public async Task AMeetingIsTotOnlyWhenTheGatingCriteriaHaveFullMarks()
    {
        var f = await CreateAsync(App);
        var manual = new Dictionary<string, decimal> { ["CB3"] = 5, ["TH1"] = 5, ["TH4"] = 10, ["TH5"] = 10 };

        // Everyone present, on time, long enough, complete minutes, but only 2 of the 9 present spoke (22,2% of the 50% needed).
        var few = await f.HoldAsync("2024-05-03", f.Official.Take(2));
        var sheet = await Get(f.Clerk, $"/api/v1/meetings/{Id(few)}/rating/sheet");
        Assert.Equal(4.4m, Line(sheet, "TH3").GetProperty("points").GetDecimal());
        Assert.Equal(5, Line(sheet, "CB1").GetProperty("points").GetDecimal());
        var rated = await Ok(await f.Secretary.PostAsJsonAsync($"/api/v1/meetings/{Id(few)}/rating/propose", new { scores = manual }));
        var r = rated.GetProperty("rating");
        Assert.Equal(94.4m, r.GetProperty("total").GetDecimal());
        Assert.Equal("Fair", r.GetProperty("level").GetString());
        Assert.True(r.GetProperty("capped").GetBoolean());

        // Same meeting shape, 5 of 9 speak: full marks everywhere, Tốt.
        var many = await f.HoldAsync("2024-06-03", f.Official.Take(5));
        r = (await Ok(await f.Secretary.PostAsJsonAsync($"/api/v1/meetings/{Id(many)}/rating/propose", new { scores = manual }))).GetProperty("rating");
        Assert.Equal(100m, r.GetProperty("total").GetDecimal());
        Assert.Equal("Good", r.GetProperty("level").GetString());
        Assert.False(r.GetProperty("capped").GetBoolean());

        // A manual score out of range is refused next to its criterion.
        var bad = await f.Secretary.PostAsJsonAsync($"/api/v1/meetings/{Id(many)}/rating/propose", new { scores = new Dictionary<string, decimal>(manual) { ["TH4"] = 12 } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("từ 0 đến 10", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("TH4")[0].GetString());
    }

    [Fact]
    public async Task ARuleSetThatChangesOnADateAppliesToMeetingsAfterItOnly()
    {
        var f = await CreateAsync(App);
        // The commune's board sets a stricter rule for this cell from 01/06/2024: 120 minutes.
        var created = await f.Clerk.PostAsJsonAsync("/api/v1/rule-sets", new
        {
            unitId = f.CellId, name = "Quy định thử của chi bộ", effectiveFrom = "2024-06-01", meetingDay = 3, thematicPerQuarter = 1,
            minMinutes = 120, minMinutesCombined = 150, noticeDays = 1, attendancePercent = 85, maxExcusedInRow = 3, participationPercent = 50,
            goodMin = 90, fairMin = 70, averageMin = 50,
        });
        await Ok(created);
        var may = await f.HoldAsync("2024-05-03", f.Official.Take(4), end: "21:10:00");   // 100 minutes
        var june = await f.HoldAsync("2024-06-03", f.Official.Take(4), end: "21:10:00");
        Assert.Equal(10m, Line(await Get(f.Clerk, $"/api/v1/meetings/{Id(may)}/rating/sheet"), "TH2").GetProperty("points").GetDecimal());
        var juneLine = Line(await Get(f.Clerk, $"/api/v1/meetings/{Id(june)}/rating/sheet"), "TH2");
        Assert.Equal(8.3m, juneLine.GetProperty("points").GetDecimal());
        Assert.Contains("tối thiểu 120 phút", juneLine.GetProperty("basis").GetString());
        Assert.Equal("Quy định thử của chi bộ", (await Get(f.Clerk, $"/api/v1/units/{f.CellId}/rules?date=2024-06-01")).GetProperty("name").GetString());
        Assert.NotEqual("Quy định thử của chi bộ", (await Get(f.Clerk, $"/api/v1/units/{f.CellId}/rules?date=2024-05-31")).GetProperty("name").GetString());

        // A cell secretary cannot set rules (another cell's is not even found); a bad rubric is refused in Vietnamese.
        var secretary = await App.ApiAs("bithu.nakhum");
        var refused = await secretary.PostAsJsonAsync("/api/v1/rule-sets", new { unitId = f.CellId, name = "x", effectiveFrom = "2024-07-01", minMinutes = 90, minMinutesCombined = 120, attendancePercent = 85, participationPercent = 50, maxExcusedInRow = 3, goodMin = 90, fairMin = 70, averageMin = 50 });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var badSum = await f.Clerk.PostAsJsonAsync("/api/v1/rule-sets", new
        {
            unitId = f.CellId, name = "Sai", effectiveFrom = "2024-07-01", minMinutes = 90, minMinutesCombined = 120, noticeDays = 1, attendancePercent = 85,
            participationPercent = 50, maxExcusedInRow = 3, goodMin = 90, fairMin = 70, averageMin = 50, thematicPerQuarter = 1,
            criteria = new[] { new { code = "A", part = "Attendance", title = "Dự họp", maxPoints = 60, measure = "AttendanceRate", gating = true } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, badSum.StatusCode);
        Assert.Contains("phải bằng 100", await badSum.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AProbationaryMembersVoteIsRefused()
    {
        var f = await CreateAsync(App);
        f.At(2024, 7, 3, 22);
        var m = await Ok(await f.Attend(await f.Plan("2024-07-03")));
        m = await f.WriteMinutes(m, "19:30:00", "21:10:00", [f.Probationary, f.Official[0]]);
        var res = await f.Clerk.PutAsJsonAsync($"/api/v1/meetings/{Id(m)}/votes", new
        {
            version = Version(m), votes = new[] { new { memberId = f.Official[0], choice = "For" }, new { memberId = f.Probationary, choice = "For" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Contains("Hoàng Văn Mười là đảng viên dự bị", await res.Content.ReadAsStringAsync());
        Assert.Empty((await f.Get(Id(m))).GetProperty("minutes").GetProperty("votes").EnumerateArray());
        // The probationary member's remark was recorded: they speak, they do not vote.
        m = await f.VoteAll(await f.Get(Id(m)));
        Assert.Equal(8, m.GetProperty("minutes").GetProperty("votesFor").GetInt32());
    }

    [Fact]
    public async Task ConcurrentEditsOfOneDraftGiveAConflictNotALostUpdate()
    {
        var f = await CreateAsync(App);
        f.At(2024, 8, 3, 22);
        var m = await Ok(await f.Attend(await f.Plan("2024-08-03")));
        var item = m.GetProperty("minutes").GetProperty("agenda")[1].GetProperty("id").GetInt32();
        Task<HttpResponseMessage> Remark(string text) => f.Clerk.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/agenda/{item}/remarks",
            new { version = Version(m), memberId = f.Official[2], text });
        var first = await Remark("Ý kiến thứ nhất");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await Remark("Ý kiến thứ hai, viết trên bản cũ");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("người khác cập nhật", await second.Content.ReadAsStringAsync());

        // Two requests racing on the same version: exactly one wins.
        m = await f.Get(Id(m));
        var race = await Task.WhenAll(
            f.Clerk.PutAsJsonAsync($"/api/v1/meetings/{Id(m)}/agenda/{item}/conclusion", new { version = Version(m), conclusion = "Kết luận A" }),
            f.Clerk.PutAsJsonAsync($"/api/v1/meetings/{Id(m)}/agenda/{item}/conclusion", new { version = Version(m), conclusion = "Kết luận B" }));
        Assert.Equal(1, race.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, race.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var saved = (await f.Get(Id(m))).GetProperty("minutes").GetProperty("agenda")[1];
        Assert.Equal("Ý kiến thứ nhất", Assert.Single(saved.GetProperty("remarks").EnumerateArray()).GetProperty("text").GetString());
        var winner = await race.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(winner.GetProperty("minutes").GetProperty("agenda")[1].GetProperty("conclusion").GetString(), saved.GetProperty("conclusion").GetString());
    }

    [Fact]
    public async Task AnotherCellsSecretaryCannotReadOrChangeTheseMinutes()
    {
        var f = await CreateAsync(App);
        var m = await f.HoldAsync("2024-09-03", f.Official.Take(4));
        foreach (var user in new[] { "bithu.muongso", "bithu.nakhum", "dangvien.nakhum" })
        {
            var other = await App.ApiAs(user);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/meetings/{Id(m)}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/meetings/{Id(m)}/minutes.docx")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/units/{f.CellId}/meetings?year=2024")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/addenda", new { date = "2024-09-10", text = "Sửa" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/rating/confirm", new { })).StatusCode);
        }
        var stranger = await App.ApiAs("bithu.muongso");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/v1/meetings/{Id(m)}/minutes", new { version = Version(m) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/units/{f.CellId}/meetings", new { kind = "Periodic", date = "2024-10-03", startTime = "19:00:00", place = "x", title = "x" })).StatusCode);
    }

    [Fact]
    public async Task AdoptedMinutesAreFrozenCorrectedByAddendaAndTamperingShows()
    {
        var f = await CreateAsync(App);
        var m = await f.HoldAsync("2024-10-03", f.Official.Take(4));
        var minutes = m.GetProperty("minutes");
        Assert.Equal("Adopted", m.GetProperty("status").GetString());
        Assert.Matches("^[0-9a-f]{64}$", minutes.GetProperty("contentHash").GetString());
        Assert.True(minutes.GetProperty("hashIntact").GetBoolean());

        var edit = await f.Clerk.PutAsJsonAsync($"/api/v1/meetings/{Id(m)}/minutes", new { version = Version(m), resolution = "Nội dung khác" });
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("lập phụ lục", await edit.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await f.Clerk.PutAsJsonAsync($"/api/v1/meetings/{Id(m)}/votes", new { version = Version(m), votes = Array.Empty<object>() })).StatusCode);

        // Signatures: the clerk records both paper signatures; signing twice is refused.
        await Ok(await f.Clerk.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/sign", new { role = "Chair" }));
        m = await Ok(await f.Clerk.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/sign", new { role = "Secretary" }));
        Assert.Equal(HttpStatusCode.BadRequest, (await f.Clerk.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/sign", new { role = "Chair" })).StatusCode);

        f.At(2024, 10, 10);
        m = await Ok(await f.Clerk.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/addenda", new { date = "2024-10-10", text = "Đính chính: giờ kết thúc là 21 giờ 20 phút." }));
        var addendum = Assert.Single(m.GetProperty("minutes").GetProperty("addenda").EnumerateArray());
        m = await Ok(await f.Clerk.PostAsync($"/api/v1/meetings/{Id(m)}/addenda/{addendum.GetProperty("id").GetInt32()}/sign", null));
        Assert.NotNull(m.GetProperty("minutes").GetProperty("addenda")[0].GetProperty("signedAt").GetString());
        Assert.Equal("21:15:00", m.GetProperty("minutes").GetProperty("endedAt").GetString());
        Assert.True(m.GetProperty("minutes").GetProperty("hashIntact").GetBoolean());

        // An edit made behind the product's back (straight SQL) no longer matches the stored hash.
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var id = Id(m);
            await db.Meetings.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Resolution, "Nghị quyết bị sửa lén"));
        }
        Assert.False((await f.Get(Id(m))).GetProperty("minutes").GetProperty("hashIntact").GetBoolean());
    }

    [Fact]
    public async Task TheCellProposesVotesAndTheUpperLevelConfirmsTheRating()
    {
        var f = await CreateAsync(App);
        var m = await f.HoldAsync("2024-11-03", f.Official.Take(5));
        var manual = new Dictionary<string, decimal> { ["CB3"] = 5, ["TH1"] = 5, ["TH4"] = 8, ["TH5"] = 8 };
        // The proposal and the vote are the cell's own steps: the commune that confirms cannot write them.
        var byCommune = await f.Clerk.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/rating/propose", new { scores = manual, note = "Xã đề xuất thay" });
        Assert.Equal(HttpStatusCode.Forbidden, byCommune.StatusCode);
        Assert.Contains("chính chi bộ", (await byCommune.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.ApiAs("btc.tinh")).PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/rating/propose", new { scores = manual })).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await f.Get(Id(m))).GetProperty("rating").ValueKind);

        await Ok(await f.Secretary.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/rating/propose", new { scores = manual, note = "Chi ủy đề xuất" }));
        var early = await f.Clerk.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/rating/confirm", new { });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);   // the cell has not voted yet
        Assert.Equal(HttpStatusCode.Forbidden, (await f.Clerk.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/rating/vote", new { votesFor = 7, votesAgainst = 1 })).StatusCode);
        var tooFew = await f.Secretary.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/rating/vote", new { votesFor = 3, votesAgainst = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, tooFew.StatusCode);
        var voted = await Ok(await f.Secretary.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/rating/vote", new { votesFor = 7, votesAgainst = 1 }));
        Assert.StartsWith("bt.", voted.GetProperty("rating").GetProperty("votesRecordedBy").GetString());

        // Confirmation is the level directly above's: not the cell itself, not the province that skips the commune,
        // not a monitoring member whose group does not cover the cell (it does not even see the meeting).
        Assert.Equal(HttpStatusCode.Forbidden, (await f.Secretary.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/rating/confirm", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.ApiAs("btc.tinh")).PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/rating/confirm", new { level = "Average", note = "Tỉnh hạ mức" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.ApiAs("theodoi.binhlu")).PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/rating/confirm", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.ApiAs("bithu.nakhum")).PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/rating/confirm", new { })).StatusCode);
        Assert.Equal("Voted", (await f.Get(Id(m))).GetProperty("rating").GetProperty("status").GetString());

        var confirmed = await Ok(await f.Clerk.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/rating/confirm", new { note = "Nhất trí" }));
        var r = confirmed.GetProperty("rating");
        Assert.Equal("Confirmed", r.GetProperty("status").GetString());
        Assert.Equal("vp.binhlu", r.GetProperty("confirmedBy").GetString());
        Assert.Equal(96m, r.GetProperty("total").GetDecimal());
        Assert.Equal("Good", r.GetProperty("level").GetString());
    }

    [Fact]
    public async Task AMemberSeesTheAgendaAnnouncesAbsenceAndReadsOnlyAdoptedMinutes()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var secretary = await App.ApiAs("bithu.nakhum");
        var cell = await UnitId("LC-BL-NK");
        var m = await Ok(await secretary.PostAsJsonAsync($"/api/v1/units/{cell}/meetings", new
        {
            kind = "Extraordinary", date = "2026-11-28", startTime = "08:00:00", place = "Nhà văn hóa bản Nà Khum", title = "Họp bất thường về phòng chống lũ",
        }));
        await Ok(await secretary.PostAsync($"/api/v1/meetings/{Id(m)}/notice", null));
        var member = await App.ApiAs("dangvien.nakhum");
        var seen = await Get(member, $"/api/v1/meetings/{Id(m)}");
        Assert.NotEmpty(seen.GetProperty("minutes").GetProperty("agenda").EnumerateArray());
        var list = await Get(member, $"/api/v1/units/{cell}/meetings?year=2026");
        Assert.Contains(list.EnumerateArray(), x => x.GetProperty("id").GetInt32() == Id(m));
        var notes = await Get(member, "/api/v1/notifications");
        Assert.Contains(notes.EnumerateArray(), n => n.GetProperty("title").GetString()!.Contains("28/11/2026"));

        var announced = await Ok(await member.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/absence", new { reason = "Illness", reasonText = "Đang điều trị tại bệnh viện huyện" }));
        var mine = Assert.Single(announced.GetProperty("attendance").EnumerateArray());
        Assert.Equal("AbsentExcused", mine.GetProperty("status").GetString());
        // The secretary sees it prefilled for the roll call.
        var bySecretary = await Get(secretary, $"/api/v1/meetings/{Id(m)}");
        Assert.Contains(bySecretary.GetProperty("attendance").EnumerateArray(), a => a.GetProperty("reasonText").GetString() == "Đang điều trị tại bệnh viện huyện");
        // On the pages: the notice in the member's list, the agenda and the absence form on the meeting page, no roll-call form.
        var pages = await App.PagesAs("dangvien.nakhum");
        Assert.Contains("Họp bất thường", await pages.GetStringAsync("/Notifications"));
        var page = await pages.GetStringAsync($"/Meetings/{Id(m)}");
        Assert.Contains("Bạn đã báo vắng: Ốm đau Đang điều trị tại bệnh viện huyện", page);
        Assert.DoesNotContain("Lưu điểm danh", page);
        // The cell committee's own meeting is not the members' business.
        var committee = await Ok(await secretary.PostAsJsonAsync($"/api/v1/units/{cell}/meetings", new
        {
            kind = "Committee", date = "2026-11-25", startTime = "19:00:00", place = "Nhà bí thư chi bộ", title = "Chi ủy chuẩn bị nội dung sinh hoạt tháng 12",
        }));
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/meetings/{Id(committee)}")).StatusCode);
        Assert.DoesNotContain((await Get(member, $"/api/v1/units/{cell}/meetings?year=2026")).EnumerateArray(), x => x.GetProperty("id").GetInt32() == Id(committee));
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/api/v1/meetings/{Id(committee)}")).StatusCode);
        // A member cannot run the meeting.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync($"/api/v1/meetings/{Id(m)}/minutes", new { version = Version(m) })).StatusCode);
    }

    [Fact]
    public async Task PlanningRefusesASecondPeriodicMeetingInAMonthAndWarnsWhenTheMonthIsEnding()
    {
        var f = await CreateAsync(App);
        f.At(2025, 9, 1);
        var first = await f.Plan("2025-09-03");
        var template = first.GetProperty("minutes").GetProperty("agenda").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Contains("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", template);
        var again = await f.Clerk.PostAsJsonAsync($"/api/v1/units/{f.CellId}/meetings", new { kind = "Periodic", date = "2025-09-20", startTime = "19:00:00", place = "Nhà văn hóa", title = "Lần hai" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("đã có buổi sinh hoạt thường kỳ ngày 03/09/2025", await again.Content.ReadAsStringAsync());
        var thematicLess = await Get(f.Clerk, $"/api/v1/units/{f.CellId}/meeting-warnings?date=2025-09-25");
        Assert.Contains(thematicLess.EnumerateArray(), w => w.GetString()!.StartsWith("Quý 3/2025 chưa có buổi sinh hoạt chuyên đề"));
        var october = await Get(f.Clerk, $"/api/v1/units/{f.CellId}/meeting-warnings?date=2025-10-05");
        Assert.Contains(october.EnumerateArray(), w => w.GetString()!.StartsWith("Tháng 10/2025 chưa có kế hoạch sinh hoạt thường kỳ"));
        // Notice not sent the day before: a warning on the meeting.
        f.At(2025, 9, 2, 20);
        Assert.Contains((await f.Get(Id(first))).GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("Chưa gửi thông báo"));
    }
}

public sealed class MeetingTestsSqlite(SqliteApp app) : MeetingTests(app), IClassFixture<SqliteApp>;
public sealed class MeetingTestsPostgres(PostgresApp app) : MeetingTests(app), IClassFixture<PostgresApp>;
