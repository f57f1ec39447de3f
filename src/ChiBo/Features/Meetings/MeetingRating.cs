namespace ChiBo.Features.Meetings;

public enum RatingLevel { Good, Fair, Average, Poor }
public enum RatingStatus { Proposed, Voted, Confirmed }

/// <summary>
/// The score sheet of a meeting (phiếu đánh giá chất lượng sinh hoạt): proposed by the cell committee,
/// voted by the cell, confirmed by the attending upper-level member. Scored against the rule set in force on the meeting date.
/// </summary>
public class MeetingRating
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int RuleSetId { get; set; }
    public decimal Total { get; set; }
    public RatingLevel Level { get; set; }
    /// <summary>The total reached Tốt but a gating criterion was short: capped at Khá.</summary>
    public bool Capped { get; set; }
    public RatingStatus Status { get; set; }
    public string? ProposedBy { get; set; }
    public DateTime ProposedAt { get; set; }
    public string? ProposalNote { get; set; }
    public int? VotesFor { get; set; }
    public int? VotesAgainst { get; set; }
    public DateTime? VotedAt { get; set; }
    /// <summary>The cell's secretary who recorded the cell's vote.</summary>
    public string? VotesRecordedBy { get; set; }
    public string? ConfirmedBy { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public string? ConfirmationNote { get; set; }
    public int Version { get; set; }
    public List<RatingScore> Scores { get; set; } = [];
}

public class RatingScore
{
    public int Id { get; set; }
    public int MeetingRatingId { get; set; }
    public int CriterionId { get; set; }
    public decimal Points { get; set; }
    public bool Automatic { get; set; }
    /// <summary>How an automatic score was computed ("8/9 có mặt = 88,9%"), or the scorer's note.</summary>
    public string? Basis { get; set; }
}

public static class RatingText
{
    public static string Vietnamese(this RatingLevel l) => l switch
    {
        RatingLevel.Good => "Tốt",
        RatingLevel.Fair => "Khá",
        RatingLevel.Average => "Trung bình",
        _ => "Kém",
    };

    public static string Vietnamese(this RatingStatus s) => s switch
    {
        RatingStatus.Proposed => "Chi ủy đề xuất",
        RatingStatus.Voted => "Chi bộ đã biểu quyết",
        _ => "Cấp trên đã xác nhận",
    };
}
