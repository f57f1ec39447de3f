using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Campaigns;
using ChiBo.Features.Meetings;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Campaigns;

/// <summary>A campaign seen from a node: completeness and timeliness per level and per child (worst first), each unit's report.</summary>
[Require<CampaignAccess, CampaignNeed>(CampaignNeed.Read)]
public class DetailsModel(AppDbContext db, UserScope scope, CampaignService campaigns) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;
    public UnitDto Node { get; private set; } = null!;
    public Completeness Completeness { get; private set; } = null!;
    public DateOnly AsOf { get; private set; }
    /// <summary>The account's own unit, when it must report in this campaign: where to start or open its report.</summary>
    public UnitStanding? Mine { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? node, string? date)
    {
        var c = await campaigns.FindAsync(id);
        if (c is null) return NotFound();
        Campaign = c;
        var nodeId = node ?? scope.RootUnitId;
        if (!await scope.CanSeeUnitAsync(nodeId)) return Forbid();
        AsOf = Dates.TryParseVn(date, out var d) ? d : scope.Today;
        Node = (await db.AsDtos(db.Units.Where(u => u.Id == nodeId), c.Levels.Max(l => l.Deadline)).FirstOrDefaultAsync())!;
        Completeness = await campaigns.CompletenessAsync(id, nodeId, AsOf);
        Mine = (await campaigns.CompletenessAsync(id, scope.RootUnitId, AsOf)).Units.FirstOrDefault(u => u.UnitId == scope.RootUnitId);
        if (Mine is null && scope.RootUnitId == c.OwnerUnitId)
        {
            // The organizing committee's own report: it compiles the top level and ends in the conclusion.
            var own = await db.CampaignReports.Where(r => r.CampaignId == id && r.UnitId == c.OwnerUnitId).Select(r => new { r.Id, r.Status }).FirstOrDefaultAsync();
            Mine = new UnitStanding(c.OwnerUnitId, "", 0, own?.Id, own?.Status, false, null, null);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(int id, int unitId)
    {
        if (!await scope.CanRunAsync(unitId)) return Forbid();
        var r = await campaigns.StartReportAsync(id, unitId);
        return r.Ok ? Redirect($"/CampaignReports/{r.Value!.Id}") : await OnGetAsync(id, null, null);
    }
}
