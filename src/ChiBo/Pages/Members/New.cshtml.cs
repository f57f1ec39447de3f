using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Members;

/// <summary>Adds one member to a cell's roll (the import adds many): the profile and the day they join the cell.</summary>
[Require<UnitAccess, UnitNeed>(UnitNeed.Run, "unitId")]
public class NewModel(AppDbContext db, UserScope scope, MemberService members) : PageModel
{
    public string CellName { get; private set; } = "";
    public int CellId { get; private set; }

    [BindProperty] public DetailsModel.EditForm Form { get; set; } = new();
    [BindProperty] public DateOnly? JoinedOn { get; set; }

    async Task<bool> LoadAsync(int unitId)
    {
        var cell = await db.Units.Where(u => u.Id == unitId && u.UnitType!.IsCell).Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync();
        if (cell is null) return false;
        (CellId, CellName) = (cell.Id, cell.Name);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int unitId)
    {
        JoinedOn = scope.Today;
        return await LoadAsync(unitId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int unitId)
    {
        if (!await LoadAsync(unitId)) return NotFound();
        if (Form.AdmittedOn is null) ModelState.AddModelError("Form.AdmittedOn", "Nhập ngày vào Đảng (dd/MM/yyyy).");
        if (JoinedOn is null) ModelState.AddModelError(nameof(JoinedOn), "Nhập ngày bắt đầu sinh hoạt ở chi bộ (dd/MM/yyyy).");
        if (!ModelState.IsValid) return Page();
        var f = Form;
        var r = await members.CreateAsync(new MemberService.Profile(f.FullName, f.DateOfBirth, f.Sex, f.Ethnicity, f.AdmittedOn!.Value, f.OfficialOn,
            f.PartyCardNumber, f.CitizenId, f.Phone), unitId, JoinedOn!.Value);
        if (r.Ok) return Redirect($"/Members/{r.Value!.Id}");
        var key = r.Field switch
        {
            "joinedOn" => nameof(JoinedOn),
            "cellId" or null => "",
            { } k => "Form." + char.ToUpperInvariant(k[0]) + k[1..],
        };
        ModelState.AddModelError(key, r.Error!);
        return Page();
    }
}
