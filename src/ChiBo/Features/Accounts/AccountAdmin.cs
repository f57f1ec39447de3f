using System.Security.Cryptography;
using ChiBo.Data;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Accounts;

public record AccountDto(string Id, string UserName, string FullName, int UnitId, string UnitName, int? MemberId, string[] Roles,
    bool Disabled, bool MustChangePassword);
public record NewAccount(string? UserName, int UnitId, string? Role, int? MemberId, string? FullName);
/// <summary>An account just made or reset, with its one-time password: shown once, never stored in clear.</summary>
public record IssuedPassword(string Id, string UserName, string FullName, string UnitName, string Role, string OneTimePassword);

/// <summary>
/// Account administration by staff: only accounts whose node is in the actor's subtree today, and only roles no higher
/// than the actor's own. Changes go through UserManager, so the audit recorder writes who did what (hashes hidden).
/// </summary>
public class AccountAdmin(AppDbContext db, UserManager<AppUser> users, UserScope scope)
{
    /// <summary>Far enough to mean "disabled", distinct from the 15-minute lockout of failed logins.</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    static int Rank(string role) => role switch
    {
        Roles.Admin => 4,
        Roles.CommitteeStaff => 3,
        Roles.CellSecretary or Roles.MonitoringMember => 2,
        Roles.Member => 1,
        _ => int.MaxValue,
    };

    int OwnRank => Roles.All.Where(scope.IsInRole).Select(Rank).DefaultIfEmpty(0).Max();

    public const string ForbiddenField = "role:forbidden";

    public bool MayGrant(string role) => Roles.All.Contains(role) && Rank(role) <= OwnRank;

    public static string RoleTooHigh(string role) =>
        $"Không được cấp vai trò “{Roles.Vietnamese(role)}”: vai trò này cao hơn vai trò của chính tài khoản đang thao tác.";

    public async Task<List<AccountDto>> ListAsync(int nodeId, CancellationToken ct = default)
    {
        var units = TreeQueries.SubtreeIds(db, nodeId, scope.Today);
        var rows = await (from u in db.Users
                          where units.Contains(u.UnitId)
                          join n in db.Units on u.UnitId equals n.Id
                          orderby u.UserName
                          select new { u, UnitName = n.Name }).ToListAsync(ct);
        var ids = rows.Select(r => r.u.Id).ToList();
        var roles = await (from ur in db.UserRoles where ids.Contains(ur.UserId) join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return rows.Select(r => new AccountDto(r.u.Id, r.u.UserName ?? "", r.u.FullName, r.u.UnitId, r.UnitName, r.u.MemberId,
            roles.Where(x => x.UserId == r.u.Id).Select(x => x.Name!).ToArray(), r.u.LockoutEnd is { } e && e >= DisabledUntil.AddYears(-1),
            r.u.MustChangePassword)).ToList();
    }

    /// <summary>The account, when it is one the actor administers: else not found (outside scope) or forbidden (a higher role).</summary>
    public async Task<(AppUser? User, Access Access)> FindAsync(string id, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !scope.IsStaff || !await scope.CanSeeUnitAsync(user.UnitId, null, ct)) return (null, Access.Hidden);
        foreach (var role in await users.GetRolesAsync(user))
            if (!MayGrant(role)) return (null, Access.Forbid($"Tài khoản này có vai trò “{Roles.Vietnamese(role)}” cao hơn vai trò của chính tài khoản đang thao tác."));
        return (user, Access.Allow);
    }

    public async Task<Outcome<IssuedPassword>> CreateAsync(NewAccount req, bool mustChange = true, CancellationToken ct = default)
    {
        var role = req.Role ?? "";
        if (!Roles.All.Contains(role)) return Outcome<IssuedPassword>.Fail("role", "Hãy chọn một vai trò.");
        if (!MayGrant(role)) return Outcome<IssuedPassword>.Fail(AccountAdmin.ForbiddenField, RoleTooHigh(role));
        if (string.IsNullOrWhiteSpace(req.UserName)) return Outcome<IssuedPassword>.Fail("userName", "Hãy nhập tên đăng nhập.");
        var unitName = await db.Units.Where(u => u.Id == req.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        if (unitName is null) return Outcome<IssuedPassword>.Fail("unitId", "Không tìm thấy đơn vị.");
        var fullName = req.FullName?.Trim() ?? "";
        if (req.MemberId is { } memberId)
        {
            // A member's account: the member must be on a roll under the account's node today; the name comes from the roll.
            var today = scope.Today;
            var cells = TreeQueries.SubtreeIds(db, req.UnitId, today);
            var name = await (from ms in db.Memberships
                              where ms.MemberId == memberId && ms.From <= today && (ms.To == null || ms.To > today) && cells.Contains(ms.UnitId)
                              select ms.Member!.FullName).FirstOrDefaultAsync(ct);
            if (name is null) return Outcome<IssuedPassword>.Fail("memberId", "Đảng viên này không có tên trong danh sách đảng viên của đơn vị (hoặc các đơn vị trực thuộc).");
            fullName = name;
        }
        if (fullName.Length == 0) return Outcome<IssuedPassword>.Fail("fullName", "Hãy nhập họ và tên hoặc chọn đảng viên.");
        var user = new AppUser { UserName = req.UserName.Trim(), FullName = fullName, UnitId = req.UnitId, MemberId = req.MemberId, EmailConfirmed = true, MustChangePassword = mustChange };
        var password = OneTimePassword();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return Outcome<IssuedPassword>.Fail(FieldOf(created), string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return Outcome<IssuedPassword>.Success(new IssuedPassword(user.Id, user.UserName, fullName, unitName, role, password));
    }

    static string FieldOf(IdentityResult r) => r.Errors.Any(e => e.Code.Contains("UserName")) ? "userName" : "password";

    /// <summary>Disabled at once: the lockout and a new security stamp end every session on its next request.</summary>
    public async Task DisableAsync(AppUser user)
    {
        user.LockoutEnabled = true;
        user.LockoutEnd = DisabledUntil;
        await users.UpdateSecurityStampAsync(user);
    }

    public async Task EnableAsync(AppUser user)
    {
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await users.UpdateAsync(user);
    }

    public async Task<Outcome<IssuedPassword>> ResetAsync(AppUser user)
    {
        var password = OneTimePassword();
        user.MustChangePassword = true;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var r = await users.ResetPasswordAsync(user, token, password);
        if (!r.Succeeded) return Outcome<IssuedPassword>.Fail("password", string.Join(" ", r.Errors.Select(e => e.Description)));
        var unitName = await db.Units.Where(u => u.Id == user.UnitId).Select(u => u.Name).FirstAsync();
        return Outcome<IssuedPassword>.Success(new IssuedPassword(user.Id, user.UserName!, user.FullName, unitName,
            (await users.GetRolesAsync(user)).FirstOrDefault() ?? "", password));
    }

    /// <summary>Twelve characters with an upper, a lower letter and a digit; no look-alikes (0/O, 1/l/I), as it is read off paper.</summary>
    public static string OneTimePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789", all = upper + lower + digits;
        var chars = new char[12];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
