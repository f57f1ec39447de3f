using ChiBo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Members;

public enum RollStatus { Official, Probationary, Exempt, SpecialDuty }

public record RollEntry(int MemberId, string FullName, DateOnly? DateOfBirth, Sex Sex, RollStatus Status, string? Position);

/// <summary>
/// A cell's roll (danh sách đảng viên) on a date, derived from membership, status dates,
/// exemptions and positions: never stored, so transfers and corrections are always reflected.
/// </summary>
public static class Roll
{
    public static async Task<List<RollEntry>> OnAsync(AppDbContext db, int unitId, DateOnly date, CancellationToken ct = default)
    {
        var rows = await (
            from ms in db.Memberships
            where ms.UnitId == unitId && ms.From <= date && (ms.To == null || ms.To > date)
            join m in db.Members on ms.MemberId equals m.Id
            where m.AdmittedOn <= date && (m.LeftOn == null || m.LeftOn > date)
            orderby m.SortKey
            select new
            {
                m.Id, m.FullName, m.DateOfBirth, m.Sex, m.OfficialOn,
                Exemption = db.Exemptions.Where(e => e.MemberId == m.Id && e.From <= date && (e.To == null || e.To > date))
                    .Select(e => (ExemptionKind?)e.Kind).FirstOrDefault(),
                Position = db.MemberPositions.Where(p => p.MemberId == m.Id && p.UnitId == unitId && p.From <= date && (p.To == null || p.To > date))
                    .Select(p => (Position?)p.Position).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.Select(r => new RollEntry(r.Id, r.FullName, r.DateOfBirth, r.Sex,
            r.Exemption switch
            {
                ExemptionKind.Exempt => RollStatus.Exempt,
                ExemptionKind.SpecialDuty => RollStatus.SpecialDuty,
                _ => r.OfficialOn is { } o && o <= date ? RollStatus.Official : RollStatus.Probationary,
            },
            r.Position?.Vietnamese())).ToList();
    }

    public static string Vietnamese(this RollStatus s) => s switch
    {
        RollStatus.Official => "Chính thức",
        RollStatus.Probationary => "Dự bị",
        RollStatus.Exempt => "Miễn sinh hoạt",
        _ => "Nhiệm vụ đặc biệt",
    };

    /// <summary>The cell a member belongs to on a date, if any.</summary>
    public static Task<int?> CellOfAsync(AppDbContext db, int memberId, DateOnly date, CancellationToken ct = default) =>
        db.Memberships.Where(ms => ms.MemberId == memberId && ms.From <= date && (ms.To == null || ms.To > date))
            .Select(ms => (int?)ms.UnitId).FirstOrDefaultAsync(ct);
}
