namespace ChiBo.Features.Appraisals;

/// <summary>Who a scheme rates: a party organization (cell or committee) or a party member.</summary>
public enum AppraisalSubject { Organization, Member }

/// <summary>The four results of Quy định 366-QĐ/TW, best first.</summary>
public enum AppraisalLevel { Excellent, Good, Pass, Fail }

public enum CriterionGroup { General, Tasks }

/// <summary>
/// Where a criterion's proposed score comes from. Manual ones are scored by people; the others are computed from the
/// meeting records and proposed with their evidence (people may still change them at each step, the evidence stays).
/// </summary>
public enum CriterionSource { Manual, MeetingQuality, CellAttendance, ThematicPlan, MemberAttendance }

/// <summary>Extra conditions a level needs beyond its points; failing one drops the result to the next level.</summary>
public enum ConditionKind
{
    /// <summary>The cell's year of meetings (see <see cref="MeetingYear"/>) is at least this meeting rating level (0 Tốt … 3 Kém).</summary>
    MeetingYearAtLeast,
    /// <summary>Every criterion reaches at least this percentage of its maximum.</summary>
    EveryCriterionAtLeastPercent,
    /// <summary>The member missed at most this many meetings without reason in the year.</summary>
    MaxUnexcusedAbsences,
    /// <summary>The member attended at least this percentage of the meetings they were counted for.</summary>
    MinAttendancePercent,
}

/// <summary>
/// A rating scheme in force from a date, for a subtree (null = Party-wide), like <see cref="Rules.RuleSet"/>: Quy định 366-QĐ/TW
/// today, whatever replaces it tomorrow. Thresholds, criteria, conditions, the meeting-year rule and the quota are data.
/// </summary>
public class AppraisalScheme
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public AppraisalSubject Subject { get; set; }
    public int? UnitId { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public int ExcellentMin { get; set; } = 90;
    public int GoodMin { get; set; } = 70;
    public int PassMin { get; set; } = 50;
    /// <summary>
    /// Quota: "Hoàn thành xuất sắc" may be at most this percentage of the organizations (members) one level rates in the year;
    /// null = no quota (the default: committees set it in their own rules).
    /// </summary>
    public int? ExcellentQuotaPercent { get; set; }
    /// <summary>A Tốt year of meetings: every rated meeting at least Khá and this many Tốt (prorated for a part year).</summary>
    public int GoodYearMinGoodMeetings { get; set; } = 7;
    /// <summary>A Khá year: no Kém meeting and at least this percentage of the expected meetings rated Khá or better.</summary>
    public int FairYearMinPercent { get; set; } = 50;
    /// <summary>A Trung bình year: at least this percentage of the expected monthly meetings held; below it the year is Kém.</summary>
    public int AverageYearMinHeldPercent { get; set; } = 50;
    /// <summary>Share of the meeting-quality criterion's points proposed for a Tốt / Khá / Trung bình / Kém year, "100/80/50/20".</summary>
    public string MeetingYearPercents { get; set; } = "100/80/50/20";
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public List<AppraisalCriterion> Criteria { get; set; } = [];
    public List<AppraisalCondition> Conditions { get; set; } = [];

    public int MeetingYearPercent(Meetings.RatingLevel level) =>
        MeetingYearPercents.Split('/') is { Length: 4 } parts && int.TryParse(parts[(int)level], out var p) ? p : 0;

    public AppraisalLevel LevelOf(decimal total) =>
        total >= ExcellentMin ? AppraisalLevel.Excellent : total >= GoodMin ? AppraisalLevel.Good : total >= PassMin ? AppraisalLevel.Pass : AppraisalLevel.Fail;
}

public class AppraisalCriterion
{
    public int Id { get; set; }
    public int SchemeId { get; set; }
    public CriterionGroup Group { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public int MaxPoints { get; set; }
    public CriterionSource Source { get; set; }
    public int Order { get; set; }
}

public class AppraisalCondition
{
    public int Id { get; set; }
    public int SchemeId { get; set; }
    /// <summary>The level that needs the condition (and, implicitly, every better level).</summary>
    public AppraisalLevel Level { get; set; }
    public ConditionKind Kind { get; set; }
    public int Value { get; set; }
    public required string Text { get; set; }
}

public static class AppraisalText
{
    public static string Vietnamese(this AppraisalLevel l) => l switch
    {
        AppraisalLevel.Excellent => "Hoàn thành xuất sắc nhiệm vụ",
        AppraisalLevel.Good => "Hoàn thành tốt nhiệm vụ",
        AppraisalLevel.Pass => "Hoàn thành nhiệm vụ",
        _ => "Không hoàn thành nhiệm vụ",
    };

    public static string Vietnamese(this CriterionGroup g) => g == CriterionGroup.General ? "Tiêu chí chung" : "Kết quả thực hiện nhiệm vụ";

    public static string Vietnamese(this AppraisalSubject s) => s == AppraisalSubject.Organization ? "Tổ chức đảng" : "Đảng viên";

    public static string Vietnamese(this CriterionSource s) => s switch
    {
        CriterionSource.Manual => "Chấm điểm",
        CriterionSource.MeetingQuality => "Tính từ xếp loại các buổi sinh hoạt",
        CriterionSource.CellAttendance => "Tính từ điểm danh",
        CriterionSource.ThematicPlan => "Tính từ kế hoạch sinh hoạt chuyên đề",
        _ => "Tính từ điểm danh của đảng viên",
    };
}
