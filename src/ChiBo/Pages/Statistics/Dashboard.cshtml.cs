using ChiBo.Features.Organization;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Shared;
using ChiBo.Features.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Statistics;

/// <summary>"How are cell meetings going?" for any node in scope: totals, the months, the units below it worst first, drill-down.</summary>
[Require<DashboardAccess, UnitNeed>(UnitNeed.See)]
public class DashboardModel(AppDbContext db, UserScope scope, ChiBo.Features.Reminders.DueList due, ChiBo.Features.Campaigns.CampaignService campaigns,
    ChiBo.Features.Campaigns.CampaignAccess campaignAccess) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    public DashboardDto Data { get; private set; } = null!;
    public string? Error { get; private set; }
    /// <summary>Open deadlines of the node itself (a cell's meetings and plan, a committee's reviews and schedules) on the period's last day.</summary>
    public List<ChiBo.Features.Reminders.DueItem> Due { get; private set; } = [];
    /// <summary>Campaigns run at or above the node, with its completeness per level.</summary>
    public List<(ChiBo.Features.Campaigns.Campaign Campaign, ChiBo.Features.Campaigns.Completeness Completeness)> Campaigns { get; } = [];
    public string Query => $"from={Data.From:yyyy-MM-dd}&to={Data.To:yyyy-MM-dd}";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        DateOnly? f = null, t = null;
        if (!string.IsNullOrWhiteSpace(From)) { if (Dates.TryParseVn(From, out var d)) f = d; else Error = "Từ ngày: ghi dạng dd/MM/yyyy."; }
        if (!string.IsNullOrWhiteSpace(To)) { if (Dates.TryParseVn(To, out var d)) t = d; else Error = "Đến ngày: ghi dạng dd/MM/yyyy."; }
        var (from, to) = Dashboard.Period(scope.Today, f, t);
        // A period that cannot be shown (backwards, or longer than the dashboard reads) falls back to the last twelve months, saying why.
        if (Dashboard.Refuse(from, to) is { } bad) (Error, from, to) = (bad.Message, Dashboard.Period(scope.Today, null, null).From, scope.Today);
        var data = await Dashboard.LoadAsync(db, id, from, to);
        if (data is null) return NotFound();
        Data = data;
        var asOf = to < scope.Today ? to : scope.Today;
        Due = data.IsCell ? await due.CellAsync(id, asOf) : await due.CommitteeAsync(id, asOf);
        var above = db.UnitClosures.Where(c => c.DescendantId == id).Select(c => c.AncestorId);
        // Only the campaigns the account may read (a monitoring-only account reads none).
        foreach (var c in await db.Campaigns.Where(c => above.Contains(c.OwnerUnitId) && c.PeriodTo >= from).OrderByDescending(c => c.PeriodTo).Take(3).ToListAsync())
            if (await campaignAccess.CanReadOwnedByAsync(c.OwnerUnitId))
                Campaigns.Add((c, await campaigns.CompletenessAsync(c.Id, id, asOf)));
        return Page();
    }
}
