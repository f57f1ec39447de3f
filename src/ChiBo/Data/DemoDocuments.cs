using ChiBo.Features.Documents;
using ChiBo.Features.Meetings;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Data;

/// <summary>
/// The demo registers: the three seed documents entered from their text with the documents they cite (seed 003's chain),
/// Bình Lư's own term, plan and letter issued with their numbers, a draft, a Nà Khum minutes entered as Biên bản, and
/// a signing key for Bình Lư so a clerk can sign from the page.
/// </summary>
public static class DemoDocuments
{
    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var clock = new DemoMeetings.DemoClock();
        clock.At(new DateOnly(2026, 1, 15), 8);
        var board = new DocumentRegister(db, clock, new DemoMeetings.Actor("btc.tinh"));
        var office = new DocumentRegister(db, clock, new DemoMeetings.Actor("vp.binhlu"));
        async Task<int> Unit(string code) => await db.Units.Where(u => u.Code == code).Select(u => u.Id).FirstAsync();
        static T Check<T>(Outcome<T> r) => r.Ok ? r.Value! : throw new InvalidOperationException("Demo documents: " + r.Error);

        var province = await Unit("LC");
        var ids = new Dictionary<string, int>();
        foreach (var seed in SeedDocuments.Cited(province).Append(SeedDocuments.Conclusion1066(province)).Append(SeedDocuments.Plan002(province))
                     .Append(SeedDocuments.Letter824(await Unit("LC-TD"))))
            ids[seed.Key] = Check(await board.EnterExternalAsync(seed.Input with { Implements = [.. seed.Implements.Select(k => ids[k])] })).Id;

        var binhLu = await Unit("LC-BL");
        db.IssuerTerms.Add(new IssuerTerm { UnitId = binhLu, Name = "Nhiệm kỳ 2025–2030", From = new DateOnly(2025, 8, 1) });
        await db.SaveChangesAsync();
        var plan = Check(await office.DraftAsync(new DraftInput(binhLu, "KH", "Nâng cao chất lượng sinh hoạt chi bộ năm 2026", null,
            "I. MỤC ĐÍCH, YÊU CẦU\nDuy trì nền nếp sinh hoạt chi bộ định kỳ vào ngày 03 hằng tháng; mỗi quý ít nhất một chuyên đề.\n" +
            "II. NỘI DUNG\n1. Các chi bộ xây dựng kế hoạch sinh hoạt chuyên đề năm, gửi Đảng ủy trước ngày 05/02/2026.\n" +
            "2. Gửi lịch sinh hoạt của chi bộ trước ngày 02 hằng tháng.\nIII. TỔ CHỨC THỰC HIỆN\nVăn phòng Đảng ủy theo dõi, đôn đốc, báo cáo Ban Thường vụ Đảng ủy.",
            null, "Các chi bộ trực thuộc,\nTổ dự, theo dõi, hướng dẫn sinh hoạt chi bộ số 1,\nLưu VP.", SignatureForm.OnBehalf, "Đảng ủy", "Bí thư", "Hoàng Văn Chung",
            Implements: [ids["824-CV/HU"]])));
        Check(await office.IssueAsync(plan.Id, new DateOnly(2026, 1, 15)));
        clock.At(new DateOnly(2026, 10, 28), 8);
        var letter = Check(await office.DraftAsync(new DraftInput(binhLu, "CV", "V/v gửi lịch sinh hoạt chi bộ tháng 11/2026", null,
            "Thực hiện Kế hoạch số 01-KH/ĐU của Đảng ủy xã, đề nghị các chi bộ gửi lịch sinh hoạt chi bộ tháng 11/2026 về Văn phòng Đảng ủy trước ngày 02/11/2026.",
            "Các chi bộ trực thuộc.", "Như trên,\nLưu VP.", SignatureForm.OnBehalf, "Đảng ủy", "Phó Bí thư", "Lò Thị Mai", Implements: [plan.Id])));
        Check(await office.IssueAsync(letter.Id, new DateOnly(2026, 10, 28)));
        Check(await office.DraftAsync(new DraftInput(binhLu, "TB", "Kết luận kiểm tra việc thực hiện chế độ sinh hoạt chi bộ năm 2026 (dự thảo)", Implements: [plan.Id])));

        var nakhum = await Unit("LC-BL-NK");
        var minutes = await db.Meetings.Where(m => m.CellId == nakhum && m.Status == MeetingStatus.Adopted).OrderByDescending(m => m.Date).FirstOrDefaultAsync();
        if (minutes is not null && await SourceRecords.FindAsync(db, SourceKinds.Minutes, minutes.Id) is { } src)
        {
            var cell = new DocumentRegister(db, clock, new DemoMeetings.Actor("bithu.nakhum"));
            var entry = Check(await cell.DraftFromSourceAsync(SourceKinds.Minutes, minutes.Id, nakhum, src.Summary));
            Check(await cell.IssueAsync(entry.Id, minutes.Date));
        }

        var signing = new DocumentSigning(db, sp.GetRequiredService<IDataProtectionProvider>(), clock, new DemoMeetings.Actor("vp.binhlu"));
        Check(await signing.GenerateAsync(binhLu, "Đảng ủy xã Bình Lư", "dangubinhlu@laichau.gov.vn"));
    }
}
