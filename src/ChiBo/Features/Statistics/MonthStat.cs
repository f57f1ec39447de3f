namespace ChiBo.Features.Statistics;

/// <summary>
/// The additive figures of a month: meetings held (periodic, on the rule's day or before it, thematic), the attendance of
/// those meetings, their ratings, remarks, monitoring visits, planned thematic topics, and members whose run of absences
/// passed the rule's limit at a meeting that month. Sums of these over cells and months are the dashboard's figures.
/// </summary>
public abstract class MonthFigures
{
    public long Id { get; set; }
    /// <summary>First day of the month.</summary>
    public DateOnly Month { get; set; }
    public int PeriodicHeld { get; set; }
    public int PeriodicOnTime { get; set; }
    public int ThematicHeld { get; set; }
    /// <summary>Attendance denominator: present + absent with or without reason (exempt and special duty excluded).</summary>
    public int Expected { get; set; }
    public int Present { get; set; }
    public int AbsentExcused { get; set; }
    public int AbsentUnexcused { get; set; }
    public int RatedGood { get; set; }
    public int RatedFair { get; set; }
    public int RatedAverage { get; set; }
    public int RatedPoor { get; set; }
    public int Remarks { get; set; }
    public int Visits { get; set; }
    public int ThematicPlanned { get; set; }
    /// <summary>Members whose consecutive absences went past the rule's limit ("more than 3 in a row") at a meeting this month.</summary>
    public int LongAbsences { get; set; }
    /// <summary>Cells (1 or 0 for a cell's own row) that held a periodic meeting this month.</summary>
    public int CellsMeeting { get; set; }
    public int CellsVisited { get; set; }

    public static readonly string[] Columns =
    [
        nameof(PeriodicHeld), nameof(PeriodicOnTime), nameof(ThematicHeld), nameof(Expected), nameof(Present), nameof(AbsentExcused), nameof(AbsentUnexcused),
        nameof(RatedGood), nameof(RatedFair), nameof(RatedAverage), nameof(RatedPoor), nameof(Remarks), nameof(Visits), nameof(ThematicPlanned),
        nameof(LongAbsences), nameof(CellsMeeting), nameof(CellsVisited),
    ];

    public int[] Values() =>
    [
        PeriodicHeld, PeriodicOnTime, ThematicHeld, Expected, Present, AbsentExcused, AbsentUnexcused, RatedGood, RatedFair, RatedAverage, RatedPoor,
        Remarks, Visits, ThematicPlanned, LongAbsences, CellsMeeting, CellsVisited,
    ];
}

/// <summary>One cell's month, recomputed from its records whenever one of them changes.</summary>
public class CellMonthStat : MonthFigures
{
    public int CellId { get; set; }
}

/// <summary>
/// A node's month: the sum of the cell months of the cells under it on the month's last day (the tree as it was), kept by
/// adding each cell month's change to every ancestor, plus the number of cells it had then.
/// </summary>
public class NodeMonthStat : MonthFigures
{
    public int NodeId { get; set; }
    public int Cells { get; set; }
}
