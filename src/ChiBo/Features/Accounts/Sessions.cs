using System.Security.Claims;
using ChiBo.Data;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChiBo.Features.Accounts;

/// <summary>
/// A session (cookie or bearer token) is only as good as the account behind it, checked on every request: a
/// password change or reset (which renews the security stamp), a lockout or a disabled account ends every
/// session of that account at once. Cookie-carried API writes must also carry the antiforgery token, so another
/// site cannot write through a signed-in browser; API clients use bearer tokens.
/// </summary>
public static class Sessions
{
    public static IApplicationBuilder UseSessionChecks(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true && !await StillValidAsync(http))
        {
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                await TypedResults.Problem("Phiên đăng nhập đã hết hiệu lực (mật khẩu đã đổi, tài khoản bị khóa hoặc ngừng sử dụng). Hãy đăng nhập lại.",
                    statusCode: 401, title: Problems.Title(401)).ExecuteAsync(http);
                return;
            }
            http.Response.Redirect("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
            return;
        }
        if (http.Items.ContainsKey(MustChangeKey) && !MayPassBeforeChange(http.Request.Path))
        {
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                await TypedResults.Problem("Tài khoản đang dùng mật khẩu một lần: hãy đổi mật khẩu (POST /api/v1/auth/change-password) trước khi làm việc.",
                    statusCode: 403, title: Problems.Title(403)).ExecuteAsync(http);
                return;
            }
            http.Response.Redirect("/Account/ChangePassword");
            return;
        }
        if (http.Request.Path.StartsWithSegments("/api") && !IsSafe(http.Request.Method) && http.User.Identity?.IsAuthenticated == true
            && !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            await TypedResults.Problem("Ghi dữ liệu qua API bằng cookie đăng nhập phải kèm mã chống giả mạo (header RequestVerificationToken); ứng dụng ngoài hãy dùng mã truy cập Bearer.",
                statusCode: 403, title: Problems.Title(403)).ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    const string MustChangeKey = "chibo.mustChangePassword";

    /// <summary>What an account with a one-time password may still reach: changing it, signing out, itself, static files.</summary>
    static bool MayPassBeforeChange(PathString path) =>
        path.StartsWithSegments("/Account") || path.StartsWithSegments("/api/v1/auth")
        || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/lib") || path.StartsWithSegments("/favicon.ico");

    static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    static async Task<bool> StillValidAsync(HttpContext http)
    {
        var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var stampType = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = http.User.FindFirstValue(stampType);
        if (id is null || stamp is null) return false;
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd, u.MustChangePassword }).FirstOrDefaultAsync(http.RequestAborted);
        if (user?.MustChangePassword == true) http.Items[MustChangeKey] = true;
        var valid = user is not null && user.SecurityStamp == stamp && !(user.LockoutEnd is { } end && end > now);
        if (valid) await DropEndedSecretaryAsync(http, db, now);
        return valid;
    }

    /// <summary>
    /// A secretary's account holds the role while the member holds the post: when the cell's Bí thư position of the
    /// account's member has ended (and no other is open today), the role is taken off this request's principal, so the
    /// replaced secretary loses it on that date without anyone editing the account. An account whose member never held
    /// the post keeps the role it was given.
    /// </summary>
    static async Task DropEndedSecretaryAsync(HttpContext http, AppDbContext db, DateTimeOffset now)
    {
        if (!http.User.IsInRole(Roles.CellSecretary) || !int.TryParse(http.User.FindFirstValue(UserScope.MemberClaim), out var member)) return;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, VnTime.Zone).DateTime);
        var posts = await db.MemberPositions.Where(p => p.MemberId == member && p.Position == Members.Position.Secretary)
            .Select(p => new { p.From, p.To }).ToListAsync(http.RequestAborted);
        if (posts.Count == 0 || posts.Any(p => p.From <= today && (p.To == null || p.To > today))) return;
        var identities = http.User.Identities.Select(i =>
        {
            var copy = i.Clone();
            foreach (var c in copy.FindAll(c => c.Type == copy.RoleClaimType && c.Value == Roles.CellSecretary).ToList()) copy.RemoveClaim(c);
            return copy;
        });
        http.User = new ClaimsPrincipal(identities);
    }
}
