using ChiBo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Appraisals;

/// <summary>The schemes in force and the seeded shape of Quy định 366-QĐ/TW (2025).</summary>
public static class AppraisalSchemes
{
    public static readonly DateOnly From366 = new(2025, 1, 1);

    /// <summary>The scheme for a subject on a date: the nearest ancestor's latest scheme that had started, else the Party-wide one.</summary>
    public static async Task<AppraisalScheme?> InForceAsync(AppDbContext db, AppraisalSubject subject, int unitId, DateOnly date, CancellationToken ct = default)
    {
        var ancestors = await db.UnitClosures.Where(c => c.DescendantId == unitId && c.ValidFrom <= date && (c.ValidTo == null || c.ValidTo > date))
            .Select(c => new { c.AncestorId, c.Depth }).ToListAsync(ct);
        var depth = ancestors.ToDictionary(a => a.AncestorId, a => a.Depth);
        var ids = depth.Keys.ToList();
        var candidates = await db.AppraisalSchemes.Include(s => s.Criteria).Include(s => s.Conditions).AsSplitQuery()
            .Where(s => s.Subject == subject && s.EffectiveFrom <= date && (s.UnitId == null || ids.Contains(s.UnitId.Value)))
            .ToListAsync(ct);
        return candidates.OrderBy(s => s.UnitId is { } u ? depth[u] : int.MaxValue).ThenByDescending(s => s.EffectiveFrom).ThenByDescending(s => s.Id).FirstOrDefault();
    }

    public static async Task SeedAsync(AppDbContext db)
    {
        if (await db.AppraisalSchemes.AnyAsync()) return;
        var now = DateTime.UtcNow;
        db.AppraisalSchemes.Add(new AppraisalScheme
        {
            Code = "366-QĐ/TW", Name = "Đánh giá, xếp loại tổ chức đảng (Quy định 366-QĐ/TW)", Subject = AppraisalSubject.Organization,
            EffectiveFrom = From366, CreatedAt = now, CreatedBy = "hệ thống",
            Criteria =
            [
                new() { Group = CriterionGroup.General, Code = "C1", Title = "Công tác giáo dục chính trị, tư tưởng; đạo đức, lối sống của cấp ủy và đảng viên", MaxPoints = 10, Order = 1 },
                new() { Group = CriterionGroup.General, Code = "C2", Title = "Thực hiện nguyên tắc tập trung dân chủ, quy chế làm việc; đoàn kết nội bộ", MaxPoints = 10, Order = 2 },
                new() { Group = CriterionGroup.General, Code = "C3", Title = "Chất lượng sinh hoạt chi bộ trong năm", MaxPoints = 10, Source = CriterionSource.MeetingQuality, Order = 3 },
                new() { Group = CriterionGroup.Tasks, Code = "N1", Title = "Kết quả lãnh đạo thực hiện nhiệm vụ chính trị được giao", MaxPoints = 40, Order = 4 },
                new() { Group = CriterionGroup.Tasks, Code = "N2", Title = "Công tác xây dựng Đảng, quản lý đảng viên; tỷ lệ đảng viên dự sinh hoạt", MaxPoints = 10, Source = CriterionSource.CellAttendance, Order = 5 },
                new() { Group = CriterionGroup.Tasks, Code = "N3", Title = "Thực hiện kế hoạch sinh hoạt chuyên đề", MaxPoints = 10, Source = CriterionSource.ThematicPlan, Order = 6 },
                new() { Group = CriterionGroup.Tasks, Code = "N4", Title = "Công tác kiểm tra, giám sát; khắc phục hạn chế, khuyết điểm đã chỉ ra", MaxPoints = 10, Order = 7 },
            ],
            Conditions =
            [
                new() { Level = AppraisalLevel.Excellent, Kind = ConditionKind.MeetingYearAtLeast, Value = (int)Meetings.RatingLevel.Good, Text = "Chất lượng sinh hoạt chi bộ cả năm đạt Tốt" },
                new() { Level = AppraisalLevel.Excellent, Kind = ConditionKind.EveryCriterionAtLeastPercent, Value = 70, Text = "Mỗi tiêu chí đạt ít nhất 70% số điểm" },
                new() { Level = AppraisalLevel.Good, Kind = ConditionKind.MeetingYearAtLeast, Value = (int)Meetings.RatingLevel.Fair, Text = "Chất lượng sinh hoạt chi bộ cả năm đạt Khá trở lên" },
            ],
        });
        db.AppraisalSchemes.Add(new AppraisalScheme
        {
            Code = "366-QĐ/TW", Name = "Đánh giá, xếp loại đảng viên (Quy định 366-QĐ/TW)", Subject = AppraisalSubject.Member,
            EffectiveFrom = From366, CreatedAt = now, CreatedBy = "hệ thống",
            Criteria =
            [
                new() { Group = CriterionGroup.General, Code = "C1", Title = "Tư tưởng chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật", MaxPoints = 20, Order = 1 },
                new() { Group = CriterionGroup.General, Code = "C2", Title = "Tham gia sinh hoạt chi bộ, thực hiện nhiệm vụ đảng viên", MaxPoints = 10, Source = CriterionSource.MemberAttendance, Order = 2 },
                new() { Group = CriterionGroup.Tasks, Code = "N1", Title = "Kết quả thực hiện chức trách, nhiệm vụ được giao", MaxPoints = 60, Order = 3 },
                new() { Group = CriterionGroup.Tasks, Code = "N2", Title = "Thực hiện nhiệm vụ ở nơi cư trú; quan hệ với nhân dân", MaxPoints = 10, Order = 4 },
            ],
            Conditions =
            [
                new() { Level = AppraisalLevel.Excellent, Kind = ConditionKind.MaxUnexcusedAbsences, Value = 0, Text = "Không vắng sinh hoạt không có lý do" },
                new() { Level = AppraisalLevel.Excellent, Kind = ConditionKind.MinAttendancePercent, Value = 90, Text = "Dự ít nhất 90% số buổi sinh hoạt" },
                new() { Level = AppraisalLevel.Good, Kind = ConditionKind.MaxUnexcusedAbsences, Value = 1, Text = "Vắng không lý do không quá 1 buổi" },
            ],
        });
        await db.SaveChangesAsync();
    }
}
