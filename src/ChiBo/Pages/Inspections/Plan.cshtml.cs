using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Inspections;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Inspections;

/// <summary>A committee's inspection plans of a year and their inspections; for a cell, the inspections made of it.</summary>
[Require<UnitAccess, UnitNeed>(UnitNeed.See, "unitId")]
public class PlanModel(AppDbContext db, UserScope scope, InspectionService svc) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public UnitDto Unit { get; private set; } = null!;
    public List<InspectionPlanDto> Plans { get; private set; } = [];
    public List<InspectionListItem> OfCell { get; private set; } = [];
    public List<UnitDto> Cells { get; private set; } = [];
    public bool CanInspect { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }
    /// <summary>Which plan's form the error belongs to.</summary>
    public int? ErrorPlanId { get; private set; }
    public int Y => Year ?? scope.Today.Year;

    async Task LoadAsync(int unitId)
    {
        var today = scope.Today;
        Unit = await db.AsDtos(db.Units.Where(u => u.Id == unitId), today).FirstAsync();
        Plans = await InspectionQueries.PlansAsync(db, unitId, Y, today);
        if (Unit.IsCell) OfCell = (await InspectionQueries.ListAsync(db, unitId, Y, today)).Where(i => i.CellId == unitId).ToList();
        CanInspect = !Unit.IsCell && scope.CanInspect(unitId);
        if (CanInspect)
        {
            var subtree = db.SubtreeIds(unitId, today);
            Cells = (await db.AsDtos(db.Units.Where(u => subtree.Contains(u.Id) && u.UnitType!.IsCell), today).ToListAsync())
                .OrderBy(c => c.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ToList();
        }
    }

    public async Task<IActionResult> OnGetAsync(int unitId)
    {
        await LoadAsync(unitId);
        return Page();
    }

    async Task<IActionResult> After<T>(int unitId, Outcome<T> r, int? planId = null)
    {
        if (r.Ok) return Redirect($"/Units/{unitId}/Inspections?year={Y}");
        (Error, ErrorField, ErrorPlanId) = (r.Error, r.Field, planId);
        await LoadAsync(unitId);
        return Page();
    }

    // The committee's own staff keep its plans (UnitNeed.Own); a plan in a form field must be one of this unit's.
    [Require<UnitAccess, UnitNeed>(UnitNeed.Own, "unitId")]
    public async Task<IActionResult> OnPostPlanAsync(int unitId, InspectingBody body, string? title, int? version) =>
        await After(unitId, await svc.SavePlanAsync(unitId, Y, new PlanInput(body, title ?? "", version)));

    [Require<UnitAccess, UnitNeed>(UnitNeed.Own, "unitId")]
    public async Task<IActionResult> OnPostApproveAsync(int unitId, int planId, int version)
    {
        if (!await db.InspectionPlans.AnyAsync(p => p.Id == planId && p.UnitId == unitId)) return NotFound();
        return await After(unitId, await svc.ApprovePlanAsync(planId, version), planId);
    }

    [Require<UnitAccess, UnitNeed>(UnitNeed.Own, "unitId")]
    public async Task<IActionResult> OnPostAddAsync(int unitId, int planId, int cellId, int plannedMonth, InspectionKind kind, string? subject, string? periodFrom, string? periodTo)
    {
        if (!await db.InspectionPlans.AnyAsync(p => p.Id == planId && p.UnitId == unitId)) return NotFound();
        DateOnly? from = Dates.TryParseVn(periodFrom, out var f) ? f : null, to = Dates.TryParseVn(periodTo, out var t) ? t : null;
        if (!string.IsNullOrWhiteSpace(periodFrom) && from is null) return await After(unitId, Outcome<Inspection>.Fail("periodFrom", "Ngày bắt đầu ghi dạng dd/MM/yyyy."), planId);
        if (!string.IsNullOrWhiteSpace(periodTo) && to is null) return await After(unitId, Outcome<Inspection>.Fail("periodTo", "Ngày kết thúc ghi dạng dd/MM/yyyy."), planId);
        return await After(unitId, await svc.AddAsync(planId, new InspectionInput(cellId, plannedMonth, kind, subject ?? "", from, to)), planId);
    }
}
