using ChiBo.Features.Shared;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Pages;

[AnyAccount("searches only inside the account's scope")]
public class SearchModel(AppDbContext db, UserScope scope) : PageModel
{
    public SearchResult? Result { get; private set; }
    public string? Q { get; private set; }

    public async Task OnGetAsync(string? q)
    {
        Q = q;
        if (!string.IsNullOrWhiteSpace(q)) Result = await SearchApi.RunAsync(db, scope, q);
    }
}
