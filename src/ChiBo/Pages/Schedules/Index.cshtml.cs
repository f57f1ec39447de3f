using ChiBo.Features.Accounts;
using ChiBo.Features.Monitoring;
using ChiBo.Features.Organization;
using ChiBo.Features.Plans;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Pages.Schedules;

/// <summary>A grassroots committee's month: its cells' meeting schedule, built from their planned meetings, and sending it upward.</summary>
[Require<UnitAccess, UnitNeed>(UnitNeed.Run, "unitId")]
public class IndexModel(UserScope scope, UnitAccess units, ScheduleService schedules) : PageModel
{
    public ScheduleView View { get; private set; } = null!;
    /// <summary>Staff acting for this committee itself send its schedule.</summary>
    public bool CanSend { get; private set; }
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    async Task LoadAsync(int unitId, int year, int month)
    {
        View = await schedules.ViewAsync(unitId, PageInput.Year(year), PageInput.Month(month));
        CanSend = (await units.ForAsync(unitId, UnitNeed.Manage)).Allowed && (await units.ForAsync(unitId, UnitNeed.Own)).Allowed;
    }

    public async Task<IActionResult> OnGetAsync([FromRoute] int unitId, int? year, int? month, string? done)
    {
        Done = done;
        await LoadAsync(unitId, year ?? scope.Today.Year, month ?? scope.Today.Month);
        return Page();
    }

    [Require<UnitAccess, UnitNeed>(UnitNeed.Manage, "unitId"), Require<UnitAccess, UnitNeed>(UnitNeed.Own, "unitId")]
    public async Task<IActionResult> OnPostAsync([FromRoute] int unitId, int year, int month, string? note)
    {
        var r = await schedules.SendAsync(unitId, PageInput.Year(year), PageInput.Month(month), note);
        if (r.Ok) return Redirect($"/Units/{unitId}/Schedule?year={year}&month={month}&done={Uri.EscapeDataString("Đã gửi lịch sinh hoạt.")}");
        Error = r.Error;
        await LoadAsync(unitId, year, month);
        return Page();
    }
}
