using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Documents;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Documents;

/// <summary>One document: its parts, the chain it belongs to both ways, downloads, and the clerk's steps (edit the draft, issue, withdraw, link, sign).</summary>
[Require<DocumentAccess, DocumentNeed>(DocumentNeed.Read)]
public class DetailsModel(AppDbContext db, UserScope scope, DocumentRegister register, DocumentRenderer renderer, DocumentSigning signing) : PageModel
{
    public DocumentsApi.DetailDto Detail { get; private set; } = null!;
    public PartyDocument Doc { get; private set; } = null!;
    public string TypeName { get; private set; } = "";
    public string IssuerName { get; private set; } = "";
    public bool CanIssue { get; private set; }
    public bool CanSign => CanIssue && scope.IsStaff;
    public SigningKey? ActiveKey { get; private set; }
    public List<VerifyResult> Checks { get; } = [];
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }
    public string? Done { get; private set; }

    async Task<IActionResult?> LoadAsync(int id)
    {
        var d = await db.PartyDocuments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (d is null) return NotFound();
        if (!await scope.CanSeeUnitAsync(d.IssuerUnitId)) return Forbid();
        Doc = d;
        Detail = await DocumentsApi.DetailAsync(db, d);
        TypeName = await db.DocumentTypes.Where(t => t.Code == d.TypeCode).Select(t => t.Name).FirstOrDefaultAsync() ?? d.TypeCode;
        IssuerName = d.External ? d.ExternalIssuer ?? "" : await db.Units.Where(u => u.Id == d.IssuerUnitId).Select(u => u.Name).FirstAsync();
        CanIssue = await DocumentsApi.CanIssueAsync(scope, d.IssuerUnitId);
        ActiveKey = await signing.ActiveKeyAsync(d.IssuerUnitId);
        foreach (var s in await db.DocumentSignatures.AsNoTracking().Where(s => s.DocumentId == id).OrderBy(s => s.Id).ToListAsync())
            Checks.Add(await signing.VerifyAsync(s.Pdf, s.Cms));
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    async Task<IActionResult> Step<T>(int id, Func<Task<Outcome<T>>> step, string done)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanIssue) return Forbid();
        var r = await step();
        if (!r.Ok)
        {
            (Error, ErrorField) = (r.Error, r.Field);
            return Page();
        }
        Checks.Clear();
        await LoadAsync(id);
        Done = done;
        return Page();
    }

    public Task<IActionResult> OnPostIssueAsync(int id, string? date) =>
        Step(id, async () => Dates.TryParseVn(date, out var d) ? await register.IssueAsync(id, d) : Outcome<PartyDocument>.Fail("date", "Ngày ban hành ghi dạng dd/MM/yyyy."),
            "Đã ban hành và cấp số.");

    public Task<IActionResult> OnPostWithdrawAsync(int id) => Step(id, () => register.WithdrawAsync(id), "Đã hủy dự thảo; số không bị dùng.");

    public Task<IActionResult> OnPostEditAsync(int id, string summary, string? addressee, string? body, string? recipients, SignatureForm signatureForm,
        string? signerFor, string? signerPosition, string? signerName, int version) =>
        Step(id, () => register.EditAsync(id, new EditInput(summary, null, body, addressee, recipients, signatureForm, signerFor, signerPosition, signerName, version)), "Đã lưu dự thảo.");

    public Task<IActionResult> OnPostLinkAsync(int id, string? symbol) =>
        Step(id, async () => await RegisterQuery.BySymbolAsync(db, symbol) is { } target ? await register.LinkAsync(id, target, LinkKind.Implements)
            : Outcome<DocumentLink>.Fail("symbol", $"Chưa có văn bản số {symbol} trong hệ thống; hãy nhập văn bản đó vào sổ trước."), "Đã ghi văn bản được thực hiện.");

    public async Task<IActionResult> OnPostSignAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanSign) return Forbid();
        return await Step(id, () => renderer.SignAsync(id), "Đã ký số văn bản.");
    }

    public async Task<IActionResult> OnPostKeyAsync(int id, string? email)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!CanSign) return Forbid();
        return await Step(id, () => signing.GenerateAsync(Doc.IssuerUnitId, IssuerName, email ?? ""), "Đã tạo khóa ký số cho đơn vị.");
    }
}
