using ChiBo.Features.Shared;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Import;
using ChiBo.Features.Organization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Pages;

[Authorize(Roles = Roles.Admin + "," + Roles.CommitteeStaff)]
[RequestSizeLimit(ImportApi.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportApi.MaxBytes)]
[OwnNode(UnitNeed.Manage)]
public class ImportModel(AppDbContext db, UserScope scope, ImportQueue queue, ImportProgress progress, ImportAccess access) : PageModel
{
    [BindProperty] public ImportKind Kind { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    public ImportJobDto? Job { get; private set; }

    /// <summary>The upload form, and the job just uploaded when one is named (the same rule as its progress).</summary>
    public async Task<IActionResult> OnGetAsync(int? job)
    {
        if (job is not { } id) return Page();
        if (!(await access.ForAsync(id, ImportNeed.Read, HttpContext.RequestAborted)).Allowed || (Job = await ImportApi.StatusAsync(db, progress, id)) is null) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Hãy chọn tệp CSV để nhập.");
            return Page();
        }
        await using var upload = Upload.OpenReadStream();
        var job = await queue.EnqueueAsync(db, scope, Kind, Path.GetFileName(Upload.FileName), upload, HttpContext.RequestAborted);
        return RedirectToPage(new { job = job!.Id });
    }

    /// <summary>The progress fragment htmx polls; it stops polling once the job has finished.</summary>
    [Require<ImportAccess, ImportNeed>(ImportNeed.Read, "job")]
    public async Task<IActionResult> OnGetProgressAsync(int job)
    {
        Job = await ImportApi.StatusAsync(db, progress, job);
        return Job is null ? NotFound() : Partial("_ImportProgress", Job);
    }
}
