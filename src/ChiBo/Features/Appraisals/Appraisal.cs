namespace ChiBo.Features.Appraisals;

/// <summary>Self-assessment → the cell (or committee) appraises and proposes → the standing committee one level up decides.</summary>
public enum AppraisalStatus { Draft, SelfAssessed, Proposed, Decided }

public enum AppraisalStep { Started, SelfAssessed, Proposed, Decided, Returned }

/// <summary>
/// One year's (or one term's) rating of one party organization or member (đánh giá, xếp loại hằng năm). <see cref="UnitId"/> is the
/// organization rated, or the cell of the member rated; <see cref="DeciderUnitId"/> is the level above that decides.
/// Each step keeps its own total and level, so the record shows what the subject said, what the cell proposed and what was decided.
/// </summary>
public class Appraisal
{
    public int Id { get; set; }
    public int SchemeId { get; set; }
    /// <summary>The last year covered.</summary>
    public int Year { get; set; }
    /// <summary>The first year covered: the same as <see cref="Year"/> for an annual rating, earlier for a term (nhiệm kỳ).</summary>
    public int FromYear { get; set; }
    public int UnitId { get; set; }
    public int? MemberId { get; set; }
    /// <summary>"U:{unit}" or "M:{member}": one rating per subject and year (a unique index cannot rely on a null MemberId on both databases).</summary>
    public required string SubjectKey { get; set; }
    public int DeciderUnitId { get; set; }
    public AppraisalStatus Status { get; set; }
    public decimal? SelfTotal { get; set; }
    public AppraisalLevel? SelfLevel { get; set; }
    public string? SelfNote { get; set; }
    public decimal? ProposedTotal { get; set; }
    public AppraisalLevel? ProposedLevel { get; set; }
    public string? ProposalNote { get; set; }
    public AppraisalLevel? DecidedLevel { get; set; }
    public string? DecisionNote { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
    public List<AppraisalScore> Scores { get; set; } = [];
    public List<AppraisalEvent> Events { get; set; } = [];
}

/// <summary>One criterion's points at each step, with the evidence of a computed proposal.</summary>
public class AppraisalScore
{
    public int Id { get; set; }
    public int AppraisalId { get; set; }
    public int CriterionId { get; set; }
    /// <summary>What the records give (computed criteria only), refreshed until the decision.</summary>
    public decimal? ComputedPoints { get; set; }
    public string? Evidence { get; set; }
    public decimal? SelfPoints { get; set; }
    public decimal? ProposedPoints { get; set; }
}

/// <summary>Who did which step, when, with what result: the rating's history.</summary>
public class AppraisalEvent
{
    public int Id { get; set; }
    public int AppraisalId { get; set; }
    public AppraisalStep Step { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public AppraisalLevel? Level { get; set; }
    public decimal? Total { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// "Chi bộ 4 tốt" (seed 003, item 4): good at leading the political task, at unity and discipline, at meeting quality,
/// and in its members. Tracked per cell per year with the evidence for each; meeting quality is proposed from the records.
/// </summary>
public class FourGoodRecord
{
    public int Id { get; set; }
    public int CellId { get; set; }
    public int Year { get; set; }
    public bool PoliticalTask { get; set; }
    public string? PoliticalTaskEvidence { get; set; }
    public bool Unity { get; set; }
    public string? UnityEvidence { get; set; }
    public bool MeetingQuality { get; set; }
    public string? MeetingQualityEvidence { get; set; }
    public bool Members { get; set; }
    public string? MembersEvidence { get; set; }
    public bool Recognized { get; set; }
    public string? RecognizedBy { get; set; }
    public DateTime? RecognizedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; }

    public bool AllFour => PoliticalTask && Unity && MeetingQuality && Members;
}

public static class AppraisalStatusText
{
    public static string Vietnamese(this AppraisalStatus s) => s switch
    {
        AppraisalStatus.Draft => "Chưa tự đánh giá",
        AppraisalStatus.SelfAssessed => "Đã tự đánh giá",
        AppraisalStatus.Proposed => "Đã đề xuất xếp loại",
        _ => "Cấp trên đã quyết định",
    };

    public static string Vietnamese(this AppraisalStep s) => s switch
    {
        AppraisalStep.Started => "Mở đánh giá",
        AppraisalStep.SelfAssessed => "Tự đánh giá, tự xếp loại",
        AppraisalStep.Proposed => "Nhận xét, đề xuất xếp loại",
        AppraisalStep.Decided => "Quyết định xếp loại",
        _ => "Trả lại để đánh giá lại",
    };
}
