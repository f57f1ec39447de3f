using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Units;

[Require<UnitAccess, UnitNeed>(UnitNeed.See, DateQuery = "date")]
public class DetailsModel(AppDbContext db, UserScope scope, ChiBo.Features.Reminders.DueList due, Microsoft.AspNetCore.Identity.UserManager<AppUser> users) : PageModel
{
    /// <summary>On the account's own node (its home page): what is due soon or overdue.</summary>
    public List<ChiBo.Features.Reminders.DueItem>? Due { get; private set; }
    public UnitDto Unit { get; private set; } = null!;
    public List<UnitDto> Ancestors { get; private set; } = [];
    public List<(UnitDto Unit, int Members)> Children { get; private set; } = [];
    public List<RollEntry> Roll { get; private set; } = [];
    public List<UnitEvent> History { get; private set; } = [];
    public Dictionary<int, string> Names { get; private set; } = [];
    public int SubtreeMembers { get; private set; }
    public DateOnly AsOf { get; private set; }
    public bool IsToday => AsOf == scope.Today;
    public string? DateError { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? date)
    {
        AsOf = scope.Today;
        if (!string.IsNullOrWhiteSpace(date))
        {
            if (Dates.TryParseVn(date, out var d)) AsOf = d;
            else DateError = $"Ngày “{date}” không hợp lệ; hãy nhập theo dạng dd/MM/yyyy.";
        }
        var unit = await db.AsDtos(db.Units.Where(u => u.Id == id), AsOf).FirstOrDefaultAsync();
        if (unit is null) return NotFound();
        Unit = unit;
        Ancestors = await db.AncestorsAsync(id, AsOf);
        var children = await db.ChildrenAsync(id, AsOf);
        var childIds = children.Select(c => c.Id).ToList();
        var date0 = AsOf;
        var counts = await (from c in db.UnitClosures.ValidOn(date0)
                            where childIds.Contains(c.AncestorId)
                            join ms in db.Memberships on c.DescendantId equals ms.UnitId
                            where ms.From <= date0 && (ms.To == null || ms.To > date0)
                            group ms by c.AncestorId into g
                            select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        Children = children.OrderBy(c => c.Name, ChiBo.Features.Search.VietnameseText.NameComparer)
            .Select(c => (c, counts.GetValueOrDefault(c.Id))).ToList();
        var subtree = db.SubtreeIds(id, AsOf);
        SubtreeMembers = await db.Memberships.CountAsync(ms => subtree.Contains(ms.UnitId) && ms.From <= date0 && (ms.To == null || ms.To > date0));
        if (unit.IsCell) Roll = await ChiBo.Features.Members.Roll.OnAsync(db, id, AsOf);
        History = await db.UnitEvents.AsNoTracking().Where(e => e.UnitId == id).OrderBy(e => e.Date).ThenBy(e => e.Id).ToListAsync();
        var related = History.Where(h => h.RelatedUnitId != null).Select(h => h.RelatedUnitId!.Value).Distinct().ToList();
        Names = await db.Units.Where(u => related.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
        if (id == scope.RootUnitId && IsToday && await users.GetUserAsync(User) is { } me)
            Due = await due.ForUserAsync(me, await users.GetRolesAsync(me), AsOf);
        return Page();
    }

    public string Describe(UnitEvent e)
    {
        string Name(int? id) => id is { } i && Names.TryGetValue(i, out var n) ? n : "";
        return e.Kind switch
        {
            UnitEventKind.Created => e.RelatedUnitId is null ? "Thành lập" : $"Thành lập, trực thuộc {Name(e.RelatedUnitId)}",
            UnitEventKind.Renamed => $"Đổi tên từ “{e.OldValue}” thành “{e.NewValue}”",
            UnitEventKind.Moved => $"Chuyển về trực thuộc {Name(e.RelatedUnitId)}",
            UnitEventKind.Merged when e.RelatedUnitId is { } r && e.NewValue == Unit.Name && e.OldValue != Unit.Name => $"Tiếp nhận {e.OldValue} sáp nhập vào",
            UnitEventKind.Merged => $"Sáp nhập vào {Name(e.RelatedUnitId)}",
            UnitEventKind.Split => $"Chia tách, hình thành {Name(e.RelatedUnitId)}",
            _ => "Giải thể, kết thúc hoạt động",
        };
    }
}
