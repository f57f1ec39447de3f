using ChiBo.Features.Audit;
using ChiBo.Features.Meetings;
using ChiBo.Features.Monitoring;
using ChiBo.Features.Plans;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Data;

/// <summary>
/// Bình Lư's 2026 annual thematic plans (one on time and approved, one late, one returned with comments, the rest
/// missing) and its monitoring group: leader Tòng Văn Hải (totruong.binhlu), member Lò Văn Quyết (theodoi.binhlu),
/// covering the commune's cells; November 2026's assignments and visits, with Bản Hon's Nà Luông cell never visited;
/// the six-month report submitted and the annual one drafted.
/// Made through the services, like the meetings.
/// </summary>
public static class DemoMonitoring
{
    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        if (sp.GetService<AuditRecorder>() is { } audit) audit.ActorOverride = "demo";
        var clock = new DemoMeetings.DemoClock();
        var ratings = new RatingService(db, sp.GetRequiredService<MinutesSeal>(), clock, new DemoMeetings.Actor("totruong.binhlu"));
        PlanService Plans(string actor) => new(db, clock, new DemoMeetings.Actor(actor));
        MonitoringService Monitoring(string actor) => new(db, ratings, clock, new DemoMeetings.Actor(actor));
        async Task<int> Unit(string code) => await db.Units.Where(u => u.Code == code).Select(u => u.Id).FirstAsync();
        static T Check<T>(Outcome<T> r) => r.Ok ? r.Value! : throw new InvalidOperationException("Demo monitoring: " + r.Error);

        var topics = await db.Topics.OrderBy(t => t.Order).Select(t => t.Id).ToListAsync();
        List<PlanItemInput> Items(int shift) => Enumerable.Range(1, 4).Select(q => new PlanItemInput(q, null, topics[(q + shift) % topics.Count],
            q switch
            {
                1 => "Nâng cao chất lượng thực hiện nhiệm vụ được giao", 2 => "Cải cách hành chính, phục vụ nhân dân",
                3 => "Dân vận khéo trong xây dựng nông thôn mới", _ => "Tạo nguồn phát triển đảng viên mới",
            }, null)).ToList();

        // Plans for 2026: Nà Khum on time and approved; Bình Lư late (12/02) then approved; the agency cell returned.
        var binhLu = await Unit("LC-BL");
        foreach (var (code, submitted, approve, comment) in new[]
                 {
                     ("LC-BL-NK", new DateOnly(2026, 1, 22), (bool?)true, "Nhất trí với kế hoạch."),
                     ("LC-BL-BL", new DateOnly(2026, 2, 12), (bool?)true, "Kế hoạch gửi muộn so với hạn 05/02; đề nghị rút kinh nghiệm."),
                     ("LC-BL-UB", new DateOnly(2026, 2, 3), (bool?)false, "Chuyên đề quý III chưa sát nhiệm vụ của cơ quan; đề nghị bổ sung nội dung cải cách hành chính."),
                 })
        {
            var cell = await Unit(code);
            clock.At(submitted.AddDays(-2), 9);
            var plans = Plans("vp.binhlu");
            var plan = Check(await plans.SaveAsync(cell, 2026, null, Items(code.Length)));
            clock.At(submitted, 10);
            plan = Check(await plans.SubmitAsync(cell, 2026, plan.Version));
            clock.At(submitted.AddDays(3), 15);
            if (approve is { } ok) Check(await Plans("vp.binhlu").ReviewAsync(plan.Id, ok, comment, plan.Version));
        }

        // The group and its coverage since the commune took the cells over (1/7/2025).
        clock.At(new DateOnly(2025, 7, 15), 9);
        var staff = Monitoring("vp.binhlu");
        var group = Check(await staff.CreateGroupAsync(new GroupInput(binhLu, "Tổ dự, theo dõi, hướng dẫn sinh hoạt chi bộ số 1", "totruong.binhlu",
            new DateOnly(2025, 7, 15), ["theodoi.binhlu"])));
        foreach (var code in new[] { "LC-BL-NK", "LC-BL-BL", "LC-BL-UB", "LC-TD-THPT", "LC-BH-H1", "LC-BH-NL" })
            Check(await staff.AddCoverageAsync(group.Id, new CoverageInput(await Unit(code), new DateOnly(2025, 7, 15), null)));

