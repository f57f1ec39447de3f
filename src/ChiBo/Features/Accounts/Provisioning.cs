using ChiBo.Data;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Accounts;

/// <summary>
/// One step for a node: an account for every cell's secretary in office today (from the positions on the roll) and a
/// staff account for every committee, each with a one-time password. Idempotent: a secretary who already has an
/// account (any account of that member) and a committee that already has a staff account get nothing new.
/// </summary>
public class Provisioning(AppDbContext db, AccountAdmin admin, UserScope scope)
{
    public async Task<List<IssuedPassword>> RunAsync(int nodeId, CancellationToken ct = default)
    {
        var today = scope.Today;
        var units = await (from id in TreeQueries.SubtreeIds(db, nodeId, today)
                           join u in db.Units on id equals u.Id
                           where u.EffectiveFrom <= today && (u.EffectiveTo == null || u.EffectiveTo > today)
                           orderby u.Code
                           select new { u.Id, u.Code, u.UnitType!.IsCell }).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var secretaries = await db.MemberPositions
            .Where(p => p.Position == Position.Secretary && ids.Contains(p.UnitId) && p.From <= today && (p.To == null || p.To > today))
            .Select(p => new { p.UnitId, p.MemberId }).ToListAsync(ct);
        var withAccount = (await db.Users.Where(u => u.MemberId != null).Select(u => u.MemberId!.Value).ToListAsync(ct)).ToHashSet();
        var staffed = (await (from u in db.Users
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where r.Name == Roles.CommitteeStaff && ids.Contains(u.UnitId)
                              select u.UnitId).ToListAsync(ct)).ToHashSet();
        var issued = new List<IssuedPassword>();
        foreach (var unit in units)
        {
            if (unit.IsCell)
            {
                foreach (var s in secretaries.Where(s => s.UnitId == unit.Id && !withAccount.Contains(s.MemberId)))
                    if (await MakeAsync("bithu." + unit.Code.ToLowerInvariant(), unit.Id, Roles.CellSecretary, s.MemberId, null, ct) is { } made)
                        issued.Add(made);
            }
            else if (!staffed.Contains(unit.Id) && admin.MayGrant(Roles.CommitteeStaff))
            {
                var name = await db.Units.Where(u => u.Id == unit.Id).Select(u => "Cán bộ " + u.Name).FirstAsync(ct);
                if (await MakeAsync("canbo." + unit.Code.ToLowerInvariant(), unit.Id, Roles.CommitteeStaff, null, name, ct) is { } made)
                    issued.Add(made);
            }
        }
        return issued;
    }

    /// <summary>The code-based user name, or with a number when a former holder of the post keeps that one.</summary>
    async Task<IssuedPassword?> MakeAsync(string userName, int unitId, string role, int? memberId, string? fullName, CancellationToken ct)
    {
        for (var n = 1; n < 20; n++)
        {
            var name = n == 1 ? userName : $"{userName}.{n}";
            if (await db.Users.AnyAsync(u => u.NormalizedUserName == name.ToUpperInvariant(), ct)) continue;
            var r = await admin.CreateAsync(new NewAccount(name, unitId, role, memberId, fullName), mustChange: true, ct);
            return r.Ok ? r.Value : null;
        }
        return null;
    }

    public static List<object?[]> Rows(IEnumerable<IssuedPassword> issued) =>
        [["Tên đăng nhập", "Họ và tên", "Đơn vị", "Vai trò", "Mật khẩu một lần"],
         .. issued.Select(i => new object?[] { i.UserName, i.FullName, i.UnitName, Roles.Vietnamese(i.Role), i.OneTimePassword })];
}
