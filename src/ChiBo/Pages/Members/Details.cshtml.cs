using ChiBo.Features.Shared;
using System.ComponentModel.DataAnnotations;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Members;

[Require<MemberAccess, MemberNeed>(MemberNeed.Read)]
public class DetailsModel(AppDbContext db, UserScope scope, MemberService members, LeavingService leaving, UnitAccess units) : PageModel
{
    /// <summary>What the last lifecycle form did, shown above the page ("Đã chuyển sinh hoạt…").</summary>
    public string? Done { get; private set; }
    /// <summary>The cells a transfer can go to at once: those the account runs (others accept a request: not yet).</summary>
    public List<(int Id, string Name)> Cells { get; private set; } = [];

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

    // The lifecycle forms post their own fields (named t.*, p.*, e.*, l.*); the profile form's fields are absent, so
    // its validation is dropped before each of them looks at its own.
    /// <summary>The first error of a lifecycle form's field, shown next to it.</summary>
    public string? Error(string key) => ModelState.TryGetValue(key, out var e) ? e.Errors.FirstOrDefault()?.ErrorMessage : null;

    public List<string> LifecycleErrors => ModelState.Where(kv => kv.Key.Length > 1 && kv.Key[1] == '.' && "tpel".Contains(kv.Key[0]))
        .SelectMany(kv => kv.Value!.Errors.Select(e => e.ErrorMessage)).ToList();

    void OnlyMine(string prefix)
    {
        foreach (var k in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".")).ToList()) ModelState.Remove(k);
    }

    async Task<IActionResult> AfterAsync<T>(int id, Outcome<T> r, string prefix, string done)
    {
        if (r.Ok) { ModelState.Clear(); Done = done; }
        else ModelState.AddModelError(prefix + "." + char.ToUpperInvariant(r.Field![0]) + r.Field[1..], r.Error!);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public record TransferForm(int? ToCellId, DateOnly? Date, string? Note);
    public record PositionForm(Position? Position, DateOnly? From);
    public record ExemptionForm(ExemptionKind? Kind, DateOnly? DecisionDate, DateOnly? From, DateOnly? To, string? Reason);
    public record LeaveForm(LeaveReason? Reason, DateOnly? Date, string? Decision);

    [Require<MemberAccess, MemberNeed>(MemberNeed.Edit)]
    public async Task<IActionResult> OnPostTransferAsync(int id, [FromForm(Name = "t")] TransferForm t)
    {
        OnlyMine("t");
        if (t.ToCellId is not { } to) ModelState.AddModelError("t.ToCellId", "Chọn chi bộ chuyển đến.");
        else if (!(await units.ForAsync(to, UnitNeed.Run)).Allowed) ModelState.AddModelError("t.ToCellId", "Chi bộ này ngoài phạm vi tài khoản quản lý.");
        if (t.Date is null) ModelState.AddModelError("t.Date", "Nhập ngày chuyển (dd/MM/yyyy).");
        if (!ModelState.IsValid) return await LoadAsync(id) ? Page() : NotFound();
        var r = await OrganizationApi.InTransaction(db, () => members.TransferAsync(id, t.ToCellId!.Value, t.Date!.Value, t.Note));
        return await AfterAsync(id, r, "t", $"Đã chuyển sinh hoạt từ ngày {t.Date.Vn()}.");
    }

    [Require<MemberAccess, MemberNeed>(MemberNeed.Edit)]
    public async Task<IActionResult> OnPostPositionAsync(int id, [FromForm(Name = "p")] PositionForm p)
    {
        OnlyMine("p");
        if (p.Position is null) ModelState.AddModelError("p.Position", "Chọn chức vụ.");
        if (p.From is null) ModelState.AddModelError("p.From", "Nhập ngày bắt đầu giữ chức vụ (dd/MM/yyyy).");
        if (!ModelState.IsValid) return await LoadAsync(id) ? Page() : NotFound();
        var r = await members.AssignPositionAsync(id, p.Position!.Value, p.From!.Value);
        return await AfterAsync(id, r, "p", $"Đã giao chức vụ {p.Position!.Value.Vietnamese()} từ ngày {p.From.Vn()}.");
    }

    [Require<MemberAccess, MemberNeed>(MemberNeed.Edit)]
    public async Task<IActionResult> OnPostExemptAsync(int id, [FromForm(Name = "e")] ExemptionForm e)
    {
        OnlyMine("e");
        if (e.Kind is null) ModelState.AddModelError("e.Kind", "Chọn loại: miễn công tác và sinh hoạt, hoặc nhiệm vụ đặc biệt.");
        if (e.DecisionDate is null) ModelState.AddModelError("e.DecisionDate", "Nhập ngày quyết định (dd/MM/yyyy).");
        if (e.From is null) ModelState.AddModelError("e.From", "Nhập ngày bắt đầu (dd/MM/yyyy).");
        if (!ModelState.IsValid) return await LoadAsync(id) ? Page() : NotFound();
        var r = await members.ExemptAsync(id, e.Kind!.Value, e.DecisionDate!.Value, e.From!.Value, e.To, e.Reason);
        return await AfterAsync(id, r, "e", $"Đã ghi {e.Kind!.Value.Vietnamese().ToLowerInvariant()} từ ngày {e.From.Vn()}.");
    }

    [Require<MemberAccess, MemberNeed>(MemberNeed.Edit)]
    public async Task<IActionResult> OnPostLeaveAsync(int id, [FromForm(Name = "l")] LeaveForm l)
    {
        OnlyMine("l");
        if (l.Reason is null) ModelState.AddModelError("l.Reason", "Chọn lý do.");
        if (l.Date is null) ModelState.AddModelError("l.Date", "Nhập ngày (dd/MM/yyyy).");
        if (!ModelState.IsValid) return await LoadAsync(id) ? Page() : NotFound();
        var r = await leaving.LeaveAsync(id, new LeavingService.LeaveRequest(l.Reason!.Value, l.Date!.Value, l.Decision));
        return await AfterAsync(id, r, "l", $"Đã ghi ra khỏi danh sách từ ngày {l.Date.Vn()} ({l.Reason!.Value.Vietnamese().ToLowerInvariant()}).");
    }

    async Task<bool> LoadAsync(int id)
    {
        var m = await MemberQueries.LoadAsync(db, scope, id);
        if (m is null) return false;
        Member = m;
        CanEdit = await MemberQueries.CanEditAsync(db, scope, id);
        if (CanEdit)
        {
            var mine = db.SubtreeIds(scope.RootUnitId, scope.Today);
            Cells = (await db.Units.Where(u => mine.Contains(u.Id) && u.UnitType!.IsCell && u.Id != m.CellId).OrderBy(u => u.Name)
                .Select(u => new { u.Id, u.Name }).ToListAsync()).Select(u => (u.Id, u.Name)).ToList();
        }
        Form = new EditForm
        {
            FullName = m.FullName, DateOfBirth = m.DateOfBirth, Sex = m.Sex, Ethnicity = m.Ethnicity, AdmittedOn = m.AdmittedOn,
            OfficialOn = m.OfficialOn, PartyCardNumber = m.PartyCardNumber, CitizenId = m.CitizenId, Phone = m.Phone, Version = m.Version,
        };
        return true;
    }
}
