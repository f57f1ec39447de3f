using ChiBo.Features.Shared;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Pages.Admin;

[Authorize(Roles = Roles.Admin)]
[AuditReader]
public class AuditModel(AppDbContext db, UserScope scope) : PageModel
{
    public List<AuditEntry> Entries { get; private set; } = [];
    public int PageNo { get; private set; }
    public string? Entity { get; private set; }

    public async Task OnGetAsync(string? entity, int? p)
    {
        PageNo = Math.Max(1, p ?? 1);
        Entity = string.IsNullOrWhiteSpace(entity) ? null : entity;
        Entries = await AuditApi.PageAsync(db, scope, Entity, null, PageNo);
    }

    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VnTime.Zone);
}
