using Microsoft.AspNetCore.Identity;

namespace ChiBo.Features.Accounts;

/// <summary>An account, attached to exactly one node of the tree: it sees that node's subtree.</summary>
public class AppUser : IdentityUser
{
    public required string FullName { get; set; }
    public int UnitId { get; set; }
    /// <summary>The party member this account belongs to, when it is a member's own account.</summary>
    public int? MemberId { get; set; }
    /// <summary>Set when staff made the account or reset its password: the one-time password must be replaced before any work.</summary>
    public bool MustChangePassword { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string CommitteeStaff = "CommitteeStaff";
    public const string CellSecretary = "CellSecretary";
    public const string MonitoringMember = "MonitoringMember";
    public const string Member = "Member";

    public static readonly string[] All = [Admin, CommitteeStaff, CellSecretary, MonitoringMember, Member];

    public static string Vietnamese(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        CommitteeStaff => "Cán bộ cấp ủy",
        CellSecretary => "Bí thư chi bộ",
        MonitoringMember => "Thành viên tổ theo dõi",
        Member => "Đảng viên",
        _ => role,
    };
}
