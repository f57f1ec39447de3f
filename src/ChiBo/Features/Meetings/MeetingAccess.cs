using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Meetings;

public enum MeetingNeed
{
    /// <summary>Read the meeting (members: its plan and, once adopted, its minutes; the cell committee's meetings are not theirs).</summary>
    Read,
    /// <summary>Plan, notice, roll call, minutes, adoption, addenda: the cell's secretary or committee staff above the cell.</summary>
    Run,
    /// <summary>The cell's own steps on the rating (the committee's proposal, the cell's vote): the cell's own secretary only.</summary>
    CellStep,
    /// <summary>The upper level's confirmation: staff of the committee directly above the cell, or a monitoring member whose group covers it on the day.</summary>
    Confirm,
    /// <summary>A monitoring visit: a member of a group covering the cell on the meeting's day.</summary>
    Visit,
}

/// <summary>The one access rule of a meeting and everything recorded in it.</summary>
public class MeetingAccess(AppDbContext db, UserScope scope) : IAccessRule<MeetingNeed>
{
    public async Task<Access> ForAsync(int id, MeetingNeed need, CancellationToken ct = default)
    {
        var m = await db.Meetings.Where(x => x.Id == id).Select(x => new { x.CellId, x.Date, x.Kind }).FirstOrDefaultAsync(ct);
        if (m is null || !await scope.CanSeeUnitAsync(m.CellId, m.Date, ct)) return Access.Hidden;
        // The cell committee's own meeting (sinh hoạt chi ủy) is its working record, not the members'.
        if (m.Kind == MeetingKind.Committee && scope.IsMemberOnly()) return Access.Hidden;
        switch (need)
        {
            case MeetingNeed.Read: return Access.Allow;
            case MeetingNeed.Run:
                return Access.When(scope.CanManageCells && !scope.IsMonitoringOnly && await scope.CanEditUnitAsync(m.CellId, ct),
                    "Chỉ bí thư chi bộ hoặc cán bộ cấp ủy phụ trách chi bộ mới ghi được buổi sinh hoạt này.");
            case MeetingNeed.CellStep:
                return Access.When(scope.ActsFor(m.CellId) && scope.IsInRole(Roles.CellSecretary),
                    "Đề xuất và biểu quyết xếp loại là việc của chính chi bộ: chỉ bí thư chi bộ ghi nhận.");
            case MeetingNeed.Confirm:
                if (scope.IsInRole(Roles.MonitoringMember) && await scope.CoversAsync(m.CellId, m.Date, ct)) return Access.Allow;
                var parent = await db.ParentIdAsync(m.CellId, m.Date, ct);
                return Access.When(parent is { } p && scope.ActsFor(p) && scope.IsInRole(Roles.CommitteeStaff),
                    "Xác nhận xếp loại do cấp ủy trực tiếp cấp trên của chi bộ hoặc tổ theo dõi phụ trách chi bộ thực hiện.");
            case MeetingNeed.Visit:
                return Access.When(scope.IsInRole(Roles.MonitoringMember) && await scope.CoversAsync(m.CellId, m.Date, ct),
                    "Tổ theo dõi của tài khoản không phụ trách chi bộ này vào ngày sinh hoạt.");
            default: return Access.Hidden;
        }
    }
}
