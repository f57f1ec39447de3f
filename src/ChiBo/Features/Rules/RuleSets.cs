using ChiBo.Features.Shared;
using ChiBo.Data;
using ChiBo.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Rules;

public static class RuleSets
{
    /// <summary>
    /// The rule set in force for a unit on a date: among rule sets already effective, the one set by the
    /// nearest ancestor (a province's own rubric beats the default), and of those the latest.
    /// </summary>
    public static async Task<RuleSet> InForceAsync(AppDbContext db, int unitId, DateOnly date, CancellationToken ct = default)
    {
        var ancestors = await db.UnitClosures.ValidOn(date).Where(c => c.DescendantId == unitId)
            .Select(c => new { c.AncestorId, c.Depth }).ToListAsync(ct);
        var ids = ancestors.Select(a => (int?)a.AncestorId).ToList();
        var candidates = await db.RuleSets.Where(r => r.EffectiveFrom <= date && (r.UnitId == null || ids.Contains(r.UnitId)))
            .Select(r => new { r.Id, r.UnitId, r.EffectiveFrom }).ToListAsync(ct);
        var best = candidates
            .OrderBy(r => r.UnitId is { } u ? ancestors.First(a => a.AncestorId == u).Depth : int.MaxValue)
            .ThenByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.Id)
            .FirstOrDefault();
        if (best is null)
        {
            // A date before every rule set (the product's rules start with Hướng dẫn 12-HD/BTCTW, 2018) is bad input, not a defect.
            var first = await db.RuleSets.Where(r => r.UnitId == null).OrderBy(r => r.EffectiveFrom).Select(r => (DateOnly?)r.EffectiveFrom).FirstOrDefaultAsync(ct);
            throw new RefusedException("date", $"Chưa có quy định sinh hoạt chi bộ nào có hiệu lực vào ngày {date.Vn()}"
                + (first is { } f ? $" (quy định sớm nhất có hiệu lực từ {f.Vn()})." : "."));
        }
        return await db.RuleSets.Include(r => r.Criteria.OrderBy(c => c.Order)).FirstAsync(r => r.Id == best.Id, ct);
    }

    public const string DefaultPeriodicAgenda = """
        Mở đầu: Thu đảng phí; điểm danh (chính thức, dự bị, miễn sinh hoạt, có mặt, vắng có lý do, vắng không lý do); thông qua chương trình; cử thư ký
        Thông tin thời sự, chủ trương, chính sách mới
        Tình hình tư tưởng của đảng viên và nhân dân
        Kết quả thực hiện nghị quyết tháng trước và nhiệm vụ được giao của từng đảng viên
        Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh
        Nhiệm vụ tháng tới, phân công đảng viên thực hiện
        Thảo luận
        Kết thúc: Chủ trì kết luận; biểu quyết nghị quyết; đọc và thông qua biên bản; tự đánh giá chất lượng buổi sinh hoạt
        """;

    public const string DefaultThematicAgenda = """
        Bí thư nêu mục đích, yêu cầu của buổi sinh hoạt chuyên đề
        Trình bày bản đề dẫn
        Đảng viên thảo luận
        Chủ trì kết luận
        Kết thúc: Biểu quyết nghị quyết (nếu có); đọc và thông qua biên bản; tự đánh giá chất lượng buổi sinh hoạt
        """;

    /// <summary>
    /// The default rubric (preparation 15, attendance 20, conduct 45, closing 20), from published provincial
    /// rubrics built on Hướng dẫn 12-HD/BTCTW. Gating criteria are the ones one province requires at full marks for Tốt.
    /// </summary>
    public static List<RubricCriterion> DefaultCriteria() =>
    [
        new() { Part = RubricPart.Preparation, Code = "CB1", Title = "Thông báo thời gian, địa điểm, nội dung đúng hạn", MaxPoints = 5, Measure = Measure.NoticeOnTime, Order = 1 },
        new() { Part = RubricPart.Preparation, Code = "CB2", Title = "Tài liệu, dự thảo nghị quyết đến đảng viên đúng hạn", MaxPoints = 5, Measure = Measure.DocumentsOnTime, Order = 2 },
        new() { Part = RubricPart.Preparation, Code = "CB3", Title = "Chi ủy (bí thư, phó bí thư) họp chuẩn bị nội dung", MaxPoints = 5, Measure = Measure.Manual, Order = 3 },
        new() { Part = RubricPart.Attendance, Code = "DH1", Title = "Tỷ lệ đảng viên có mặt đạt ngưỡng", MaxPoints = 15, Measure = Measure.AttendanceRate, Gating = true, Order = 4 },
        new() { Part = RubricPart.Attendance, Code = "DH2", Title = "Không có đảng viên vắng mặt không lý do", MaxPoints = 5, Measure = Measure.NoUnexcused, Gating = true, Order = 5 },
        new() { Part = RubricPart.Conduct, Code = "TH1", Title = "Đúng giờ, đúng trình tự sinh hoạt", MaxPoints = 5, Measure = Measure.Manual, Order = 6 },
        new() { Part = RubricPart.Conduct, Code = "TH2", Title = "Đủ thời lượng sinh hoạt", MaxPoints = 10, Measure = Measure.Duration, Gating = true, Order = 7 },
        new() { Part = RubricPart.Conduct, Code = "TH3", Title = "Đảng viên tham gia phát biểu ý kiến", MaxPoints = 10, Measure = Measure.Participation, Gating = true, Order = 8 },
        new() { Part = RubricPart.Conduct, Code = "TH4", Title = "Tự phê bình và phê bình thẳng thắn, xây dựng", MaxPoints = 10, Measure = Measure.Manual, Order = 9 },
        new() { Part = RubricPart.Conduct, Code = "TH5", Title = "Nội dung thiết thực, đúng nguyên tắc tổ chức và sinh hoạt đảng", MaxPoints = 10, Measure = Measure.Manual, Order = 10 },
        new() { Part = RubricPart.Closing, Code = "KT1", Title = "Chủ trì kết luận từng nội dung", MaxPoints = 5, Measure = Measure.Conclusions, Order = 11 },
        new() { Part = RubricPart.Closing, Code = "KT2", Title = "Nghị quyết được biểu quyết thông qua", MaxPoints = 5, Measure = Measure.ResolutionVoted, Order = 12 },
        new() { Part = RubricPart.Closing, Code = "KT3", Title = "Biên bản ghi đầy đủ, được thông qua trước khi kết thúc", MaxPoints = 10, Measure = Measure.MinutesComplete, Gating = true, Order = 13 },
    ];

    /// <summary>
    /// Two Party-wide defaults: Hướng dẫn 12-HD/BTCTW's thresholds from 2018 (meeting day left to local rules),
    /// then the same with the Party-wide meeting day on the 3rd (Directive 50-CT/TW, 2025). Both dates are data.
    /// </summary>
    public static async Task SeedDefaultsAsync(AppDbContext db)
    {
        if (await db.RuleSets.AnyAsync(r => r.UnitId == null)) return;
        db.RuleSets.Add(new RuleSet
        {
            Name = "Mặc định theo Hướng dẫn 12-HD/BTCTW", EffectiveFrom = new DateOnly(2018, 5, 18), MeetingDay = null,
            PeriodicAgenda = DefaultPeriodicAgenda, ThematicAgenda = DefaultThematicAgenda, CreatedBy = "hệ thống", Criteria = DefaultCriteria(),
        });
        db.RuleSets.Add(new RuleSet
        {
            Name = "Mặc định, ngày sinh hoạt chung mùng 3 (Chỉ thị 50-CT/TW)", EffectiveFrom = new DateOnly(2025, 7, 1), MeetingDay = 3,
            PeriodicAgenda = DefaultPeriodicAgenda, ThematicAgenda = DefaultThematicAgenda, CreatedBy = "hệ thống", Criteria = DefaultCriteria(),
        });
        await db.SaveChangesAsync();
    }

    public static string[] AgendaLines(string template) =>
        template.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
