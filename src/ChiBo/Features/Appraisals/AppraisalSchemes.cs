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

public record CriterionInput(CriterionGroup Group, string Code, string Title, int MaxPoints, CriterionSource Source);
public record ConditionInput(AppraisalLevel Level, ConditionKind Kind, int Value, string Text);
/// <summary>A new version of a scheme; criteria and conditions left out are copied from the scheme in force on its start date.</summary>
public record SchemeInput(AppraisalSubject Subject, string Code, string Name, int? UnitId, DateOnly EffectiveFrom,
    int ExcellentMin = 90, int GoodMin = 70, int PassMin = 50, int? ExcellentQuotaPercent = null,
    int GoodYearMinGoodMeetings = 7, int FairYearMinPercent = 50, int AverageYearMinHeldPercent = 50, string MeetingYearPercents = "100/80/50/20",
    List<CriterionInput>? Criteria = null, List<ConditionInput>? Conditions = null);

/// <summary>Schemes are never edited (ratings point at the version they were made with): a change is a new version from a date.</summary>
public class SchemeVersions(AppDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    static Shared.Outcome<AppraisalScheme> Fail(string field, string message) => Shared.Outcome<AppraisalScheme>.Fail(field, message);

    public async Task<Shared.Outcome<AppraisalScheme>> CreateAsync(SchemeInput i, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(i.Name)) return Fail("name", "Nhập tên quy định.");
        if (string.IsNullOrWhiteSpace(i.Code)) return Fail("code", "Nhập số, ký hiệu văn bản quy định (ví dụ 366-QĐ/TW).");
        if (!(0 < i.PassMin && i.PassMin < i.GoodMin && i.GoodMin < i.ExcellentMin && i.ExcellentMin <= 100))
            return Fail("excellentMin", "Ngưỡng điểm phải tăng dần: Hoàn thành < Hoàn thành tốt < Hoàn thành xuất sắc ≤ 100.");
        if (i.ExcellentQuotaPercent is < 1 or > 100) return Fail("excellentQuotaPercent", "Tỷ lệ “Hoàn thành xuất sắc” phải từ 1 đến 100 (%), hoặc để trống nếu không áp dụng.");
        if (i.GoodYearMinGoodMeetings is < 0 or > 12) return Fail("goodYearMinGoodMeetings", "Số buổi Tốt tối thiểu trong năm phải từ 0 đến 12.");
        if (i.MeetingYearPercents.Split('/') is not { Length: 4 } parts || parts.Any(p => !int.TryParse(p, out var v) || v is < 0 or > 100))
            return Fail("meetingYearPercents", "Tỷ lệ điểm theo mức chất lượng sinh hoạt cả năm ghi dạng “100/80/50/20”.");
        var inForce = await AppraisalSchemes.InForceAsync(db, i.Subject, i.UnitId ?? 0, i.EffectiveFrom, ct);
        if (i.UnitId is { } u)
        {
            if (!await db.Units.AnyAsync(x => x.Id == u, ct)) return Fail("unitId", "Không có tổ chức đảng này.");
            inForce = await AppraisalSchemes.InForceAsync(db, i.Subject, u, i.EffectiveFrom, ct);
        }
        else inForce ??= await db.AppraisalSchemes.Include(s => s.Criteria).Include(s => s.Conditions).AsSplitQuery()
            .Where(s => s.Subject == i.Subject && s.UnitId == null && s.EffectiveFrom <= i.EffectiveFrom).OrderByDescending(s => s.EffectiveFrom).FirstOrDefaultAsync(ct);
        var criteria = i.Criteria ?? inForce?.Criteria.OrderBy(c => c.Order).Select(c => new CriterionInput(c.Group, c.Code, c.Title, c.MaxPoints, c.Source)).ToList() ?? [];
        var conditions = i.Conditions ?? inForce?.Conditions.Select(c => new ConditionInput(c.Level, c.Kind, c.Value, c.Text)).ToList() ?? [];
        if (criteria.Count == 0) return Fail("criteria", "Quy định phải có ít nhất một tiêu chí.");
        if (criteria.Any(c => string.IsNullOrWhiteSpace(c.Code) || string.IsNullOrWhiteSpace(c.Title) || c.MaxPoints <= 0))
            return Fail("criteria", "Mỗi tiêu chí cần mã, nội dung và số điểm tối đa lớn hơn 0.");
        if (criteria.GroupBy(c => c.Code.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } dup)
            return Fail("criteria", $"Mã tiêu chí “{dup.Key}” bị trùng.");
        if (criteria.Sum(c => c.MaxPoints) != 100) return Fail("criteria", $"Tổng điểm tối đa các tiêu chí phải là 100 (đang là {criteria.Sum(c => c.MaxPoints)}).");
        var memberOnly = new[] { CriterionSource.MemberAttendance };
        if (criteria.FirstOrDefault(c => c.Source != CriterionSource.Manual && (i.Subject == AppraisalSubject.Member) != memberOnly.Contains(c.Source)) is { } wrong)
            return Fail("criteria", $"Tiêu chí {wrong.Code}: cách tính “{wrong.Source.Vietnamese()}” không dùng cho {i.Subject.Vietnamese().ToLowerInvariant()}.");
        if (conditions.Any(c => string.IsNullOrWhiteSpace(c.Text))) return Fail("conditions", "Mỗi điều kiện cần nội dung để hiển thị khi không đạt.");
        var s = new AppraisalScheme
        {
            Subject = i.Subject, Code = i.Code.Trim(), Name = i.Name.Trim(), UnitId = i.UnitId, EffectiveFrom = i.EffectiveFrom,
            ExcellentMin = i.ExcellentMin, GoodMin = i.GoodMin, PassMin = i.PassMin, ExcellentQuotaPercent = i.ExcellentQuotaPercent,
            GoodYearMinGoodMeetings = i.GoodYearMinGoodMeetings, FairYearMinPercent = i.FairYearMinPercent, AverageYearMinHeldPercent = i.AverageYearMinHeldPercent,
            MeetingYearPercents = i.MeetingYearPercents, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = http.HttpContext?.User.Identity?.Name,
            Criteria = criteria.Select((c, n) => new AppraisalCriterion { Group = c.Group, Code = c.Code.Trim(), Title = c.Title.Trim(), MaxPoints = c.MaxPoints, Source = c.Source, Order = n + 1 }).ToList(),
            Conditions = conditions.Select(c => new AppraisalCondition { Level = c.Level, Kind = c.Kind, Value = c.Value, Text = c.Text.Trim() }).ToList(),
        };
        db.AppraisalSchemes.Add(s);
        await db.SaveChangesAsync(ct);
        return Shared.Outcome<AppraisalScheme>.Success(s);
    }
}
