using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChiBo.Features.Accounts;

/// <summary>Account administration: staff of a node, for accounts inside its subtree, with roles no higher than their own.</summary>
public static class AccountsApi
{
    public static RouteGroupBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/accounts").WithTags("Quản lý tài khoản").RequireAuthorization();

        group.MapGet("", async Task<Results<Ok<List<AccountDto>>, ProblemHttpResult>> (int? unitId, AccountAdmin admin, UserScope scope) =>
            scope.IsStaff ? TypedResults.Ok(await admin.ListAsync(unitId ?? scope.RootUnitId))
                : Problems.Forbidden("Chỉ quản trị hệ thống hoặc cán bộ cấp ủy mới quản lý được tài khoản."))
            .RequireQuery<UnitAccess, UnitNeed>(UnitNeed.Manage, "unitId");

        group.MapPost("", async Task<Results<Created<IssuedPassword>, ValidationProblem, ProblemHttpResult>> (NewAccount req, AccountAdmin admin) =>
        {
            var r = await admin.CreateAsync(req);
            if (r.Field == AccountAdmin.ForbiddenField) return Problems.Forbidden(r.Error);
            return r.Ok ? TypedResults.Created($"/api/v1/accounts/{r.Value!.Id}", r.Value) : r.ToProblem();
        }).Require<UnitAccess, UnitNeed, NewAccount>(UnitNeed.Manage, r => r.UnitId, "body unitId");

        group.MapPost("/{id}/disable", (string id, AccountAdmin admin) => Change(id, admin, a => admin.DisableAsync(a)))
            .RuleInHandler("AccountAdmin.FindAsync: the account's node in the actor's subtree, roles no higher");
        group.MapPost("/{id}/enable", (string id, AccountAdmin admin) => Change(id, admin, a => admin.EnableAsync(a)))
            .RuleInHandler("AccountAdmin.FindAsync: the account's node in the actor's subtree, roles no higher");

        group.MapPost("/{id}/reset-password", async Task<Results<Ok<IssuedPassword>, ValidationProblem, ProblemHttpResult>> (string id, AccountAdmin admin) =>
        {
            var (user, access) = await admin.FindAsync(id);
            if (user is null) return access.ToProblem();
            var r = await admin.ResetAsync(user);
            return r.Ok ? TypedResults.Ok(r.Value!) : r.ToProblem();
        }).RuleInHandler("AccountAdmin.FindAsync: the account's node in the actor's subtree, roles no higher");

        app.MapPost("/api/v1/units/{id:int}/accounts/provision", async Task<Ok<List<IssuedPassword>>> (int id, Provisioning p) =>
                TypedResults.Ok(await p.RunAsync(id)))
            .WithTags("Quản lý tài khoản").RequireAuthorization().Require<UnitAccess, UnitNeed>(UnitNeed.Manage);
        app.MapPost("/api/v1/units/{id:int}/accounts/provision.xlsx", async Task<FileContentHttpResult> (int id, Provisioning p) =>
                TypedResults.File(Tables.Xlsx(Provisioning.Rows(await p.RunAsync(id)), "Tài khoản"), Tables.XlsxType, $"tai-khoan-{id}.xlsx"))
            .WithTags("Quản lý tài khoản").RequireAuthorization().Require<UnitAccess, UnitNeed>(UnitNeed.Manage);
        return group;
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Change(string id, AccountAdmin admin, Func<AppUser, Task> change)
    {
        var (user, access) = await admin.FindAsync(id);
        if (user is null) return access.ToProblem();
        await change(user);
        return TypedResults.NoContent();
    }
}
