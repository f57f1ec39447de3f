using ChiBo.Features.Shared;
using System.Security.Claims;
using ChiBo.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Accounts;

public static class AuthApi
{
    public record LoginRequest(string UserName, string Password);
    public record ChangePasswordRequest(string CurrentPassword, string NewPassword);
    public record MeDto(string UserName, string FullName, int UnitId, string UnitName, int? MemberId, string[] Roles);

    public static RouteGroupBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Tài khoản");

        // Answers the bearer handler's JSON: { tokenType, accessToken, expiresIn, refreshToken }.
        group.MapPost("/login", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (LoginRequest req, SignInManager<AppUser> signIn) =>
        {
            var user = await signIn.UserManager.FindByNameAsync(req.UserName ?? "");
            if (user is null) return TypedResults.Problem("Tên đăng nhập hoặc mật khẩu không đúng.", statusCode: 401, title: "Đăng nhập không thành công");
            var check = await signIn.CheckPasswordSignInAsync(user, req.Password ?? "", lockoutOnFailure: true);
            if (check.IsLockedOut && user.LockoutEnd >= AccountAdmin.DisabledUntil.AddYears(-1))
                return TypedResults.Problem("Tài khoản đã ngừng sử dụng. Hãy liên hệ cán bộ cấp ủy quản lý tài khoản.", statusCode: 403, title: "Tài khoản ngừng sử dụng");
            if (check.IsLockedOut)
                return TypedResults.Problem("Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Hãy thử lại sau 15 phút.", statusCode: 423, title: "Tài khoản bị khóa");
            if (!check.Succeeded) return TypedResults.Problem("Tên đăng nhập hoặc mật khẩu không đúng.", statusCode: 401, title: "Đăng nhập không thành công");
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            await signIn.SignInAsync(user, isPersistent: false);
            return TypedResults.Empty;
        }).AllowAnonymous().OwnRecordsOnly("signing in");

        group.MapGet("/me", async Task<Ok<MeDto>> (ClaimsPrincipal principal, UserScope scope, AppDbContext db) =>
        {
            var unitName = await db.Units.Where(u => u.Id == scope.RootUnitId).Select(u => u.Name).FirstOrDefaultAsync() ?? "";
            return TypedResults.Ok(new MeDto(scope.Name, principal.FindFirstValue("chibo:fullname") ?? "", scope.RootUnitId, unitName,
                scope.MemberId, principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray()));
        }).RequireAuthorization().OwnRecordsOnly("the signed-in account itself");

        group.MapPost("/change-password", async Task<Results<NoContent, ValidationProblem>> (ChangePasswordRequest req, ClaimsPrincipal principal, UserManager<AppUser> users) =>
        {
            var user = await users.GetUserAsync(principal);
            if (user is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = ["Không tìm thấy tài khoản."] });
            // Cleared in the same update as the new hash: a failed change leaves the one-time password in force.
            user.MustChangePassword = false;
            var result = await users.ChangePasswordAsync(user, req.CurrentPassword ?? "", req.NewPassword ?? "");
            return result.Succeeded ? TypedResults.NoContent()
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = result.Errors.Select(e => e.Description).ToArray() }, title: "Không đổi được mật khẩu");
        }).RequireAuthorization().OwnRecordsOnly("the signed-in account's own password");

        return group;
    }
}
