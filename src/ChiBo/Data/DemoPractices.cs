using ChiBo.Features.Meetings;
using ChiBo.Features.Practices;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Data;

/// <summary>
/// The demo's good practice (seed 003, item 5): in 11/2026 Đảng ủy xã Bình Lư records how Nà Khum sends the draft resolution
/// to its members ahead of the meeting through the cell's Zalo group, cites two of Nà Khum's minutes, fills the figures from the
/// records, publishes it to its cells; Bình Lư and Hon 1 take it up. Made through the service, on a demo clock.
/// </summary>
public static class DemoPractices
{
    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = new DemoMeetings.DemoClock();
        var office = new PracticeService(db, clock, new DemoMeetings.Actor("vp.binhlu"));
        async Task<int> Unit(string code) => await db.Units.Where(u => u.Code == code).Select(u => u.Id).FirstAsync();
        static T Check<T>(Outcome<T> r) => r.Ok ? r.Value! : throw new InvalidOperationException("Demo practices: " + r.Error);

        var (binhLu, nakhum) = (await Unit("LC-BL"), await Unit("LC-BL-NK"));
        var cited = await db.Meetings.AsNoTracking().Include(m => m.Agenda).ThenInclude(a => a.Remarks)
            .Where(m => m.CellId == nakhum && m.Status == MeetingStatus.Adopted && m.Kind != MeetingKind.Committee && m.Date < new DateOnly(2026, 11, 1))
            .OrderByDescending(m => m.Date).Take(2).ToListAsync();
        if (cited.Count < 2) return;
        var topic = await db.Topics.Where(t => t.Code == "CD5").Select(t => (int?)t.Id).FirstOrDefaultAsync();

        clock.At(new DateOnly(2026, 11, 10), 9);
        var figures = await PracticeFigures.FromRecordsAsync(db, nakhum, new DateOnly(2025, 12, 1), new DateOnly(2026, 10, 31));
        var p = Check(await office.CreateAsync(binhLu, new PracticeInput(nakhum, "Gửi dự thảo nghị quyết trước cho đảng viên qua nhóm Zalo của chi bộ",
            "Chi ủy Nà Khum gửi dự thảo nghị quyết và tài liệu sinh hoạt vào nhóm Zalo của chi bộ trước buổi sinh hoạt ít nhất hai ngày; " +
            "đảng viên đọc trước, góp ý ngay trong nhóm hoặc chuẩn bị ý kiến phát biểu, nên buổi sinh hoạt ngắn phần đọc, dài phần thảo luận.",
            "Cách làm:\n1. Phó bí thư soạn dự thảo nghị quyết sau buổi họp chi ủy, bí thư duyệt.\n" +
            "2. Dự thảo, tài liệu được đăng vào nhóm Zalo \"Chi bộ bản Nà Khum\" trước ngày sinh hoạt ít nhất 2 ngày; đảng viên cao tuổi không dùng điện thoại thông minh được tổ đảng đọc cho nghe.\n" +
            "3. Ý kiến góp ý trong nhóm được chi ủy tổng hợp, đưa vào phần thảo luận.\n" +
            "Kết quả: tỷ lệ dự sinh hoạt cao và ổn định, nhiều đảng viên phát biểu hơn, nghị quyết cụ thể, sát với thực tế của bản.",
            topic, figures)));
        foreach (var m in cited)
        {
            var remark = m.Agenda.SelectMany(a => a.Remarks).FirstOrDefault(r => r.Text.Contains("Zalo"));
            var item = m.Agenda.Where(a => !string.IsNullOrWhiteSpace(a.Conclusion)).OrderByDescending(a => a.Order).First();
            p = Check(await office.LinkEvidenceAsync(p.Id, p.Version, m.Id, remark is null ? item.Id : null, remark?.Id));
        }
        clock.At(new DateOnly(2026, 11, 12), 14);
        p = Check(await office.PublishAsync(p.Id, p.Version));

        clock.At(new DateOnly(2026, 11, 16), 8);
        Check(await office.AdoptAsync(p.Id, await Unit("LC-BL-BL"), new DateOnly(2026, 11, 15), "Chi bộ đã lập nhóm Zalo, gửi dự thảo nghị quyết tháng 12/2026 trước 3 ngày."));
        clock.At(new DateOnly(2026, 11, 18), 8);
        Check(await office.AdoptAsync(p.Id, await Unit("LC-BH-H1"), null, "Áp dụng từ kỳ sinh hoạt tháng 12/2026."));
    }
}
