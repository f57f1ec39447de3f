using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Campaigns;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Campaigns;

/// <summary>The campaigns that concern the account's node, and (for an organization board) a new one: any number of levels, each with its node types, deadline and conference, and the outline to follow.</summary>
[AnyAccount("lists only the campaigns CampaignAccess lets the account read")]
public class IndexModel(AppDbContext db, UserScope scope, CampaignAccess access, CampaignService campaigns) : PageModel
{
    public List<Campaign> Items { get; private set; } = [];
    public bool CanCreate => scope.IsStaff;
    /// <summary>A new campaign is the account's own unit's; the form names it so the declared rule checks it.</summary>
    public int OwnerUnitId => scope.RootUnitId;
    public string? Error { get; private set; }

    async Task LoadAsync() =>
        Items = await access.ReadableAsync(db.Campaigns.Include(c => c.Levels).OrderByDescending(c => c.PeriodTo).AsSplitQuery());

    /// <summary>One row of the level table: a name, the node types that report at that level, a deadline, a conference or not.</summary>
    public class LevelRow
    {
        public string? Name { get; set; }
        public List<string> Types { get; set; } = [];
        public string? Deadline { get; set; }
        public bool Conference { get; set; }
    }

    /// <summary>Seed 002's three levels as the form's start; the board changes, removes or adds rows.</summary>
    public List<LevelRow> Rows { get; private set; } =
    [
        new() { Name = "Chi bộ", Types = ["CHI_BO", "CHI_BO_CO_SO"] },
        new() { Name = "Đảng bộ cơ sở", Types = ["DANG_UY_XA", "DANG_BO_CO_SO"], Conference = true },
        new() { Name = "Cấp huyện, đảng ủy trực thuộc", Types = ["HUYEN_UY", "DANG_UY_TRUC_THUOC"] },
    ];
    public List<(string Code, string Name)> Types { get; private set; } = [];
    /// <summary>Outlines to start from: the built-in one and those of earlier campaigns (named after the campaign that used them).</summary>
    public List<(int Id, string Name)> Outlines { get; private set; } = [];
    public int? OutlineId { get; private set; }

    async Task LoadChoicesAsync()
    {
        Types = (await db.UnitTypes.OrderBy(t => t.LevelRank).ThenBy(t => t.Name).Select(t => new { t.Code, t.Name }).ToListAsync()).Select(t => (t.Code, t.Name)).ToList();
        var used = await access.ReadableAsync(db.Campaigns.OrderByDescending(c => c.PeriodTo));
        var outlines = await db.ReportOutlines.OrderBy(o => o.Id).Select(o => new { o.Id, o.Name, o.BuiltIn }).ToListAsync();
        Outlines = outlines.Select(o => (o.Id, o.BuiltIn ? o.Name : o.Name + (used.FirstOrDefault(c => c.OutlineId == o.Id) is { } c ? $" (đợt “{c.Title}”)" : ""))).ToList();
    }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        await LoadChoicesAsync();
    }

    [Require<UnitAccess, UnitNeed>(UnitNeed.Manage, "ownerUnitId")]
    public async Task<IActionResult> OnPostAsync(int ownerUnitId, string? title, CampaignKind kind, string? implements, string? periodFrom, string? periodTo, string? pivot,
        int? outlineId, [FromForm(Name = "levels")] List<LevelRow>? levels)
    {
        DateOnly D(string? s) => Dates.TryParseVn(s, out var d) ? d : default;
        // Rows left blank are not levels; a row with anything in it must be whole.
        var rows = (levels ?? []).Where(l => !string.IsNullOrWhiteSpace(l.Name) || !string.IsNullOrWhiteSpace(l.Deadline)).ToList();
        Rows = levels is { Count: > 0 } ? levels : Rows;
        OutlineId = outlineId;
        Error = rows.Count == 0 ? "Cần ít nhất một cấp báo cáo: tên cấp, loại tổ chức và thời hạn."
            : rows.FirstOrDefault(l => D(l.Deadline) == default) is { } bad ? $"Cấp “{bad.Name}”: thời hạn không hợp lệ, nhập theo dạng dd/MM/yyyy."
            : rows.FirstOrDefault(l => l.Types.Count == 0) is { } none ? $"Cấp “{none.Name}”: chọn ít nhất một loại tổ chức báo cáo ở cấp này."
            : D(periodFrom) == default || D(periodTo) == default ? "Ngày không hợp lệ: nhập kỳ tổng kết theo dạng dd/MM/yyyy."
            : null;
        if (Error is null)
        {
            var r = await campaigns.CreateAsync(new CampaignInput(ownerUnitId, title ?? "", kind, implements, D(periodFrom), D(periodTo),
                Dates.TryParseVn(pivot, out var p) ? p : null, outlineId, rows.Select(l => new LevelInput(l.Name ?? "", string.Join(",", l.Types), D(l.Deadline), l.Conference)).ToList()));
            if (r.Ok) return Redirect($"/Campaigns/{r.Value!.Id}");
            Error = r.Error;
            db.ChangeTracker.Clear();
        }
        await LoadAsync();
        await LoadChoicesAsync();
        return Page();
    }
}
