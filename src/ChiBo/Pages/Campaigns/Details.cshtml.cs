using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Campaigns;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Campaigns;

/// <summary>A campaign seen from a node: completeness and timeliness per level and per child (worst first), each unit's report.</summary>
[Require<CampaignAccess, CampaignNeed>(CampaignNeed.Read)]
public class DetailsModel(AppDbContext db, UserScope scope, UnitAccess units, CampaignService campaigns) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;
    public UnitDto Node { get; private set; } = null!;
    public Completeness Completeness { get; private set; } = null!;
    public DateOnly AsOf { get; private set; }
    /// <summary>The account's own unit, when it must report in this campaign: where to start or open its report.</summary>
    public UnitStanding? Mine { get; private set; }
    /// <summary>The account drafts for its own unit (its secretary or staff), so it may start the report.</summary>
    public bool CanStart { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? node, string? date)
    {
        // The node is optional (the account's own unit by default), so it is checked here, by the unit rule.
        if (node is { } n && !(await units.ForAsync(n, UnitNeed.See)).Allowed) return NotFound();
        await LoadAsync(id, node ?? scope.RootUnitId, date);
        return Page();
    }

    async Task LoadAsync(int id, int nodeId, string? date)
    {
        var c = (await campaigns.FindAsync(id))!;
        Campaign = c;
        AsOf = Dates.TryParseVn(date, out var d) && d >= InputChecks.MinDate && d <= InputChecks.MaxDate ? d : scope.Today;
        Node = (await db.AsDtos(db.Units.Where(u => u.Id == nodeId), c.Levels.Max(l => l.Deadline)).FirstAsync())!;
        Completeness = await campaigns.CompletenessAsync(id, nodeId, AsOf);
        Mine = (await campaigns.CompletenessAsync(id, scope.RootUnitId, AsOf)).Units.FirstOrDefault(u => u.UnitId == scope.RootUnitId);
        if (Mine is null && scope.RootUnitId == c.OwnerUnitId)
        {
            // The organizing committee's own report: it compiles the top level and ends in the conclusion.
            var own = await db.CampaignReports.Where(r => r.CampaignId == id && r.UnitId == c.OwnerUnitId).Select(r => new { r.Id, r.Status }).FirstOrDefaultAsync();
            Mine = new UnitStanding(c.OwnerUnitId, "", 0, own?.Id, own?.Status, false, null, null);
        }
        CanStart = Mine is not null && (await units.ForAsync(scope.RootUnitId, UnitNeed.Run)).Allowed;
    }

    [Require<CampaignAccess, CampaignNeed>(CampaignNeed.Read)]
    [Require<UnitAccess, UnitNeed>(UnitNeed.Run, "unitId")]
    public async Task<IActionResult> OnPostStartAsync(int id, int unitId)
    {
        var r = await campaigns.StartReportAsync(id, unitId);
        if (r.Ok) return Redirect($"/CampaignReports/{r.Value!.Id}");
        db.ChangeTracker.Clear();
        await LoadAsync(id, scope.RootUnitId, null);
        Error = r.Error;
        return Page();
    }
}
