using System.Security.Claims;
using ChiBo.Data;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Accounts;

/// <summary>
/// Where the signed-in account stands in the tree and what it may see. Every page and endpoint asks
/// this before reading or writing a unit or a member: an account sees its node's subtree only.
/// </summary>
public class UserScope(IHttpContextAccessor http, AppDbContext db, TimeProvider clock)
{
    public const string UnitClaim = "chibo:unit";
    public const string MemberClaim = "chibo:member";

    ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => User.Identity?.IsAuthenticated == true;
    public string? UserName => User.Identity?.Name;
    public string Name => User.Identity?.Name ?? "";
    public int RootUnitId => int.TryParse(User.FindFirstValue(UnitClaim), out var id) ? id : 0;
    public int? MemberId => int.TryParse(User.FindFirstValue(MemberClaim), out var id) ? id : null;
    public bool IsInRole(string role) => User.IsInRole(role);
    public bool IsAdmin => IsInRole(Roles.Admin);
    public bool IsStaff => IsAdmin || IsInRole(Roles.CommitteeStaff);
    public bool CanManageCells => IsStaff || IsInRole(Roles.CellSecretary);
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), VnTime.Zone).DateTime);

    /// <summary>A monitoring group member with no committee or cell role: they see what their groups cover, not their node's subtree.</summary>
    public bool IsMonitoringOnly => IsInRole(Roles.MonitoringMember) && !IsStaff && !IsInRole(Roles.CellSecretary);

    /// <summary>
    /// The account acts for this unit itself: committee staff attached to it, or the secretary of this cell. Each step of
    /// a multi-level process (a cell's vote, a self-assessment, a proposal; the level above's decision, confirmation,
    /// recognition) belongs to one unit, and only accounts acting for that unit take it: not a level that skips one, not
    /// the level that judges the step below, not a system administrator (who keeps the data, not the party's work).
    /// </summary>
    public bool ActsFor(int unitId) => unitId != 0 && RootUnitId == unitId && (IsInRole(Roles.CommitteeStaff) || IsInRole(Roles.CellSecretary));

    /// <summary>
    /// A unit is visible when it is inside the account's subtree on the date asked about, or today:
    /// the committee that now holds a merged cell also holds that cell's past records. A monitoring-only account
    /// sees the units its groups cover (on that date or today) and its own cell.
    /// </summary>
    public async Task<bool> CanSeeUnitAsync(int unitId, DateOnly? date = null, CancellationToken ct = default)
    {
        if (!IsAuthenticated || RootUnitId == 0) return false;
        var today = Today;
        var d = date ?? today;
        // A unit that has ended is judged on its last day, so its records stay with whoever held it.
        var end = await db.Units.Where(u => u.Id == unitId).Select(u => u.EffectiveTo).FirstOrDefaultAsync(ct);
        var last = end is { } e && e <= today ? e.AddDays(-1) : today;
        if (IsMonitoringOnly) return await CoversAsync(unitId, d, ct) || (d != last && await CoversAsync(unitId, last, ct)) || await IsOwnCellAsync(unitId, d, ct);
        return await db.UnitClosures.Where(c => c.AncestorId == RootUnitId && c.DescendantId == unitId)
            .AnyAsync(c => (c.ValidFrom <= d && (c.ValidTo == null || c.ValidTo > d))
                        || (c.ValidFrom <= last && (c.ValidTo == null || c.ValidTo > last)), ct);
    }

    /// <summary>One of the account's monitoring groups covers the unit (or an ancestor of it) on the date.</summary>
    public async Task<bool> CoversAsync(int unitId, DateOnly date, CancellationToken ct = default)
    {
        var me = UserId;
        if (me is null) return false;
        var covered = from gm in db.MonitoringGroupMembers
                      where gm.UserId == me && gm.From <= date && (gm.To == null || gm.To > date)
                      join g in db.MonitoringGroups on gm.GroupId equals g.Id
                      where g.From <= date && (g.To == null || g.To > date)
                      join cov in db.MonitoringCoverages on g.Id equals cov.GroupId
                      where cov.From <= date && (cov.To == null || cov.To > date)
                      select cov.UnitId;
        return await db.UnitClosures.ValidOn(date).AnyAsync(c => c.DescendantId == unitId && covered.Contains(c.AncestorId), ct);
    }

    async Task<bool> IsOwnCellAsync(int unitId, DateOnly date, CancellationToken ct) =>
        MemberId is { } m && await db.Memberships.AnyAsync(ms => ms.MemberId == m && ms.UnitId == unitId && ms.From <= date && (ms.To == null || ms.To > date), ct);

    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>A member is visible when one of their memberships was in a visible unit (or it is the member themself).</summary>
    public async Task<bool> CanSeeMemberAsync(int memberId, CancellationToken ct = default)
    {
        if (!IsAuthenticated) return false;
        if (MemberId == memberId) return true;
        var today = Today;
        if (IsMonitoringOnly)
        {
            var cells = await db.Memberships.Where(ms => ms.MemberId == memberId).Select(ms => new { ms.UnitId, ms.From, ms.To }).ToListAsync(ct);
            foreach (var c in cells)
                if (await CoversAsync(c.UnitId, c.To is { } to && to <= today ? to.AddDays(-1) : today, ct)) return true;
            return false;
        }
        var root = RootUnitId;
        return await (from ms in db.Memberships
                      where ms.MemberId == memberId
                      join c in db.UnitClosures on ms.UnitId equals c.DescendantId
                      where c.AncestorId == root
                         && c.ValidFrom <= (ms.To ?? today) && (c.ValidTo == null || c.ValidTo > ms.From)
                      select ms.Id).AnyAsync(ct);
    }

    /// <summary>
    /// Citizen ID, phone and party card number: for administrators and committee staff, and a cell secretary, while the
    /// member is on a roll inside their scope today (not the members who left it), and every member for their own record.
    /// Monitoring group members and ordinary members never see others' personal data.
    /// </summary>
    public async Task<bool> CanSeePersonalDataAsync(int memberId, CancellationToken ct = default)
    {
        if (MemberId == memberId) return true;
        if (!(IsStaff || IsInRole(Roles.CellSecretary))) return false;
        var today = Today;
        var root = RootUnitId;
        return await (from ms in db.Memberships
                      where ms.MemberId == memberId && ms.From <= today && (ms.To == null || ms.To > today)
                      join c in db.UnitClosures on ms.UnitId equals c.DescendantId
                      where c.AncestorId == root && c.ValidFrom <= today && (c.ValidTo == null || c.ValidTo > today)
                      select ms.Id).AnyAsync(ct);
    }

    /// <summary>Who may change units and members under the account's node.</summary>
    public async Task<bool> CanEditUnitAsync(int unitId, CancellationToken ct = default) =>
        CanManageCells && await CanSeeUnitAsync(unitId, null, ct);
}

public static class VnTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>The day in Viet Nam of a stored UTC moment: deadlines ("trước ngày 05/02") are Vietnamese calendar days.</summary>
    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>A stored UTC moment as pages and documents show it: "HH:mm dd/MM/yyyy", Viet Nam time.</summary>
    public static string Stamp(DateTime? utc) =>
        utc is { } u ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(u, DateTimeKind.Utc), Zone).ToString("HH:mm dd/MM/yyyy") : "";
}
