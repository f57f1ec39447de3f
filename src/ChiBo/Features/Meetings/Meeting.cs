namespace ChiBo.Features.Meetings;

public enum MeetingKind { Periodic, Thematic, Combined, Committee, Extraordinary }

/// <summary>Planned → notice sent → held (minutes being written) → adopted (immutable). Cancelled keeps the record.</summary>
public enum MeetingStatus { Planned, Notified, Held, Adopted, Cancelled }

/// <summary>
/// One meeting of a cell (buổi sinh hoạt chi bộ) with its minutes. Once adopted, the minutes' content is
/// frozen: <see cref="ContentHash"/> is the SHA-256 of their canonical form (the public fingerprint), <see cref="Seal"/>
/// the keyed seal that places them in the cell's book, and corrections are addenda.
/// </summary>
public class Meeting
{
    public int Id { get; set; }
    public int CellId { get; set; }
    public MeetingKind Kind { get; set; }
    public MeetingStatus Status { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly StartTime { get; set; }
    public required string Place { get; set; }
    public required string Title { get; set; }
    public int? TopicId { get; set; }
    /// <summary>Who prepares the content (usually the deputy or a committee member).</summary>
    public int? ContentPreparerId { get; set; }
    public int? ResolutionDrafterId { get; set; }
    /// <summary>Bản đề dẫn of a thematic meeting.</summary>
    public int? PaperDrafterId { get; set; }
    public DateTime? NoticeSentAt { get; set; }
    public string? NoticeSentBy { get; set; }

    // Minutes (biên bản)
    public TimeOnly? StartedAt { get; set; }
    public TimeOnly? EndedAt { get; set; }
    public int? ChairId { get; set; }
    public int? MinutesSecretaryId { get; set; }
    /// <summary>Upper-level attendees and other guests, one per line (name, position, unit).</summary>
    public string? Guests { get; set; }
    public string? Resolution { get; set; }
    /// <summary>The minutes were read back to the meeting and adopted before it ended.</summary>
    public bool ReadBack { get; set; }
    public DateTime? AdoptedAt { get; set; }
    public string? ContentHash { get; set; }
    public DateTime? ChairSignedAt { get; set; }
    public string? ChairSignedBy { get; set; }
    public DateTime? SecretarySignedAt { get; set; }
    public string? SecretarySignedBy { get; set; }

    // The book's seal (see MinutesSeal): set once at adoption; only RecordSeal moves afterwards.
    /// <summary>Position in the cell's book (sổ họp chi bộ, or sổ họp chi ủy for committee meetings), in adoption order from 1.</summary>
    public int? BookSeq { get; set; }
    /// <summary>The seal of the minutes adopted before these in the same book (null for the first).</summary>
    public string? PrevSeal { get; set; }
    /// <summary>HMAC of the canonical minutes, their position and <see cref="PrevSeal"/>, with the key <see cref="SealKeyId"/>.</summary>
    public string? Seal { get; set; }
    /// <summary>HMAC of <see cref="Seal"/> with what may legitimately change after adoption: signatures, addenda, rating.</summary>
    public string? RecordSeal { get; set; }
    public int? SealKeyId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<AgendaItem> Agenda { get; set; } = [];
    public List<Attendance> Attendance { get; set; } = [];
    public List<Vote> Votes { get; set; } = [];
    public List<MeetingDocument> Documents { get; set; } = [];
    public List<MinutesAddendum> Addenda { get; set; } = [];

    public bool IsLocked => Status == MeetingStatus.Adopted;
    public bool IsSigned => ChairSignedAt is not null && SecretarySignedAt is not null;

    public int? DurationMinutes => StartedAt is { } s && EndedAt is { } e && e > s ? (int)(e - s).TotalMinutes : null;
}

public enum AgendaSection { Opening, Content, Closing }

public class AgendaItem
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Order { get; set; }
    public AgendaSection Section { get; set; }
    public required string Title { get; set; }
    public int? TopicId { get; set; }
    /// <summary>The chair's conclusion on this item.</summary>
    public string? Conclusion { get; set; }
    public List<Remark> Remarks { get; set; } = [];
}

