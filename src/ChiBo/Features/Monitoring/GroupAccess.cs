using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Monitoring;

public enum GroupNeed
{
    /// <summary>The group, its schedule, coverage and reports: its members, and committee staff who see the unit that formed it.</summary>
    Read,
    /// <summary>Assign members to meetings: the leader, or staff of the committee that formed the group.</summary>
    Lead,
    /// <summary>Draft, edit and submit the group's report: its leader.</summary>
    Report,
    /// <summary>Coverage (which units the group watches): staff of the committee that formed the group.</summary>
    Manage,
}

/// <summary>What the account may do with a group, for a page's buttons.</summary>
public record GroupRights(bool Lead, bool Report, bool Manage);

/// <summary>
/// The one access rule of a monitoring group (tổ dự, theo dõi, hướng dẫn sinh hoạt chi bộ). The group works for the
/// committee that formed it: that committee's own staff run it; a group's members see it; nobody else knows it exists.
/// </summary>
public class GroupAccess(AppDbContext db, UserScope scope) : IAccessRule<GroupNeed>
{
    record Group(int Id, int OwnerUnitId, string LeaderUserId);

    public async Task<Access> ForAsync(int id, GroupNeed need, CancellationToken ct = default) =>
        await ReadableAsync(id, ct) is { } g ? Judge(g, need) : Access.Hidden;

    public async Task<GroupRights> RightsAsync(int id, CancellationToken ct = default) =>
        await ReadableAsync(id, ct) is { } g ? new(Judge(g, GroupNeed.Lead).Allowed, Judge(g, GroupNeed.Report).Allowed, Judge(g, GroupNeed.Manage).Allowed) : new(false, false, false);

    async Task<Group?> ReadableAsync(int id, CancellationToken ct)
    {
        var g = await db.MonitoringGroups.Where(x => x.Id == id).Select(x => new Group(x.Id, x.OwnerUnitId, x.LeaderUserId)).FirstOrDefaultAsync(ct);
        if (g is null || scope.UserId is not { } me) return null;
        if (await db.MonitoringGroupMembers.AnyAsync(m => m.GroupId == id && m.UserId == me, ct)) return g;
        return scope.IsStaff && await scope.CanSeeUnitAsync(g.OwnerUnitId, null, ct) ? g : null;
    }

    Access Judge(Group g, GroupNeed need) => need switch
    {
        GroupNeed.Read => Access.Allow,
        GroupNeed.Lead => Access.When(IsLeader(g) || OwnerStaff(g), "Chỉ tổ trưởng hoặc cán bộ của cấp ủy lập tổ mới phân công thành viên dự sinh hoạt."),
        GroupNeed.Report => Access.When(IsLeader(g), "Báo cáo của tổ do tổ trưởng soạn và gửi."),
        GroupNeed.Manage => Access.When(OwnerStaff(g), "Chỉ cán bộ của cấp ủy lập tổ mới giao đơn vị phụ trách cho tổ."),
        _ => Access.Hidden,
    };

    bool IsLeader(Group g) => g.LeaderUserId == scope.UserId;

    bool OwnerStaff(Group g) => scope.ActsFor(g.OwnerUnitId) && scope.IsInRole(Roles.CommitteeStaff);
}
