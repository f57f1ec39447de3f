using ChiBo.Features.Audit;
using ChiBo.Features.Documents;
using ChiBo.Features.Inspections;
using ChiBo.Features.Members;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Data;

/// <summary>
/// Bình Lư's 2026 inspection plan (seed 003 item 6): the Bình Lư village cell inspected in October — the cell whose monitoring
/// note said documents were not sent ahead — concluded by an issued notice with two remedies, one done and one still open and
/// overdue on 22/11/2026; the agency cell's supervision planned for December. Made through the services, like the meetings.
/// </summary>
public static class DemoInspections
{
    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        if (sp.GetService<AuditRecorder>() is { } audit) audit.ActorOverride = "demo";
        var clock = new DemoMeetings.DemoClock();
        var actor = new DemoMeetings.Actor("vp.binhlu");
        var svc = new InspectionService(db, new DocumentRegister(db, clock, actor), clock, actor);
        async Task<int> Unit(string code) => await db.Units.Where(u => u.Code == code).Select(u => u.Id).FirstAsync();
        static T Check<T>(Outcome<T> r) => r.Ok ? r.Value! : throw new InvalidOperationException("Demo inspections: " + r.Error);

        var binhLu = await Unit("LC-BL");
        var cell = await Unit("LC-BL-BL");
        clock.At(new DateOnly(2026, 1, 20), 9);
        var plan = Check(await svc.SavePlanAsync(binhLu, 2026, new PlanInput(InspectingBody.Committee, "Kế hoạch kiểm tra, giám sát năm 2026 của Đảng ủy xã Bình Lư", null)));
        clock.At(new DateOnly(2026, 1, 25), 15);
        plan = Check(await svc.ApprovePlanAsync(plan.Id, plan.Version));
        var inspection = Check(await svc.AddAsync(plan.Id, new InspectionInput(cell, 10, InspectionKind.Inspection, "Việc thực hiện quy định về sinh hoạt chi bộ",
            new DateOnly(2026, 1, 1), new DateOnly(2026, 9, 30))));
        Check(await svc.AddAsync(plan.Id, new InspectionInput(await Unit("LC-BL-UB"), 12, InspectionKind.Supervision,
            "Việc thực hiện chế độ sinh hoạt đảng của đảng viên", new DateOnly(2026, 7, 1), new DateOnly(2026, 11, 30))));

        clock.At(new DateOnly(2026, 10, 12), 8);
        inspection = Check(await svc.StartAsync(inspection.Id, inspection.Version));
        clock.At(new DateOnly(2026, 10, 16), 16);
        inspection = Check(await svc.SaveFindingsAsync(inspection.Id, new FindingsInput(
            "Chi bộ duy trì sinh hoạt thường kỳ hằng tháng; sổ họp ghi đầy đủ, biên bản được thông qua tại hội nghị.\nTỷ lệ đảng viên dự sinh hoạt cao.",
            "Chưa gửi tài liệu, dự thảo nghị quyết trước cho đảng viên theo quy định.\nThảo luận còn ít, nhiều đảng viên chưa phát biểu ý kiến.",
            "Gửi tài liệu, dự thảo nghị quyết cho đảng viên trước ít nhất một ngày.\nChi ủy gợi ý nội dung thảo luận, phân công đảng viên chuẩn bị ý kiến.",
            inspection.Version)));
        clock.At(new DateOnly(2026, 10, 20), 10);
        Check(await svc.ConcludeAsync(inspection.Id, new ConcludeInput(inspection.Version, null, "Bí thư", "Hoàng Văn Chung")));

        // The cell answers: the secretary sends documents ahead (done); the deputy's remedy is still open past its deadline.
        var roll = await Roll.OnAsync(db, cell, new DateOnly(2026, 10, 26));
        var secretary = (roll.FirstOrDefault(r => r.Position == Position.Secretary.Vietnamese()) ?? roll[0]).MemberId;
        var deputy = (roll.FirstOrDefault(r => r.Position == Position.DeputySecretary.Vietnamese()) ?? roll[1]).MemberId;
        clock.At(new DateOnly(2026, 10, 26), 9);
        var sent = Check(await svc.AddRemedyAsync(inspection.Id, new RemedyInput("Chưa gửi tài liệu, dự thảo nghị quyết trước cho đảng viên",
            "Gửi dự thảo nghị quyết và tài liệu sinh hoạt cho đảng viên trước ít nhất một ngày", secretary, null, new DateOnly(2026, 11, 2))));
        Check(await svc.AddRemedyAsync(inspection.Id, new RemedyInput("Thảo luận còn ít, nhiều đảng viên chưa phát biểu ý kiến",
            "Phân công đảng viên chuẩn bị ý kiến thảo luận; thư ký ghi đủ ý kiến vào biên bản", deputy, null, new DateOnly(2026, 11, 20))));
        clock.At(new DateOnly(2026, 11, 2), 18);
        Check(await svc.MarkDoneAsync(sent.Id, new DoneInput(sent.Version, null, "Tài liệu buổi sinh hoạt tháng 11 đã gửi ngày 01/11/2026.")));
    }
}
