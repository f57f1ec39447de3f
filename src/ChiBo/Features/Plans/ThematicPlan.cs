namespace ChiBo.Features.Plans;

public enum PlanStatus { Draft, Submitted, Approved, Returned }

/// <summary>
/// Kế hoạch sinh hoạt chuyên đề năm of one cell: topics by quarter (or month) with who prepares each.
/// A cell under a grassroots committee submits it to that committee for approval; a grassroots cell sends it
/// to the upper committee's organization board. Timeliness is judged on the first submission.
/// </summary>
public class ThematicPlan
{
    public int Id { get; set; }
    public int CellId { get; set; }
    public int Year { get; set; }
    public PlanStatus Status { get; set; }
    /// <summary>The committee that approves it: the cell's parent on the due date.</summary>
    public int ReviewerUnitId { get; set; }
    public DateTime? FirstSubmittedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public string? ReviewComment { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
    public List<ThematicPlanItem> Items { get; set; } = [];
    public List<PlanEvent> Events { get; set; } = [];
}

public class ThematicPlanItem
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Quarter { get; set; }
    /// <summary>Optional: a plan may fix the month inside the quarter.</summary>
    public int? Month { get; set; }
    public int TopicId { get; set; }
    public required string Title { get; set; }
    public int? PreparerId { get; set; }
}

public enum PlanAction { Submitted, Approved, Returned }

/// <summary>The plan's history: every submission and review with who, when and the comments.</summary>
public class PlanEvent
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public PlanAction Action { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public string? Comment { get; set; }
}

public static class PlanText
{
    public static string Vietnamese(this PlanStatus s) => s switch
    {
        PlanStatus.Draft => "Đang soạn",
        PlanStatus.Submitted => "Đã gửi, chờ duyệt",
        PlanStatus.Approved => "Đã phê duyệt",
        _ => "Bị trả lại",
    };

    public static string Vietnamese(this PlanAction a) => a switch
    {
        PlanAction.Submitted => "Gửi",
        PlanAction.Approved => "Phê duyệt",
        _ => "Trả lại",
    };
}
