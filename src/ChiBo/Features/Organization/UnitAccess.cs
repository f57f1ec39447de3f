using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Organization;

public enum UnitNeed
{
    /// <summary>Read the unit and the records kept under it (roll names, meetings, plans, figures).</summary>
    See,
    /// <summary>Keep the unit's own records: its secretary (a cell) or committee staff at or above it.</summary>
    Run,
    /// <summary>Committee work on the unit: tree changes, groups, rule sets, registers. Committee staff at or above it.</summary>
    Manage,
    /// <summary>A step that is this unit's own (its vote, self-assessment, proposal, report): accounts acting for the unit itself.</summary>
    Own,
}

/// <summary>
/// The access rule of a unit and of every record that is addressed through it (<c>units/{id}/…</c>). An account
/// that cannot see the unit gets 404, as if it did not exist.
/// </summary>
public class UnitAccess(AppDbContext db, UserScope scope) : IDatedAccessRule<UnitNeed>
{
    public async Task<Access> ForAsync(int id, UnitNeed need, CancellationToken ct = default)
    {
        if (!await db.Units.AnyAsync(u => u.Id == id, ct) || !await scope.CanSeeUnitAsync(id, null, ct)) return Access.Hidden;
        return need switch
        {
            UnitNeed.See => Access.Allow,
            UnitNeed.Run => Access.When(scope.CanManageCells, "Chỉ bí thư chi bộ hoặc cán bộ cấp ủy phụ trách mới cập nhật được dữ liệu của đơn vị này."),
            UnitNeed.Manage => Access.When(scope.IsStaff, "Chỉ cán bộ cấp ủy (ban tổ chức, văn phòng) mới thực hiện được thao tác này."),
            UnitNeed.Own => Access.When(scope.ActsFor(id), "Bước này do chính đơn vị thực hiện (bí thư chi bộ hoặc cán bộ của cấp ủy đó), không do cấp khác làm thay."),
            _ => Access.Hidden,
        };
    }

    /// <summary>Same rule on a date (a record of a past tree): visible if the unit was in scope then, or is now.</summary>
    public async Task<Access> OnAsync(int id, DateOnly date, UnitNeed need, CancellationToken ct = default)
    {
        if (!await db.Units.AnyAsync(u => u.Id == id, ct) || !await scope.CanSeeUnitAsync(id, date, ct)) return Access.Hidden;
        return need == UnitNeed.See ? Access.Allow : await ForAsync(id, need, ct);
    }
}
