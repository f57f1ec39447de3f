using ChiBo.Features.Shared;
using ChiBo.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Pages;

/// <summary>Home is the account's own node: the place in the tree it is responsible for.</summary>
[AnyAccount("home redirects to the account's own node")]
public class IndexModel(UserScope scope) : PageModel
{
    public IActionResult OnGet() => Redirect($"/Units/{scope.RootUnitId}");
}
