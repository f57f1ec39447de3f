using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Members;

public enum MemberNeed
{
    /// <summary>The member's record (personal data shown only where <see cref="UserScope.CanSeePersonalDataAsync"/> allows).</summary>
    Read,
    /// <summary>Change the record, transfer, positions, exemptions: the secretary of the member's current cell or committee staff above it.</summary>
    Edit,
}

/// <summary>The one access rule of a party member's record.</summary>
public class MemberAccess(AppDbContext db, UserScope scope) : IAccessRule<MemberNeed>
{
    public async Task<Access> ForAsync(int id, MemberNeed need, CancellationToken ct = default)
    {
        if (!await db.Members.AnyAsync(m => m.Id == id, ct) || !await scope.CanSeeMemberAsync(id, ct)) return Access.Hidden;
        if (need == MemberNeed.Read) return Access.Allow;
        return Access.When(!scope.IsMonitoringOnly && await MemberQueries.CanEditAsync(db, scope, id, ct),
            "Chỉ bí thư chi bộ đang quản lý đảng viên hoặc cán bộ cấp ủy cấp trên mới sửa được hồ sơ này.");
    }
}
