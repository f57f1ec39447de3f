using ChiBo.Data;
using ChiBo.Features.Documents;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Documents;

/// <summary>One document: its parts, the chain it belongs to both ways, downloads, and the clerk's steps (edit the draft, issue, withdraw, link, sign).</summary>
[Require<DocumentAccess, DocumentNeed>(DocumentNeed.Read)]
public class DetailsModel(AppDbContext db, DocumentAccess access, DocumentRegister register, DocumentRenderer renderer, DocumentSigning signing) : PageModel
{
    public DocumentsApi.DetailDto Detail { get; private set; } = null!;
    public PartyDocument Doc { get; private set; } = null!;
    public string TypeName { get; private set; } = "";
    public string IssuerName { get; private set; } = "";
    public bool CanIssue { get; private set; }
    public bool CanSign { get; private set; }
    public SigningKey? ActiveKey { get; private set; }
    public List<VerifyResult> Checks { get; } = [];
    /// <summary>When a symbol names several documents the account may read: the ones to choose from.</summary>
    public List<LinkCandidate> Candidates { get; private set; } = [];
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }
    public string? Done { get; private set; }

    async Task LoadAsync(int id)
    {
        var d = await db.PartyDocuments.AsNoTracking().FirstAsync(x => x.Id == id);
        Doc = d;
        Detail = await DocumentsApi.DetailAsync(db, access, d);
        TypeName = await db.DocumentTypes.Where(t => t.Code == d.TypeCode).Select(t => t.Name).FirstOrDefaultAsync() ?? d.TypeCode;
        IssuerName = d.External ? d.ExternalIssuer ?? "" : await db.Units.Where(u => u.Id == d.IssuerUnitId).Select(u => u.Name).FirstAsync();
        CanIssue = (await access.ForAsync(id, DocumentNeed.Edit)).Allowed;
        CanSign = (await access.ForAsync(id, DocumentNeed.Sign)).Allowed;
        ActiveKey = await signing.ActiveKeyAsync(d.IssuerUnitId);
        Checks.Clear();
        foreach (var s in await db.DocumentSignatures.AsNoTracking().Where(s => s.DocumentId == id).OrderBy(s => s.Id).ToListAsync())
            Checks.Add(await signing.VerifyAsync(s.Pdf, s.Cms));
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        await LoadAsync(id);
        return Page();
    }

    async Task<IActionResult> Step<T>(int id, Func<Task<Outcome<T>>> step, string done)
    {
        var r = await step();
        db.ChangeTracker.Clear();
        if (r.Ok) Done = done;
        else (Error, ErrorField) = (r.Error, r.Field);
        await LoadAsync(id);
        return Page();
    }

    [Require<DocumentAccess, DocumentNeed>(DocumentNeed.Edit)]
    public Task<IActionResult> OnPostIssueAsync(int id, string? date) =>
        Step(id, async () => Dates.TryParseVn(date, out var d) ? await register.IssueAsync(id, d) : Outcome<PartyDocument>.Fail("date", "Ngày ban hành ghi dạng dd/MM/yyyy."),
            "Đã ban hành và cấp số.");

    [Require<DocumentAccess, DocumentNeed>(DocumentNeed.Edit)]
    public Task<IActionResult> OnPostWithdrawAsync(int id) => Step(id, () => register.WithdrawAsync(id), "Đã hủy dự thảo; số không bị dùng.");

    [Require<DocumentAccess, DocumentNeed>(DocumentNeed.Edit)]
    public Task<IActionResult> OnPostEditAsync(int id, string? summary, string? addressee, string? body, string? recipients, SignatureForm signatureForm,
        string? signerFor, string? signerPosition, string? signerName, int version) =>
        Step(id, () => register.EditAsync(id, new EditInput(summary ?? "", null, body, addressee, recipients, signatureForm, signerFor, signerPosition, signerName, version)), "Đã lưu dự thảo.");

    /// <summary>By the number as printed; when it names several documents the account may read, the page lists them to pick one (targetId).</summary>
    [Require<DocumentAccess, DocumentNeed>(DocumentNeed.Edit)]
    public async Task<IActionResult> OnPostLinkAsync(int id, string? symbol, int? targetId)
    {
        var target = await LinkTargets.ResolveAsync(access, targetId, symbol);
        if (target.Id is { } t) return await Step(id, () => register.LinkAsync(id, t, LinkKind.Implements), "Đã ghi văn bản được thực hiện.");
        (Error, ErrorField, Candidates) = (target.Error, "symbol", target.Candidates.Count > 1 ? target.Candidates : []);
        await LoadAsync(id);
        return Page();
    }

    [Require<DocumentAccess, DocumentNeed>(DocumentNeed.Sign)]
    public Task<IActionResult> OnPostSignAsync(int id) => Step(id, () => renderer.SignAsync(id), "Đã ký số văn bản.");

    [Require<DocumentAccess, DocumentNeed>(DocumentNeed.Sign)]
    public async Task<IActionResult> OnPostKeyAsync(int id, string? email)
    {
        var d = await db.PartyDocuments.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.IssuerUnitId }).FirstAsync();
        var name = await db.Units.Where(u => u.Id == d.IssuerUnitId).Select(u => u.Name).FirstAsync();
        return await Step(id, () => signing.GenerateAsync(d.IssuerUnitId, name, email ?? ""), "Đã tạo khóa ký số cho đơn vị.");
    }
}
