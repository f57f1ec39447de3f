using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using ChiBo.Features.Accounts;
using ChiBo.Features.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Pages.Schedules;

/// <summary>A grassroots committee's month: its cells' meeting schedule, built from their planned meetings, and sending it upward.</summary>
[Require<UnitAccess, UnitNeed>(UnitNeed.See, "unitId")]
public class IndexModel(UserScope scope, ScheduleService schedules) : PageModel
{
    public ScheduleView View { get; private set; } = null!;
    public bool CanSend => scope.IsStaff;
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(int unitId, int? year, int? month, string? done)
    {
        if (!scope.CanManageCells || !await scope.CanSeeUnitAsync(unitId)) return Forbid();
        Done = done;
        View = await schedules.ViewAsync(unitId, year ?? scope.Today.Year, month ?? scope.Today.Month);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int unitId, int year, int month, string? note)
    {
        if (!scope.IsStaff || !await scope.CanSeeUnitAsync(unitId)) return Forbid();
        var r = await schedules.SendAsync(unitId, year, month, note);
        if (r.Ok) return Redirect($"/Units/{unitId}/Schedule?year={year}&month={month}&done={Uri.EscapeDataString("Đã gửi lịch sinh hoạt.")}");
        Error = r.Error;
        View = await schedules.ViewAsync(unitId, year, month);
        return Page();
    }
}
