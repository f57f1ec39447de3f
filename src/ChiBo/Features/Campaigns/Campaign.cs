namespace ChiBo.Features.Campaigns;

public enum CampaignKind { Review, Interim }

/// <summary>
/// A review campaign (tổng kết / sơ kết) defined by an organization board for its subtree: the documents it
/// implements, the period reviewed, the report outline, and a deadline per level (seed 002: cells 10/4, grassroots
/// committees 15/4 with a conference, district level 20/4 without one).
/// </summary>
public class Campaign
{
    public int Id { get; set; }
    public int OwnerUnitId { get; set; }
    public required string Title { get; set; }
    public CampaignKind Kind { get; set; }
    /// <summary>The documents it implements ("Chỉ thị số 10-CT/TW ngày 30/3/2007 của Ban Bí thư"), one per line.</summary>
    public string? Implements { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    /// <summary>The date statistics are split at ("before and after the directive").</summary>
    public DateOnly? PivotDate { get; set; }
    public int OutlineId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public List<CampaignLevel> Levels { get; set; } = [];
}

/// <summary>One level taking part: which node types report at it, by when, and whether it holds a conference.</summary>
public class CampaignLevel
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public required string Name { get; set; }
    /// <summary>Unit type codes reporting at this level, comma-separated (node types are data).</summary>
    public required string UnitTypeCodes { get; set; }
    public DateOnly Deadline { get; set; }
    public bool HoldsConference { get; set; }
    public int Order { get; set; }

    public string[] Codes => UnitTypeCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A report outline (đề cương): sections with guidance and, where the outline asks for figures, the statistic to fill in.</summary>
public class ReportOutline
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public bool BuiltIn { get; set; }
    public List<OutlineSection> Sections { get; set; } = [];
}

public enum Statistic { None, AttendanceRate, ThematicPerCell, TopTopic, RatingDistribution }

public class OutlineSection
{
    public int Id { get; set; }
    public int OutlineId { get; set; }
    /// <summary>"I", "II.3", "III.1": the outline's own numbering.</summary>
    public required string Number { get; set; }
    public required string Title { get; set; }
    public string? Guidance { get; set; }
    public Statistic Statistic { get; set; }
    public int Order { get; set; }
}

public enum ReportStatus { Draft, Submitted, Returned, Accepted }

/// <summary>One unit's report in a campaign: drafted along the outline, commented on by members, submitted, returned or accepted.</summary>
public class CampaignReport
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public int UnitId { get; set; }
    /// <summary>Null for the campaign owner's own (top) report, which compiles the highest level and ends in the conclusion.</summary>
    public int? LevelId { get; set; }
    public ReportStatus Status { get; set; }
    public DateTime? FirstSubmittedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public string? ReviewComment { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
    /// <summary>For a level that holds a conference (seed 002: grassroots committees): its date, who attended, the discussion, the conclusion.</summary>
    public DateOnly? ConferenceDate { get; set; }
    public string? ConferenceAttendees { get; set; }
    public string? ConferenceDiscussion { get; set; }
    public string? ConferenceConclusion { get; set; }
    /// <summary>The concluding document (Kết luận, like seed 003) drafted from the conference and the figures, then edited.</summary>
    public string? ConclusionText { get; set; }
    public List<ReportSection> Sections { get; set; } = [];
    public List<ReportComment> Comments { get; set; } = [];
}

public class ReportSection
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public int SectionId { get; set; }
    public string? Text { get; set; }
    /// <summary>The figures the outline asks for, computed from the unit's records with how they were computed; refreshed, never typed over.</summary>
    public string? Figures { get; set; }
}

/// <summary>A member's comment on the draft (seed 002: "lấy ý kiến góp ý của đảng viên") and the drafter's answer.</summary>
public class ReportComment
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public int? SectionId { get; set; }
    public required string AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public required string Text { get; set; }
    public DateTime At { get; set; }
    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredBy { get; set; }
}

public static class CampaignText
{
    public static string Vietnamese(this ReportStatus s) => s switch
    {
        ReportStatus.Draft => "Đang soạn",
        ReportStatus.Submitted => "Đã gửi, chờ tiếp nhận",
        ReportStatus.Returned => "Bị trả lại",
        _ => "Đã tiếp nhận",
    };

    public static string Vietnamese(this CampaignKind k) => k == CampaignKind.Review ? "Tổng kết" : "Sơ kết";
}
