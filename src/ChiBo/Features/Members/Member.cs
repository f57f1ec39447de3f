namespace ChiBo.Features.Members;

public enum Sex { Male, Female }

/// <summary>Đảng viên. Status (chính thức / dự bị) is derived from the dates, never stored as a flag.</summary>
public class Member
{
    public int Id { get; set; }
    public required string FullName { get; set; }
    /// <summary>Accent-folded lower-case name for "nguyen van" → "Nguyễn Văn" search.</summary>
    public required string NameKey { get; set; }
    /// <summary>vi-VN collation key of "given name + full name": Vietnamese lists sort by given name.</summary>
    public required byte[] SortKey { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public Sex Sex { get; set; }
    public string? Ethnicity { get; set; }
    /// <summary>Ngày vào Đảng: the probationary period starts here.</summary>
    public DateOnly AdmittedOn { get; set; }
    /// <summary>Ngày chính thức; null while probationary.</summary>
    public DateOnly? OfficialOn { get; set; }
    public string? PartyCardNumber { get; set; }
    public string? CitizenId { get; set; }
    public string? Phone { get; set; }
    /// <summary>Left the party (died, expelled, removed): no longer on any roll after this date.</summary>
    public DateOnly? LeftOn { get; set; }
    public int Version { get; set; }

    public bool IsOfficialOn(DateOnly date) => OfficialOn is { } d && d <= date;
}

/// <summary>Membership of a cell over a period; a transfer (chuyển sinh hoạt đảng) closes one and opens another.</summary>
public class Membership
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public Member? Member { get; set; }
    public int UnitId { get; set; }
    public DateOnly From { get; set; }
    /// <summary>Exclusive end.</summary>
    public DateOnly? To { get; set; }
    public string? Note { get; set; }
}

public enum Position { Secretary, DeputySecretary, CommitteeMember, GroupLeader, GroupDeputy }

/// <summary>Chức vụ trong chi bộ over a period.</summary>
public class MemberPosition
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public int UnitId { get; set; }
    public Position Position { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
}

public enum ExemptionKind { Exempt, SpecialDuty }

/// <summary>
/// Miễn công tác và sinh hoạt đảng (age, health), decided by the cell; or special duty (armed forces).
/// Either takes the member out of the attendance denominator while it lasts.
/// </summary>
public class Exemption
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public ExemptionKind Kind { get; set; }
    public DateOnly DecisionDate { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public string? Reason { get; set; }
}

public static class PositionNames
{
    public static string Vietnamese(this Position p) => p switch
    {
        Position.Secretary => "Bí thư",
        Position.DeputySecretary => "Phó Bí thư",
        Position.CommitteeMember => "Chi ủy viên",
        Position.GroupLeader => "Tổ trưởng tổ đảng",
        _ => "Tổ phó tổ đảng",
    };

    public static string Vietnamese(this ExemptionKind k) => k == ExemptionKind.Exempt ? "Miễn công tác và sinh hoạt đảng" : "Đi làm nhiệm vụ đặc biệt";
}
