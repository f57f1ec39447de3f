namespace ChiBo.Features.Inspections;

/// <summary>Who inspects: the grassroots committee itself or its inspection commission (Ủy ban Kiểm tra Đảng ủy), seed 003 item 6.</summary>
public enum InspectingBody { Committee, InspectionCommission }

public enum InspectionPlanStatus { Draft, Approved }

/// <summary>Kiểm tra (inspection, ends in a conclusion on shortcomings) or giám sát (supervision).</summary>
public enum InspectionKind { Inspection, Supervision }

public enum InspectionStatus { Planned, InProgress, Concluded }

public enum RemedyStatus { Open, Done }

/// <summary>Kế hoạch kiểm tra, giám sát năm of a committee (or its inspection commission): the cells to inspect, by month.</summary>
public class InspectionPlan
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int Year { get; set; }
    public InspectingBody Body { get; set; }
    public required string Title { get; set; }
    public InspectionPlanStatus Status { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; }
    public List<Inspection> Inspections { get; set; } = [];
}

/// <summary>
/// One inspection of a cell's meeting practice: planned in a month, started (the figures of the period are taken from the meeting
/// records and kept, so the conclusion stays as it was), findings recorded, then concluded by a numbered notice (Thông báo kết luận).
/// </summary>
public class Inspection
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    /// <summary>The inspecting committee (the plan's unit), kept here for the due lists.</summary>
    public int UnitId { get; set; }
    public int CellId { get; set; }
    public int PlannedMonth { get; set; }
    public InspectionKind Kind { get; set; }
    public required string Subject { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public InspectionStatus Status { get; set; }
    public DateTime? StartedAt { get; set; }
    public string? StartedBy { get; set; }
    /// <summary>The checked figures (<see cref="CheckedFigures"/>) as JSON: a frozen snapshot, not a live query.</summary>
    public string? Figures { get; set; }
    public string? Strengths { get; set; }
    public string? Shortcomings { get; set; }
    /// <summary>What the committee asks the cell to remedy (printed in the notice); the cell answers with <see cref="Remedy"/> rows.</summary>
    public string? Requests { get; set; }
    public DateOnly? ConcludedOn { get; set; }
    public DateTime? ConcludedAt { get; set; }
    public string? ConcludedBy { get; set; }
    public int? ConclusionDocumentId { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
    public List<Remedy> Remedies { get; set; } = [];
}

/// <summary>A remedy (biện pháp khắc phục) the cell commits to: which shortcoming, what action, who, by when; tracked to done.</summary>
public class Remedy
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public required string Shortcoming { get; set; }
    public required string Action { get; set; }
    public int? OwnerMemberId { get; set; }
    public required string OwnerName { get; set; }
    public DateOnly DueOn { get; set; }
    public RemedyStatus Status { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? DoneNote { get; set; }
    public string? DoneBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; }
}

public static class InspectionText
{
    public static string Vietnamese(this InspectingBody b) => b == InspectingBody.Committee ? "Đảng ủy" : "Ủy ban Kiểm tra Đảng ủy";
    public static string Vietnamese(this InspectionPlanStatus s) => s == InspectionPlanStatus.Draft ? "Dự thảo" : "Đã phê duyệt";
    public static string Vietnamese(this InspectionKind k) => k == InspectionKind.Inspection ? "Kiểm tra" : "Giám sát";
    public static string Vietnamese(this InspectionStatus s) => s switch
    {
        InspectionStatus.Planned => "Theo kế hoạch",
        InspectionStatus.InProgress => "Đang kiểm tra",
        _ => "Đã kết luận",
    };
    public static string Vietnamese(this RemedyStatus s) => s == RemedyStatus.Open ? "Đang khắc phục" : "Đã hoàn thành";
}