/// <summary>What one named speaker said on an agenda item: a member of the cell, or a guest by name.</summary>
public class Remark
{
    public int Id { get; set; }
    public int AgendaItemId { get; set; }
    public int Order { get; set; }
    public int? MemberId { get; set; }
    public required string SpeakerName { get; set; }
    public required string Text { get; set; }
    public int? TopicId { get; set; }
}

public enum AttendanceStatus { Present, AbsentExcused, AbsentUnexcused, Exempt, SpecialDuty }
public enum AbsenceReason { Illness, Work, Travel, Other }

/// <summary>One member's attendance; the rows are the cell's roll on the meeting date.</summary>
public class Attendance
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int MemberId { get; set; }
    public AttendanceStatus Status { get; set; }
    public AbsenceReason? Reason { get; set; }
    public string? ReasonText { get; set; }
    /// <summary>The member announced the absence ahead of the meeting.</summary>
    public DateTime? AnnouncedAt { get; set; }
    /// <summary>Late arrival or early departure.</summary>
    public string? Note { get; set; }
    /// <summary>Status on the roll that day (official or probationary), kept for the vote and the record.</summary>
    public bool Official { get; set; }
}

public enum VoteChoice { For, Against, Other }

/// <summary>An official member's vote on the resolution; probationary members do not vote.</summary>
public class Vote
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int MemberId { get; set; }
    public VoteChoice Choice { get; set; }
    public string? Opinion { get; set; }
}

public enum DocumentKind { DraftResolution, DraftPaper, Material }

public class MeetingDocument
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public DocumentKind Kind { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
}

/// <summary>A dated, signed correction to adopted minutes; the original stays as it was.</summary>
public class MinutesAddendum
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public DateOnly Date { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? SignedAt { get; set; }
    public string? SignedBy { get; set; }
    public string? ContentHash { get; set; }
    /// <summary>HMAC of the addendum as written and signed, chained to the minutes' seal.</summary>
    public string? Seal { get; set; }
}

public static class MeetingText
{
    public static string Vietnamese(this MeetingKind k) => k switch
    {
        MeetingKind.Periodic => "Thường kỳ",
        MeetingKind.Thematic => "Chuyên đề",
        MeetingKind.Combined => "Thường kỳ kết hợp chuyên đề",
        MeetingKind.Committee => "Sinh hoạt chi ủy",
        _ => "Bất thường",
    };

    public static string Vietnamese(this MeetingStatus s) => s switch
    {
        MeetingStatus.Planned => "Đã lên kế hoạch",
        MeetingStatus.Notified => "Đã gửi thông báo",
        MeetingStatus.Held => "Đang ghi biên bản",
        MeetingStatus.Adopted => "Biên bản đã thông qua",
        _ => "Đã hủy",
    };

    public static string Vietnamese(this AttendanceStatus s) => s switch
    {
        AttendanceStatus.Present => "Có mặt",
        AttendanceStatus.AbsentExcused => "Vắng có lý do",
        AttendanceStatus.AbsentUnexcused => "Vắng không lý do",
        AttendanceStatus.Exempt => "Miễn sinh hoạt",
        _ => "Nhiệm vụ đặc biệt",
    };

    public static string Vietnamese(this AbsenceReason r) => r switch
    {
        AbsenceReason.Illness => "Ốm đau",
        AbsenceReason.Work => "Công tác",
        AbsenceReason.Travel => "Đi xa",
        _ => "Lý do khác",
    };

    public static string Vietnamese(this VoteChoice c) => c switch
    {
        VoteChoice.For => "Tán thành",
        VoteChoice.Against => "Không tán thành",
        _ => "Ý kiến khác",
    };

    public static string Vietnamese(this DocumentKind k) => k switch
    {
        DocumentKind.DraftResolution => "Dự thảo nghị quyết",
        DocumentKind.DraftPaper => "Bản đề dẫn",
        _ => "Tài liệu",
    };

    public static bool IsRegular(this MeetingKind k) => k is MeetingKind.Periodic or MeetingKind.Combined;
    public static bool IsThematic(this MeetingKind k) => k is MeetingKind.Thematic or MeetingKind.Combined;
}
