using ChiBo.Features.Shared;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Plans;

/// <summary>Which cells of a node sent their annual thematic plan: on time, late, approved, returned, missing.</summary>
[Require<UnitAccess, UnitNeed>(UnitNeed.See, "unitId")]
public class OverviewModel(AppDbContext db, UserScope scope, PlanService plans) : PageModel
{
    public UnitDto Unit { get; private set; } = null!;
    public PlanOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] int unitId, int? year)
    {
        var unit = await db.AsDtos(db.Units.Where(u => u.Id == unitId), scope.Today).FirstOrDefaultAsync();
        if (unit is null) return NotFound();
        Unit = unit;
        Overview = await plans.OverviewAsync(unitId, PageInput.Year(year ?? scope.Today.Year));
        return Page();
    }
}
