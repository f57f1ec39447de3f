using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Data;
using ChiBo.Features.Meetings;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChiBo.Tests.Meetings.MeetingFlow;

namespace ChiBo.Tests.Appraisals;

public abstract class AppraisalTests(ChiBoApp app) : AppTest(app)
{
    static readonly DateTimeOffset Today = new(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));

    async Task<int> NewCell(HttpClient admin, string code, string from, string parentCode = "LC-BL")
    {
        var parent = await UnitId(parentCode);
        var res = await admin.PostAsJsonAsync("/api/v1/units", new { code, name = "Chi bộ thử " + code, typeCode = "CHI_BO", parentId = parent, from, cellKind = "Residential" });
        return Id(await Ok(res));
    }

    /// <summary>
    /// The year's meetings as the cell left them: held, adopted, voted at the given levels (one per month from
    /// <paramref name="firstMonth"/>). Written straight to the records: the rating flow itself is covered by the meeting tests,
    /// and here only the levels matter.
    /// </summary>
    async Task<List<int>> Year2025(int cellId, int firstMonth, params RatingLevel[] levels)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rules = await db.RuleSets.Select(r => r.Id).FirstAsync(TestContext.Current.CancellationToken);
        var meetings = levels.Select((l, i) => new Meeting
        {
            CellId = cellId, Kind = MeetingKind.Periodic, Status = MeetingStatus.Adopted, Date = new DateOnly(2025, firstMonth + i, 3),
            StartTime = new TimeOnly(19, 30), Place = "Nhà văn hóa", Title = $"Sinh hoạt tháng {firstMonth + i}/2025", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        }).ToList();
        db.Meetings.AddRange(meetings);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        db.MeetingRatings.AddRange(meetings.Select((m, i) => new MeetingRating
        {
            MeetingId = m.Id, RuleSetId = rules, Level = levels[i], Total = levels[i] == RatingLevel.Good ? 92 : levels[i] == RatingLevel.Fair ? 80 : 60,
            Status = RatingStatus.Voted, ProposedAt = DateTime.UtcNow, VotedAt = DateTime.UtcNow,
        }));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return meetings.Select(m => m.Id).ToList();
    }

    static JsonElement Criterion(JsonElement appraisal, string code) =>
        appraisal.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code);

    static object AllMax(JsonElement appraisal) => appraisal.GetProperty("criteria").EnumerateArray()
        .Select(c => new { code = c.GetProperty("code").GetString(), points = c.GetProperty("maxPoints").GetInt32() }).ToArray();

    /// <summary>A step refused with the given status, and the rating exactly as it was: same status, version and history.</summary>
    async Task<HttpResponseMessage> Refused(HttpClient who, string url, object body, HttpStatusCode expected, JsonElement before, HttpClient? reader = null)
    {
        var res = await who.PostAsJsonAsync(url, body);
        Assert.True(res.StatusCode == expected, $"POST {url}: expected {(int)expected}, got {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
        var after = await Get(reader ?? await App.ApiAs("admin"), $"/api/v1/appraisals/{Id(before)}");
        Assert.Equal((before.GetProperty("status").GetString(), Version(before), before.GetProperty("events").GetArrayLength()),
            (after.GetProperty("status").GetString(), Version(after), after.GetProperty("events").GetArrayLength()));
        return res;
    }

    [Fact]
    public async Task TheMeetingQualityCriterionOfACellsYearIsComputedFromItsMeetings()
    {
        App.Clock.Now = Today;
        var admin = await App.ApiAs("admin");
        // Under Mường So, whose rating rules no other test of this class changes (the quota test gives Bình Lư its own version).
        await App.CreateAccountAsync("vp.muongso", await UnitId("LC-MS"), ChiBo.Features.Accounts.Roles.CommitteeStaff);
        var clerk = await App.ApiAs("vp.muongso");
        var G = RatingLevel.Good; var F = RatingLevel.Fair; var A = RatingLevel.Average;

        // Six Tốt and six Khá: every meeting at least Khá, but fewer than 7 Tốt → a Khá year, 80% of the 10 points.
        var six = await NewCell(admin, "LC-MS-T6", "2020-01-01", "LC-MS");
        var sixMeetings = await Year2025(six, 1, G, F, G, F, G, F, G, F, G, F, G, F);
        // Ten Tốt, one Khá, one Trung bình: enough Tốt, but one meeting below Khá → Khá.
        var oneAverage = await NewCell(admin, "LC-MS-TB", "2020-01-01", "LC-MS");
        await Year2025(oneAverage, 1, G, G, G, G, G, A, G, G, G, G, F, G);
        // Created on 01/07/2025: six months expected, and 7 Tốt for a whole year becomes 4 for half of one.
        var young = await NewCell(admin, "LC-MS-MOI", "2025-07-01", "LC-MS");
        await Year2025(young, 7, G, F, G, G, F, G);

        async Task<JsonElement> Open(int cell) =>
            await Ok(await clerk.PostAsJsonAsync($"/api/v1/units/{cell}/appraisals", new { year = 2025 }));
        var a6 = await Open(six);
        var c3 = Criterion(a6, "C3");
        Assert.Equal("MeetingQuality", c3.GetProperty("source").GetString());
        Assert.Equal(8m, c3.GetProperty("computedPoints").GetDecimal());
        Assert.Contains("6 Tốt, 6 Khá", c3.GetProperty("evidence").GetString());
        Assert.Contains("Chỉ 6 buổi Tốt, cần 7.", c3.GetProperty("evidence").GetString());
        var year6 = a6.GetProperty("meetingYear");
        Assert.Equal((12, 12, "Fair"), (year6.GetProperty("expectedMonthly").GetInt32(), year6.GetProperty("heldMonthly").GetInt32(), year6.GetProperty("level").GetString()));

        var aTb = await Open(oneAverage);
        Assert.Equal(8m, Criterion(aTb, "C3").GetProperty("computedPoints").GetDecimal());
        Assert.Contains("1 buổi dưới mức Khá.", Criterion(aTb, "C3").GetProperty("evidence").GetString());

        var aYoung = await Open(young);
        var yy = aYoung.GetProperty("meetingYear");
        Assert.Equal((6, 4, "Good"), (yy.GetProperty("expectedMonthly").GetInt32(), yy.GetProperty("requiredGood").GetInt32(), yy.GetProperty("level").GetString()));
        Assert.Equal(10m, Criterion(aYoung, "C3").GetProperty("computedPoints").GetDecimal());

        // Full marks everywhere are still not "xuất sắc" when the year of meetings is only Khá: the condition holds it back.
        var sixSecretary = await TestAccounts.SecretaryAsync(App, six);
        var self = await Ok(await sixSecretary.PostAsJsonAsync($"/api/v1/appraisals/{Id(a6)}/self", new { scores = AllMax(a6), note = "Tự đánh giá", version = Version(a6) }));
        Assert.Equal(100m, self.GetProperty("selfTotal").GetDecimal());
        Assert.Equal("Good", self.GetProperty("selfLevel").GetString());
        Assert.Contains(self.GetProperty("suggested").GetProperty("notMet").EnumerateArray(), m => m.GetString()!.Contains("Chất lượng sinh hoạt chi bộ cả năm đạt Tốt"));

        // A seventh Tốt (a meeting's rating voted again) makes the year Tốt: the records are re-read until the decision.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var second = await db.MeetingRatings.SingleAsync(r => r.MeetingId == sixMeetings[1], TestContext.Current.CancellationToken);
            second.Level = RatingLevel.Good;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var again = await Get(clerk, $"/api/v1/appraisals/{Id(a6)}");
        Assert.Equal(10m, Criterion(again, "C3").GetProperty("computedPoints").GetDecimal());
        Assert.Equal("Good", again.GetProperty("meetingYear").GetProperty("level").GetString());

        // A term (nhiệm kỳ) reads each of its years: 2025 Tốt, 2026 without a meeting Kém → the average of 100% and 20%.
        var tooLong = await clerk.PostAsJsonAsync($"/api/v1/units/{six}/appraisals", new { year = 2026, fromYear = 2019 });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("fromYear", await tooLong.Content.ReadAsStringAsync());
        var term = await Ok(await clerk.PostAsJsonAsync($"/api/v1/units/{six}/appraisals", new { year = 2026, fromYear = 2025 }));
        Assert.Equal((2025, 2026, 2), (term.GetProperty("fromYear").GetInt32(), term.GetProperty("year").GetInt32(), term.GetProperty("termYears").GetArrayLength()));
        Assert.Equal(6m, Criterion(term, "C3").GetProperty("computedPoints").GetDecimal());
        Assert.Contains("Nhiệm kỳ 2025–2026, chất lượng sinh hoạt từng năm: 2025 Tốt; 2026 Kém.", Criterion(term, "C3").GetProperty("evidence").GetString());
        var termSelf = await Ok(await sixSecretary.PostAsJsonAsync($"/api/v1/appraisals/{Id(term)}/self", new { scores = AllMax(term), version = Version(term) }));
        Assert.Equal("Pass", termSelf.GetProperty("selfLevel").GetString());   // a Kém year holds back both "tốt" and "xuất sắc"
        // The annual rating of 2026 is a separate record from the term's.
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync($"/api/v1/units/{six}/appraisals", new { year = 2026 })).StatusCode);
    }

    [Fact]
    public async Task ARatingGoesFromSelfAssessmentToTheDecisionOfTheLevelAboveAndNobodyElseDecides()
    {
        App.Clock.Now = Today;
        var secretary = await App.ApiAs("bithu.nakhum");
        var member = await App.ApiAs("dangvien.nakhum");
        var clerk = await App.ApiAs("vp.binhlu");
        var outsider = await App.ApiAs("bithu.muongso");
        var province = await App.ApiAs("btc.tinh");
        var admin = await App.ApiAs("admin");
        var cell = await UnitId("LC-BL-NK");

        var a = await Ok(await secretary.PostAsJsonAsync($"/api/v1/units/{cell}/appraisals", new { year = 2025 }));
        Assert.Equal(await UnitId("LC-BL"), a.GetProperty("deciderUnitId").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PostAsJsonAsync($"/api/v1/units/{cell}/appraisals", new { year = 2025 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/appraisals/{Id(a)}")).StatusCode);

        // A manual criterion left blank is refused, in Vietnamese, naming it.
        var blank = await secretary.PostAsJsonAsync($"/api/v1/appraisals/{Id(a)}/self", new { scores = Array.Empty<object>(), version = Version(a) });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("Chưa chấm tiêu chí C1", await blank.Content.ReadAsStringAsync());
        var manual = new[] { new { code = "C1", points = 9m }, new { code = "C2", points = 9m }, new { code = "N1", points = 36m }, new { code = "N4", points = 8m } };
        // The cell's own steps are the cell's: the commune that decides does not write them for it, nor the province.
        foreach (var wrong in new[] { clerk, province, admin })
            await Refused(wrong, $"/api/v1/appraisals/{Id(a)}/self", new { scores = manual, note = "Cấp trên viết thay", version = Version(a) }, HttpStatusCode.Forbidden, a);
        a = await Ok(await secretary.PostAsJsonAsync($"/api/v1/appraisals/{Id(a)}/self", new { scores = manual, note = "Chi ủy tự đánh giá", version = Version(a) }));
        Assert.Equal("SelfAssessed", a.GetProperty("status").GetString());
        foreach (var wrong in new[] { clerk, province, admin, member })
            await Refused(wrong, $"/api/v1/appraisals/{Id(a)}/propose", new { scores = manual, note = "Cấp trên đề xuất thay", version = Version(a) }, HttpStatusCode.Forbidden, a);
        await Refused(outsider, $"/api/v1/appraisals/{Id(a)}/propose", new { scores = manual, note = "x", version = Version(a) }, HttpStatusCode.NotFound, a);
        a = await Ok(await secretary.PostAsJsonAsync($"/api/v1/appraisals/{Id(a)}/propose", new { scores = manual, note = "Chi bộ nhận xét: đoàn kết, hoàn thành nhiệm vụ", version = Version(a) }));
        Assert.Equal("Proposed", a.GetProperty("status").GetString());

        // The decision: not the cell itself, not a member, not the province (it skips the commune), not an administrator;
        // another commune does not even see the rating. The commune committee directly above does it.
        var decide = new { note = (string?)null, version = Version(a) };
        foreach (var wrong in new[] { secretary, member, province, admin })
        {
            var res = await Refused(wrong, $"/api/v1/appraisals/{Id(a)}/decide", decide, HttpStatusCode.Forbidden, a);
            Assert.Contains("cấp ủy trực tiếp cấp trên", await res.Content.ReadAsStringAsync());
        }
        await Refused(outsider, $"/api/v1/appraisals/{Id(a)}/decide", decide, HttpStatusCode.NotFound, a);
        await Refused(province, $"/api/v1/appraisals/{Id(a)}/return", new { note = "Cấp tỉnh trả lại", version = Version(a) }, HttpStatusCode.Forbidden, a);
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"/api/v1/appraisals/{Id(a)}/decide", new { version = Version(a) - 1 })).StatusCode);
        var other = await clerk.PostAsJsonAsync($"/api/v1/appraisals/{Id(a)}/decide", new { level = "Excellent", version = Version(a) });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("nhập lý do", await other.Content.ReadAsStringAsync());
        var done = await Ok(await clerk.PostAsJsonAsync($"/api/v1/appraisals/{Id(a)}/decide", decide));
        Assert.Equal(("Decided", a.GetProperty("proposedLevel").GetString()), (done.GetProperty("status").GetString(), done.GetProperty("decidedLevel").GetString()));
        Assert.Equal(new[] { ("Started", "bithu.nakhum"), ("SelfAssessed", "bithu.nakhum"), ("Proposed", "bithu.nakhum"), ("Decided", "vp.binhlu") },
            done.GetProperty("events").EnumerateArray().Select(e => (e.GetProperty("step").GetString()!, e.GetProperty("actor").GetString()!)).ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await province.PostAsJsonAsync($"/api/v1/appraisals/{Id(a)}/decide", new { version = Version(done) })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"/api/v1/appraisals/{Id(a)}/decide", new { version = Version(done) })).StatusCode);

        // The commune's list of its organizations shows the result in the distribution.
        var overview = await Get(clerk, $"/api/v1/units/{await UnitId("LC-BL")}/appraisals?year=2025");
        Assert.Equal(1, overview.GetProperty("decided").GetInt32());
        Assert.Equal(1, overview.GetProperty("distribution").GetProperty(done.GetProperty("decidedLevelText").GetString()!).GetInt32());

        // A member's own rating: the member assesses themself (not the secretary for them), the cell proposes (not the member,
        // not the commune), the commune decides.
        var me = await Get(member, "/api/v1/auth/me");
        var memberId = me.GetProperty("memberId").GetInt32();
        var m = await Ok(await secretary.PostAsJsonAsync($"/api/v1/units/{cell}/appraisals", new { year = 2025, memberId }));
        Assert.Equal("MemberAttendance", Criterion(m, "C2").GetProperty("source").GetString());
        var mine = new[] { new { code = "C1", points = 18m }, new { code = "N1", points = 50m }, new { code = "N2", points = 9m } };
        foreach (var wrong in new[] { secretary, clerk })
            await Refused(wrong, $"/api/v1/appraisals/{Id(m)}/self", new { scores = mine, note = "Viết thay", version = Version(m) }, HttpStatusCode.Forbidden, m, clerk);
        m = await Ok(await member.PostAsJsonAsync($"/api/v1/appraisals/{Id(m)}/self", new { scores = mine, note = "Tự nhận xét", version = Version(m) }));
        foreach (var wrong in new[] { member, clerk })
            await Refused(wrong, $"/api/v1/appraisals/{Id(m)}/propose", new { scores = mine, note = "x", version = Version(m) }, HttpStatusCode.Forbidden, m, clerk);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/appraisals/{Id(m)}")).StatusCode);
        m = await Ok(await secretary.PostAsJsonAsync($"/api/v1/appraisals/{Id(m)}/propose", new { scores = mine, note = "Chi bộ nhận xét", version = Version(m) }));
        foreach (var wrong in new[] { secretary, province })
            await Refused(wrong, $"/api/v1/appraisals/{Id(m)}/decide", new { version = Version(m) }, HttpStatusCode.Forbidden, m, clerk);
        Assert.Equal("Decided", (await Ok(await clerk.PostAsJsonAsync($"/api/v1/appraisals/{Id(m)}/decide", new { version = Version(m) }))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnExcellentWhoseConditionTheRecordsDoNotMeetIsRefusedNamingTheCondition()
    {
        App.Clock.Now = Today;
        var admin = await App.ApiAs("admin");
        var clerk = await App.ApiAs("vp.binhlu");
        var G = RatingLevel.Good; var F = RatingLevel.Fair;
        // Six Tốt and six Khá: full marks everywhere, but the year of meetings is only Khá.
        var cell = await NewCell(admin, "LC-BL-XS", "2020-01-01");
        await Year2025(cell, 1, G, F, G, F, G, F, G, F, G, F, G, F);
        var secretary = await TestAccounts.SecretaryAsync(App, cell);
        var a = await Ok(await secretary.PostAsJsonAsync($"/api/v1/units/{cell}/appraisals", new { year = 2025 }));
        a = await Ok(await secretary.PostAsJsonAsync($"/api/v1/appraisals/{Id(a)}/self", new { scores = AllMax(a), version = Version(a) }));
        a = await Ok(await secretary.PostAsJsonAsync($"/api/v1/appraisals/{Id(a)}/propose", new { scores = AllMax(a), note = "Chi bộ đề xuất", version = Version(a) }));
        Assert.Equal("Good", a.GetProperty("proposedLevel").GetString());

        var refused = await Refused(clerk, $"/api/v1/appraisals/{Id(a)}/decide", new { level = "Excellent", note = "Cấp ủy đánh giá cao", version = Version(a) }, HttpStatusCode.BadRequest, a);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Dữ liệu không hợp lệ", problem.GetProperty("title").GetString());
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("level").EnumerateArray()).GetString();
        Assert.Equal("Không quyết định được “Hoàn thành xuất sắc nhiệm vụ”: chưa đạt điều kiện “Chất lượng sinh hoạt chi bộ cả năm đạt Tốt”.", message);
        // A level that is not one of the four is bad input, not a rating.
        await Refused(clerk, $"/api/v1/appraisals/{Id(a)}/decide", new { level = 7, note = "x", version = Version(a) }, HttpStatusCode.BadRequest, a);
    }

    [Fact]
    public async Task ChiBo4TotIsReportedWithEvidenceAndRecognizedOnlyByTheLevelAbove()
    {
        App.Clock.Now = Today;
        var secretary = await App.ApiAs("bithu.nakhum");
        var clerk = await App.ApiAs("vp.binhlu");
        var outsider = await App.ApiAs("bithu.muongso");
        var province = await App.ApiAs("btc.tinh");
        var admin = await App.ApiAs("admin");
        var cell = await UnitId("LC-BL-NK");
        var url = $"/api/v1/units/{cell}/four-good/2025";

        var noEvidence = await secretary.PutAsJsonAsync(url, new { politicalTask = true, unity = true, meetingQuality = true, members = true, politicalTaskEvidence = "Hoàn thành chỉ tiêu", unityEvidence = "Không có đơn thư", membersEvidence = "100% hoàn thành nhiệm vụ" });
        Assert.Equal(HttpStatusCode.BadRequest, noEvidence.StatusCode);
        Assert.Contains("meetingQualityEvidence", await noEvidence.Content.ReadAsStringAsync());
        var f = await Ok(await secretary.PutAsJsonAsync(url, new { politicalTask = true, unity = true, meetingQuality = true, members = true, politicalTaskEvidence = "Hoàn thành chỉ tiêu", unityEvidence = "Không có đơn thư", meetingQualityEvidence = "12/12 tháng sinh hoạt", membersEvidence = "100% hoàn thành nhiệm vụ" }));
        Assert.True(f.GetProperty("allFour").GetBoolean());
        var version = f.GetProperty("version").GetInt32();
        // The record is the cell's own: the commune (which recognizes it) and the province do not write it; another commune does not see it.
        var rewrite = new { politicalTask = false, unity = false, meetingQuality = false, members = false, version };
        foreach (var wrong in new[] { clerk, province, admin }) Assert.Equal(HttpStatusCode.Forbidden, (await wrong.PutAsJsonAsync(url, rewrite)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PutAsJsonAsync(url, rewrite)).StatusCode);
        // Recognition is the level directly above's: not the cell itself, not the province that skips the commune, not an administrator.
        foreach (var wrong in new[] { secretary, province, admin }) Assert.Equal(HttpStatusCode.Forbidden, (await wrong.PostAsJsonAsync(url + "/recognize", new { version })).StatusCode);
        var unchanged = await Get(clerk, url);
        Assert.Equal((version, true, false), (unchanged.GetProperty("version").GetInt32(), unchanged.GetProperty("allFour").GetBoolean(), unchanged.GetProperty("recognized").GetBoolean()));
        var r = await Ok(await clerk.PostAsJsonAsync(url + "/recognize", new { version = f.GetProperty("version").GetInt32() }));
        Assert.True(r.GetProperty("recognized").GetBoolean());

        var list = await Get(clerk, $"/api/v1/units/{await UnitId("LC-BL")}/four-good?year=2025");
        Assert.Equal((1, 1, 1), (list.GetProperty("reported").GetInt32(), list.GetProperty("allFour").GetInt32(), list.GetProperty("recognized").GetInt32()));
        Assert.Contains(list.GetProperty("cellsOf").EnumerateArray(), c => c.GetProperty("cellId").GetInt32() == cell && c.GetProperty("recognized").GetBoolean());
    }

    [Fact]
    public async Task ACommitteeSetsItsOwnSchemeVersionWithAQuotaAndTheDecisionThatWouldExceedItIsRefused()
    {
        App.Clock.Now = Today;
        var clerk = await App.ApiAs("vp.binhlu");
        var secretary = await App.ApiAs("bithu.nakhum");
        var commune = await UnitId("LC-BL");
        // The commune's own version sets a quota and, for this test, no extra conditions (none of its cells has met in 2026 here).
        var scheme = new { subject = "Organization", code = "15-QĐ/ĐU", name = "Quy định đánh giá, xếp loại của Đảng ủy xã Bình Lư", unitId = commune, effectiveFrom = "2026-01-01", excellentQuotaPercent = 20,
            conditions = Array.Empty<object>() };

        // Bad versions are refused in Vietnamese; only staff of the subtree (administrators for Party-wide rules) may issue one.
        var bad = await clerk.PostAsJsonAsync("/api/v1/appraisal-schemes", new { scheme.subject, scheme.code, scheme.name, scheme.unitId, scheme.effectiveFrom,
            criteria = new[] { new { group = "General", code = "C1", title = "Chính trị tư tưởng", maxPoints = 30, source = "Manual" }, new { group = "Tasks", code = "N1", title = "Nhiệm vụ", maxPoints = 60, source = "Manual" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Tổng điểm tối đa các tiêu chí phải là 100 (đang là 90)", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostAsJsonAsync("/api/v1/appraisal-schemes", scheme)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/v1/appraisal-schemes", new { scheme.subject, scheme.code, scheme.name, scheme.effectiveFrom })).StatusCode);
        var created = await Ok(await clerk.PostAsJsonAsync("/api/v1/appraisal-schemes", scheme));
        Assert.Equal(7, created.GetProperty("criteria").GetArrayLength());   // copied from 366 in force on that date

        // Five of the commune's cells rated for 2026 under the commune's own version, besides any another test of this class already
        // opened (a cell it created in the commune): 20% of five to nine is one "xuất sắc".
        var already = (await Get(clerk, $"/api/v1/units/{commune}/appraisals?year=2026")).GetProperty("quota").GetProperty("rated").GetInt32();
        Assert.InRange(already, 0, 4);
        var cells = new[] { "LC-BL-BL", "LC-BL-UB", "LC-BH-H1", "LC-BH-NL", "LC-TD-THPT" };
        var ids = new List<JsonElement>();
        foreach (var code in cells)
        {
            var cellId = await UnitId(code);
            var cellSecretary = await TestAccounts.SecretaryAsync(App, cellId);
            var a = await Ok(await clerk.PostAsJsonAsync($"/api/v1/units/{cellId}/appraisals", new { year = 2026 }));
            Assert.Equal("15-QĐ/ĐU", a.GetProperty("schemeCode").GetString());
            a = await Ok(await cellSecretary.PostAsJsonAsync($"/api/v1/appraisals/{Id(a)}/self", new { scores = AllMax(a), version = Version(a) }));
            ids.Add(await Ok(await cellSecretary.PostAsJsonAsync($"/api/v1/appraisals/{Id(a)}/propose", new { scores = AllMax(a), note = "Chi bộ đề xuất", version = Version(a) })));
        }
        var excellent = new { level = "Excellent", note = "Đề nghị của Ban Tổ chức", version = Version(ids[0]) };
        Assert.Equal("Excellent", (await Ok(await clerk.PostAsJsonAsync($"/api/v1/appraisals/{Id(ids[0])}/decide", excellent))).GetProperty("decidedLevel").GetString());
        var second = await clerk.PostAsJsonAsync($"/api/v1/appraisals/{Id(ids[1])}/decide", new { level = "Excellent", note = "Đề nghị", version = Version(ids[1]) });
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains($"Vượt tỷ lệ “Hoàn thành xuất sắc nhiệm vụ”: tối đa 20% của {already + 5} được đánh giá ở cấp này, đã có 1.", await second.Content.ReadAsStringAsync());
        var overview = await Get(clerk, $"/api/v1/units/{commune}/appraisals?year=2026");
        Assert.Equal((20, 1, already + 5, true), (overview.GetProperty("quota").GetProperty("percent").GetInt32(), overview.GetProperty("quota").GetProperty("excellent").GetInt32(),
            overview.GetProperty("quota").GetProperty("rated").GetInt32(), overview.GetProperty("quota").GetProperty("within").GetBoolean()));

        // The commune itself is rated on its cells' years: none has met in 2026 in this database, so every one is Kém (20% of the points).
        var province = await App.ApiAs("btc.tinh");
        var own = await Ok(await province.PostAsJsonAsync($"/api/v1/units/{commune}/appraisals", new { year = 2026 }));
        Assert.Equal(await UnitId("LC"), own.GetProperty("deciderUnitId").GetInt32());
        Assert.Equal(2m, Criterion(own, "C3").GetProperty("computedPoints").GetDecimal());
        Assert.Matches(@"Năm 2026, chất lượng sinh hoạt cả năm của (\d+) chi bộ trực thuộc: 0 Tốt, 0 Khá, 0 Trung bình, \1 Kém", Criterion(own, "C3").GetProperty("evidence").GetString());

        // The whole feature is in the OpenAPI document.
        var openapi = await (await clerk.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        foreach (var path in new[] { "/api/v1/appraisal-schemes", "/api/v1/units/{unitId}/appraisals", "/api/v1/appraisals/{id}/decide", "/api/v1/units/{cellId}/four-good/{year}", "/api/v1/units/{unitId}/four-good" })
            Assert.Contains($"\"{path}\"", openapi);
    }
}

public sealed class AppraisalTestsSqlite(SqliteApp app) : AppraisalTests(app), IClassFixture<SqliteApp>;
public sealed class AppraisalTestsPostgres(PostgresApp app) : AppraisalTests(app), IClassFixture<PostgresApp>;