        // November 2026: the leader assigns from the schedule; the members visit every covered cell but Nà Luông.
        clock.At(new DateOnly(2026, 11, 1), 8);
        var leader = Monitoring("totruong.binhlu");
        var schedule = await leader.ScheduleAsync(group.Id, 2026, 11);
        var visits = new (string Cell, string Who, string Observation, string Guidance)[]
        {
            ("LC-BL-NK", "theodoi.binhlu", "Chuẩn bị chu đáo, nhiều đảng viên phát biểu, tự phê bình thẳng thắn.", "Đề nghị nghị quyết giao việc cụ thể cho từng đảng viên, có thời hạn."),
            ("LC-BL-BL", "theodoi.binhlu", "Chưa gửi tài liệu trước cho đảng viên; thảo luận còn ít.", "Gửi dự thảo nghị quyết trước ít nhất một ngày; chi ủy gợi ý nội dung thảo luận."),
            ("LC-BL-UB", "totruong.binhlu", "Sinh hoạt đúng giờ, đủ thời lượng.", "Gắn nội dung sinh hoạt với nhiệm vụ cải cách hành chính của cơ quan."),
            ("LC-TD-THPT", "totruong.binhlu", "Nội dung chuyên đề thiết thực với nhiệm vụ dạy học.", "Duy trì sinh hoạt chuyên đề hằng quý theo kế hoạch."),
            ("LC-BH-H1", "theodoi.binhlu", "Tỷ lệ dự họp cao; biên bản ghi còn sơ sài phần ý kiến.", "Thư ký ghi đủ ý kiến của từng người phát biểu."),
        };
        foreach (var (code, who, observation, guidance) in visits)
        {
            var cell = await Unit(code);
            var line = schedule.FirstOrDefault(l => l.CellId == cell && l.MeetingId is not null && l.Kind != MeetingKind.Thematic);
            if (line?.MeetingId is not { } meetingId) continue;
            clock.At(new DateOnly(2026, 11, 1), 8);
            Check(await leader.AssignAsync(group.Id, meetingId, who));
            clock.At(line.Date!.Value, 22);
            Check(await Monitoring(who).RecordVisitAsync(meetingId, await db.Users.Where(u => u.UserName == who).Select(u => u.Id).FirstAsync(),
                new VisitInput(true, null, null, null, observation, null, guidance, false, null, null)));
        }
        // Nà Luông's meeting is assigned, but the member could not attend.
        var naLuongId = await Unit("LC-BH-NL");
        var naLuong = schedule.FirstOrDefault(l => l.CellId == naLuongId && l.MeetingId is not null && l.Kind != MeetingKind.Thematic);
        if (naLuong?.MeetingId is { } nl)
        {
            clock.At(new DateOnly(2026, 11, 1), 8);
            Check(await leader.AssignAsync(group.Id, nl, "totruong.binhlu"));
            clock.At(naLuong.Date!.Value, 22);
            Check(await Monitoring("totruong.binhlu").RecordVisitAsync(nl, await db.Users.Where(u => u.UserName == "totruong.binhlu").Select(u => u.Id).FirstAsync(),
                new VisitInput(false, "Trùng lịch họp Đảng ủy xã", null, null, null, null, null, false, null, null)));
        }

        // The group's reports: the 2026 six-month report submitted on time (before 20/6), the annual one drafted from
        // the records and waiting for the leader (due before 10/12).
        GroupReportService Reports() => new(db, Monitoring("totruong.binhlu"), clock, new DemoMeetings.Actor("totruong.binhlu"));
        clock.At(new DateOnly(2026, 6, 16), 9);
        var half = Check(await Reports().DraftAsync(group.Id, 2026, ReportPeriod.HalfYear, null));
        clock.At(new DateOnly(2026, 6, 18), 15);
        Check(await Reports().SubmitAsync(half.Id, half.Version));
        clock.At(new DateOnly(2026, 11, 30), 9);
        Check(await Reports().DraftAsync(group.Id, 2026, ReportPeriod.Year, null));
    }
}
