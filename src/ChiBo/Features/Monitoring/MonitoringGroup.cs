namespace ChiBo.Features.Monitoring;

/// <summary>
/// Tổ dự, theo dõi, hướng dẫn sinh hoạt chi bộ: formed by an upper committee, with a leader and members
/// (accounts), covering grassroots organizations and cells over dated periods.
/// </summary>
public class MonitoringGroup
{
    public int Id { get; set; }
    /// <summary>The committee that formed the group.</summary>
    public int OwnerUnitId { get; set; }
    public required string Name { get; set; }
    public required string LeaderUserId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<MonitoringGroupMember> Members { get; set; } = [];
    public List<MonitoringCoverage> Coverage { get; set; } = [];
}

public class MonitoringGroupMember
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public required string UserId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>A unit (grassroots organization or cell) the group covers, with its subtree, over a period.</summary>
public class MonitoringCoverage
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public int UnitId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>The leader's assignment of a group member to one meeting from the month's schedule.</summary>
public class VisitAssignment
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public int MeetingId { get; set; }
    public required string UserId { get; set; }
    public DateTime AssignedAt { get; set; }
    public string? AssignedBy { get; set; }
    public Visit? Visit { get; set; }
}

/// <summary>What the assigned member recorded: attended or not, observations by rubric part, guidance given.</summary>
public class Visit
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public bool Attended { get; set; }
    public string? AbsenceReason { get; set; }
    public string? ObservationPreparation { get; set; }
    public string? ObservationAttendance { get; set; }
    public string? ObservationConduct { get; set; }
    public string? ObservationClosing { get; set; }
    public string? Guidance { get; set; }
    /// <summary>The member confirmed the meeting's rating during this visit (the meetings issue's upper-level step).</summary>
    public bool RatingConfirmed { get; set; }
    public DateTime RecordedAt { get; set; }
}

public enum ReportPeriod { HalfYear, Year }
public enum ReportStatus { Draft, Submitted }

/// <summary>The group's six-month or annual report to the standing committee: drafted from the records, edited, submitted.</summary>
public class GroupReport
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public int Year { get; set; }
    public ReportPeriod Period { get; set; }
    public ReportStatus Status { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>A grassroots committee's schedule of its cells' meetings for a month, as sent upward.</summary>
public class MonthlySchedule
{
    public int Id { get; set; }
    public int CommitteeId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public DateTime SentAt { get; set; }
    public string? SentBy { get; set; }
    public string? Note { get; set; }
    public List<ScheduleEntry> Entries { get; set; } = [];
}

/// <summary>One cell's line in a sent schedule; no meeting means the cell had none planned when it was sent.</summary>
public class ScheduleEntry
{
    public int Id { get; set; }
    public int ScheduleId { get; set; }
    public int CellId { get; set; }
    public int? MeetingId { get; set; }
    public DateOnly? Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public string? Place { get; set; }
    public string? Title { get; set; }
}
