using ChiBo.Features.Shared;
using System.ComponentModel.DataAnnotations;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Pages.Members;

[Require<MemberAccess, MemberNeed>(MemberNeed.Read)]
public class DetailsModel(AppDbContext db, UserScope scope, MemberService members) : PageModel
{
    public MemberDto Member { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool Saved { get; private set; }

    [BindProperty] public EditForm Form { get; set; } = new();

    public class EditForm
    {
        [Required(ErrorMessage = "Họ và tên không được để trống."), StringLength(150, ErrorMessage = "Họ và tên tối đa 150 ký tự.")]
        public string FullName { get; set; } = "";
        public DateOnly? DateOfBirth { get; set; }
        public Sex Sex { get; set; }
        public string? Ethnicity { get; set; }
        [Required(ErrorMessage = "Hãy nhập ngày vào Đảng.")]
        public DateOnly? AdmittedOn { get; set; }
        public DateOnly? OfficialOn { get; set; }
        public string? PartyCardNumber { get; set; }
        public string? CitizenId { get; set; }
        public string? Phone { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        return await LoadAsync(id) ? Page() : NotFound();
    }

    [Require<MemberAccess, MemberNeed>(MemberNeed.Edit)]
    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (Form.AdmittedOn is null) ModelState.AddModelError("Form.AdmittedOn", "Nhập ngày vào Đảng (dd/MM/yyyy).");
        if (ModelState.IsValid)
        {
            var f = Form;
            var r = await members.UpdateAsync(id, new MemberService.Profile(f.FullName, f.DateOfBirth, f.Sex, f.Ethnicity, f.AdmittedOn!.Value,
                f.OfficialOn, f.PartyCardNumber, f.CitizenId, f.Phone), f.Version);
            if (r.Ok)
            {
                ModelState.Clear();
                Saved = true;
            }
            else ModelState.AddModelError(r.Field == "version" ? "" : "Form." + char.ToUpperInvariant(r.Field![0]) + r.Field[1..], r.Error!);
        }
        var keep = !Saved;
        var posted = Form;
        if (!await LoadAsync(id)) return NotFound();
        if (keep) Form = posted;
        return Page();
    }

    async Task<bool> LoadAsync(int id)
    {
        var m = await MemberQueries.LoadAsync(db, scope, id);
        if (m is null) return false;
        Member = m;
        CanEdit = await MemberQueries.CanEditAsync(db, scope, id);
        Form = new EditForm
        {
            FullName = m.FullName, DateOfBirth = m.DateOfBirth, Sex = m.Sex, Ethnicity = m.Ethnicity, AdmittedOn = m.AdmittedOn,
            OfficialOn = m.OfficialOn, PartyCardNumber = m.PartyCardNumber, CitizenId = m.CitizenId, Phone = m.Phone, Version = m.Version,
        };
        return true;
    }
}
