using ChiBo.Features.Shared;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Documents;
using ChiBo.Features.Organization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Documents;

/// <summary>An issuer's register: search by number or summary, type and year; export; a new draft; check a signed PDF someone sent.</summary>
[Require<UnitAccess, UnitNeed>(UnitNeed.See, "unitId")]
public class RegisterModel(AppDbContext db, UserScope scope, DocumentAccess access, DocumentRegister register, DocumentSigning signing) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public UnitDto Unit { get; private set; } = null!;
    public List<PartyDocument> Items { get; private set; } = [];
    public List<DocumentType> Types { get; private set; } = [];
    public bool CanIssue { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }
    public VerifyResult? Verified { get; private set; }

    async Task LoadAsync(int unitId)
    {
        Unit = await db.AsDtos(db.Units.Where(u => u.Id == unitId), scope.Today).FirstAsync();
        Types = await db.DocumentTypes.OrderBy(t => t.Order).ToListAsync();
        CanIssue = await access.CanIssueAsync(unitId);
        if (Year is < InputChecks.MinYear or > InputChecks.MaxYear)
        {
            (Error, ErrorField) = ($"Năm {Year} nằm ngoài khoảng cho phép ({InputChecks.MinYear}–{InputChecks.MaxYear}).", "year");
            Year = null;
        }
        // Drafts only for whoever may issue for the unit, and each drafter's own.
        Items = await RegisterQuery.SearchAsync(db, unitId, string.IsNullOrEmpty(Type) ? null : Type, Q, Year, CanIssue, access.UserName);
    }

    public async Task<IActionResult> OnGetAsync(int unitId)
    {
        await LoadAsync(unitId);
        return Page();
    }

    [Require<UnitAccess, UnitNeed>(UnitNeed.Run, "unitId")]
    public async Task<IActionResult> OnPostDraftAsync(int unitId, string? typeCode, string? summary, string? addressee, string? body, string? recipients,
        SignatureForm signatureForm, string? signerFor, string? signerPosition, string? signerName, bool secret, string? office)
    {
        var r = await register.DraftAsync(new DraftInput(unitId, typeCode ?? "", summary ?? "", null, body, addressee, recipients, signatureForm, signerFor, signerPosition, signerName, secret,
            Office: string.IsNullOrEmpty(office) ? null : office));
        if (r.Ok) return Redirect($"/Documents/{r.Value!.Id}");
        db.ChangeTracker.Clear();
        await LoadAsync(unitId);
        (Error, ErrorField) = (r.Error, r.Field);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(int unitId, IFormFile? pdf, IFormFile? signature)
    {
        await LoadAsync(unitId);
        if (pdf is null || pdf.Length == 0) { (Error, ErrorField) = ("Chọn tệp PDF cần kiểm tra.", "pdf"); return Page(); }
        Verified = await signing.VerifyPdfAsync(await Bytes(pdf), signature is { Length: > 0 } ? await Bytes(signature) : null);
        return Page();
    }

    static async Task<byte[]> Bytes(IFormFile f)
    {
        using var ms = new MemoryStream();
        await f.CopyToAsync(ms);
        return ms.ToArray();
    }
}
