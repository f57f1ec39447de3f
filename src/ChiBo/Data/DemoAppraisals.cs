using ChiBo.Features.Appraisals;
using ChiBo.Features.Audit;
using ChiBo.Features.Organization;
using ChiBo.Features.Plans;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Data;

/// <summary>
/// Last year's (2025) ratings of the demo province's organizations and of Nà Khum's members, done in January 2026 through
/// the services, and 2025's "Chi bộ 4 tốt". The product came into use in December 2025, so the records hold one month
/// of 2025: the computed scores say so, the cells scored from their paper books, and the committees decided on their files
/// (noted on each decision that differs from the proposal; "xuất sắc" only where the records show its conditions met) —
/// as a first year in the product would really look.
/// </summary>
public static class DemoAppraisals
{
    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        if (sp.GetService<AuditRecorder>() is { } audit) audit.ActorOverride = "demo";
        var clock = new DemoMeetings.DemoClock();
        clock.At(new DateOnly(2026, 1, 20), 9);
        AppraisalService As(string actor) { var http = new DemoMeetings.Actor(actor); return new(db, new PlanService(db, clock, http), clock, http); }
        static T Check<T>(Outcome<T> r) => r.Ok ? r.Value! : throw new InvalidOperationException("Demo appraisals: " + r.Error);
        var yearEnd = new DateOnly(2025, 12, 31);
        var province = await db.Units.Where(u => u.Code == "LC").Select(u => u.Id).FirstAsync();
        var rng = new Random(366);

        // Points a subject gives itself (and its cell proposes) for a target total: every criterion the same share of its maximum.
        static List<ScoreInput> Scores(AppraisalScheme scheme, decimal share) =>
            scheme.Criteria.Select(c => new ScoreInput(c.Code, Math.Round(c.MaxPoints * share * 2, MidpointRounding.AwayFromZero) / 2)).ToList();

        async Task RateAsync(int unitId, int? memberId, string self, string cell, string decider, decimal share, AppraisalLevel decided)
        {
            var a = Check(await As(self).StartAsync(unitId, memberId, 2025));
            var scheme = await As(self).SchemeAsync(a.SchemeId);
            a = Check(await As(self).SelfAssessAsync(a.Id, Scores(scheme, share), "Tự kiểm điểm theo hồ sơ năm 2025.", a.Version));
            a = Check(await As(cell).ProposeAsync(a.Id, Scores(scheme, share), "Chi bộ nhận xét: đoàn kết, thực hiện tốt nhiệm vụ được giao; sổ sinh hoạt năm 2025 ghi trên giấy.", a.Version));
            string? Note(AppraisalLevel level) => level == a.ProposedLevel ? null
                : "Căn cứ hồ sơ sinh hoạt chi bộ năm 2025 trên sổ giấy (hệ thống áp dụng từ tháng 12/2025) và báo cáo kiểm điểm của cấp ủy.";
            var r = await As(decider).DecideAsync(a.Id, decided, Note(decided), a.Version);
            // "Xuất sắc" needs every one of its conditions shown met by the records; with one month of 2025 in the product
            // a cell's year of meetings cannot show it, so the committee decides "tốt" on its paper files.
            if (!r.Ok && r.Field == "level" && decided == AppraisalLevel.Excellent) r = await As(decider).DecideAsync(a.Id, AppraisalLevel.Good, Note(AppraisalLevel.Good), a.Version);
            Check(r);
            db.ChangeTracker.Clear();
        }

        var levels = new[] { AppraisalLevel.Excellent, AppraisalLevel.Good, AppraisalLevel.Good, AppraisalLevel.Good, AppraisalLevel.Pass };
        foreach (var commune in await db.ChildrenAsync(province, yearEnd))
        {
            var clerk = commune.Code == "LC-BL" ? "vp.binhlu" : "btc.tinh";
            foreach (var cell in await db.ChildrenAsync(commune.Id, yearEnd))
            {
                var secretary = cell.Code switch { "LC-BL-NK" => "bithu.nakhum", "LC-MS-MS" => "bithu.muongso", _ => clerk };
                var level = cell.Code == "LC-BL-NK" ? AppraisalLevel.Excellent : levels[rng.Next(levels.Length)];
                await RateAsync(cell.Id, null, secretary, secretary, clerk, 0.8m + 0.02m * rng.Next(8), level);
            }
            await RateAsync(commune.Id, null, clerk, clerk, "btc.tinh", 0.85m, AppraisalLevel.Good);
        }

        // Nà Khum's members: most "hoàn thành tốt", a few "xuất sắc", one "hoàn thành" (long absences in 2025).
        var nakhum = await db.Units.Where(u => u.Code == "LC-BL-NK").Select(u => u.Id).FirstAsync();
        var roll = await Features.Members.Roll.OnAsync(db, nakhum, yearEnd);
        for (var i = 0; i < roll.Count; i++)
        {
            var level = i % 6 == 0 ? AppraisalLevel.Excellent : i == roll.Count - 2 ? AppraisalLevel.Pass : AppraisalLevel.Good;
            await RateAsync(nakhum, roll[i].MemberId, "bithu.nakhum", "bithu.nakhum", "vp.binhlu", 0.8m + 0.02m * rng.Next(6), level);
        }

        // 2025's "Chi bộ 4 tốt": Nà Khum recognized; Bình Lư's village cell reported three of the four.
        var four = new FourGoodService(db, clock, new DemoMeetings.Actor("bithu.nakhum"));
        var f = Check(await four.SaveAsync(nakhum, 2025, new FourGoodInput(true, "Hoàn thành 100% chỉ tiêu phát triển kinh tế, xây dựng nông thôn mới của bản.",
            true, "Không có đảng viên vi phạm, không có đơn thư.", true, "Sinh hoạt đủ 12 tháng; 8 buổi Tốt, 4 buổi Khá (sổ sinh hoạt năm 2025).",
            true, "100% đảng viên hoàn thành nhiệm vụ trở lên, 4 đảng viên hoàn thành xuất sắc.", null)));
        Check(await new FourGoodService(db, clock, new DemoMeetings.Actor("vp.binhlu")).RecognizeAsync(nakhum, 2025, f.Version));
        var binhLuCell = await db.Units.Where(u => u.Code == "LC-BL-BL").Select(u => u.Id).FirstAsync();
        Check(await new FourGoodService(db, clock, new DemoMeetings.Actor("vp.binhlu")).SaveAsync(binhLuCell, 2025, new FourGoodInput(true, "Hoàn thành chỉ tiêu thu ngân sách.",
            true, "Nội bộ đoàn kết.", false, null, true, "Không có đảng viên không hoàn thành nhiệm vụ.", null)));
    }
}
