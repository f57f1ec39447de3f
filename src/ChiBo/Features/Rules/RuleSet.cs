namespace ChiBo.Features.Rules;

/// <summary>
/// The rules a cell's meetings are held and rated by, from a date on, for a node's subtree
/// (null node = the Party-wide default). Rules change over the years and differ between provinces
/// (Directive 50-CT/TW moved the meeting day to the 3rd in 2025), so they are data with effective dates.
/// A meeting is judged by the rule set in force on its own date, found from the nearest ancestor.
/// </summary>
public class RuleSet
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The node whose subtree the rules govern; null for the default that applies everywhere.</summary>
    public int? UnitId { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>Party-wide meeting day of the month (3 since Directive 50-CT/TW); null where none was set.</summary>
    public int? MeetingDay { get; set; } = 3;
    public int ThematicPerQuarter { get; set; } = 1;
    public int MinMinutes { get; set; } = 90;
    /// <summary>Periodic and thematic held together.</summary>
    public int MinMinutesCombined { get; set; } = 120;
    /// <summary>Notice and documents to members at least this many days ahead.</summary>
    public int NoticeDays { get; set; } = 1;
    /// <summary>Quality threshold: more than this share present (Hướng dẫn 12-HD/BTCTW: 85%).</summary>
    public int AttendancePercent { get; set; } = 85;
    /// <summary>A member absent with reason more than this many times in a row in a year is flagged.</summary>
    public int MaxExcusedInRow { get; set; } = 3;
    /// <summary>Share of present members who spoke for full participation marks.</summary>
    public int ParticipationPercent { get; set; } = 50;
    public int GoodMin { get; set; } = 90;
    public int FairMin { get; set; } = 70;
    public int AverageMin { get; set; } = 50;
    /// <summary>The standard order of a periodic meeting, one agenda line per row, "Mở đầu|..." style section prefixes.</summary>
    public required string PeriodicAgenda { get; set; }
    /// <summary>Annual thematic plan due before this day and month (seed 004: 05/02).</summary>
    public int PlanDueDay { get; set; } = 5;
    public int PlanDueMonth { get; set; } = 2;
    /// <summary>A grassroots committee sends its cells' schedules for month M before this day of M (seed 004: 02).</summary>
    public int ScheduleDueDay { get; set; } = 2;
    /// <summary>Monitoring groups' six-month report before 20/6 and annual report before 10/12 (seed 004).</summary>
    public int HalfYearReportDay { get; set; } = 20;
    public int HalfYearReportMonth { get; set; } = 6;
    public int YearReportDay { get; set; } = 10;
    public int YearReportMonth { get; set; } = 12;
    public required string ThematicAgenda { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public List<RubricCriterion> Criteria { get; set; } = [];

    public DateOnly PlanDue(int year) => new(year, PlanDueMonth, PlanDueDay);
    public DateOnly ScheduleDue(int year, int month) => new(year, month, ScheduleDueDay);
    public DateOnly HalfYearReportDue(int year) => new(year, HalfYearReportMonth, HalfYearReportDay);
    public DateOnly YearReportDue(int year) => new(year, YearReportMonth, YearReportDay);
}

public enum RubricPart { Preparation, Attendance, Conduct, Closing }

/// <summary>What the product can score from the record; Manual criteria are scored by people.</summary>
public enum Measure
{
    Manual, NoticeOnTime, DocumentsOnTime, AttendanceRate, NoUnexcused, Duration, Participation,
    Conclusions, ResolutionVoted, MinutesComplete,
}

public class RubricCriterion
{
    public int Id { get; set; }
    public int RuleSetId { get; set; }
    public RubricPart Part { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public int MaxPoints { get; set; }
    public Measure Measure { get; set; }
    /// <summary>A meeting is Tốt only when every gating criterion has full marks; otherwise capped at Khá.</summary>
    public bool Gating { get; set; }
    public int Order { get; set; }
}

public static class RubricText
{
    public static string Vietnamese(this RubricPart p) => p switch
    {
        RubricPart.Preparation => "Chuẩn bị",
        RubricPart.Attendance => "Dự họp",
        RubricPart.Conduct => "Tiến hành",
        _ => "Kết thúc (kết luận, nghị quyết, biên bản)",
    };
}
