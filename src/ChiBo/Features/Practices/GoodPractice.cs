namespace ChiBo.Features.Practices;

public enum PracticeStatus { Draft, Published, Withdrawn }

/// <summary>
/// Cách làm hay, mô hình hiệu quả trong sinh hoạt chi bộ (seed 003, item 5): a committee records what one of its cells
/// does well, with evidence from that cell's minutes and figures, and publishes it to its subtree so other cells can adopt it.
/// Draft → Published → (Withdrawn). Only a draft is edited; a published practice is the committee's word to its cells.
/// </summary>
public class GoodPractice
{
    public int Id { get; set; }
    /// <summary>The recording committee; publishing makes the practice known to every cell of its subtree.</summary>
    public int CommitteeId { get; set; }
    /// <summary>The cell whose way of working this is.</summary>
    public int SourceCellId { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public string? Description { get; set; }
    public int? TopicId { get; set; }
    public PracticeStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnBy { get; set; }
    public string? WithdrawReason { get; set; }
    public int Version { get; set; }
    public List<PracticeEvidence> Evidence { get; set; } = [];
    public List<PracticeFigure> Figures { get; set; } = [];
}

/// <summary>
/// A meeting of the source cell cited as evidence, with the words copied from its adopted minutes when linked
/// (a conclusion, a remark or the resolution), so the practice reads on its own.
/// </summary>
public class PracticeEvidence
{
    public int Id { get; set; }
    public int PracticeId { get; set; }
    public int MeetingId { get; set; }
    public int? AgendaItemId { get; set; }
    public int? RemarkId { get; set; }
    /// <summary>Where the excerpt comes from, as a reader sees it: "Kết luận: …", "Ý kiến của …", "Nghị quyết".</summary>
    public required string Source { get; set; }
    public required string Excerpt { get; set; }
    public DateTime LinkedAt { get; set; }
    public required string LinkedBy { get; set; }
}

/// <summary>A figure that shows the practice works ("Tỷ lệ đảng viên dự sinh hoạt" → "96,2%").</summary>
public class PracticeFigure
{
    public int Id { get; set; }
    public int PracticeId { get; set; }
    public int Order { get; set; }
    public required string Label { get; set; }
    public required string Value { get; set; }
}

/// <summary>A cell declares it has taken up a published practice (nhân rộng). One per practice and cell.</summary>
public class PracticeAdoption
{
    public int Id { get; set; }
    public int PracticeId { get; set; }
    public int CellId { get; set; }
    public DateOnly AdoptedOn { get; set; }
    public string? Note { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

public static class PracticeText
{
    public static string Vietnamese(this PracticeStatus s) => s switch
    {
        PracticeStatus.Draft => "Dự thảo",
        PracticeStatus.Published => "Đã công bố",
        _ => "Đã thu hồi",
    };
}
