using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Campaigns;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Campaigns;

/// <summary>The campaigns that concern the account's node, and (for an organization board) a new one with seed 002's three levels as a start.</summary>
[AnyAccount("lists only the campaigns CampaignAccess lets the account read")]
public class IndexModel(AppDbContext db, UserScope scope, CampaignAccess access, CampaignService campaigns) : PageModel
{
    public List<Campaign> Items { get; private set; } = [];
    public bool CanCreate => scope.IsStaff;
    /// <summary>A new campaign is the account's own unit's; the form names it so the declared rule checks it.</summary>
    public int OwnerUnitId => scope.RootUnitId;
    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    async Task LoadAsync() =>
        Items = await access.ReadableAsync(db.Campaigns.Include(c => c.Levels).OrderByDescending(c => c.PeriodTo).AsSplitQuery());

    [Require<UnitAccess, UnitNeed>(UnitNeed.Manage, "ownerUnitId")]
    public async Task<IActionResult> OnPostAsync(int ownerUnitId, string? title, CampaignKind kind, string? implements, string? periodFrom, string? periodTo, string? pivot,
        string? cellDeadline, string? grassrootsDeadline, string? districtDeadline)
    {
        DateOnly D(string? s) => Dates.TryParseVn(s, out var d) ? d : default;
        var levels = new List<LevelInput> { new("Chi bộ", "CHI_BO,CHI_BO_CO_SO", D(cellDeadline), false), new("Đảng bộ cơ sở", "DANG_UY_XA,DANG_BO_CO_SO", D(grassrootsDeadline), true) };
        if (!string.IsNullOrWhiteSpace(districtDeadline)) levels.Add(new("Cấp huyện, đảng ủy trực thuộc", "HUYEN_UY,DANG_UY_TRUC_THUOC", D(districtDeadline), false));
        if (levels.Any(l => l.Deadline == default) || D(periodFrom) == default || D(periodTo) == default)
        {
            Error = "Ngày không hợp lệ: nhập theo dạng dd/MM/yyyy.";
            await LoadAsync();
            return Page();
        }
        var r = await campaigns.CreateAsync(new CampaignInput(ownerUnitId, title ?? "", kind, implements, D(periodFrom), D(periodTo),
            Dates.TryParseVn(pivot, out var p) ? p : null, null, levels));
        if (r.Ok) return Redirect($"/Campaigns/{r.Value!.Id}");
        Error = r.Error;
        db.ChangeTracker.Clear();
        await LoadAsync();
        return Page();
    }
}
