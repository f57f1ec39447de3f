using ChiBo.Features.Shared;
using System.Security.Claims;
using ChiBo.Data;
using ChiBo.Features.Notifications;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Notifications;

/// <summary>The account's notices (meeting notices now); opening the page marks them read.</summary>
[AnyAccount("the account's own notifications")]
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public List<Notification> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var id = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        Items = await db.Notifications.Where(n => n.UserId == id).OrderByDescending(n => n.Id).Take(100).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var n in Items.Where(n => n.ReadAt is null)) n.ReadAt = now;
        await db.SaveChangesAsync();
    }
}
