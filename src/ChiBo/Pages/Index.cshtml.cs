using ChiBo.Features.Shared;
using ChiBo.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Pages;

/// <summary>
/// Home is the account's own node: the place in the tree it is responsible for. A monitoring-only account sees what its
/// groups cover, not the node it is attached to: its home is its groups' page.
/// </summary>
[AnyAccount("home redirects to the account's own node")]
public class IndexModel(UserScope scope) : PageModel
{
    public IActionResult OnGet() => Redirect(scope.IsMonitoringOnly ? "/Monitoring" : $"/Units/{scope.RootUnitId}");
}
