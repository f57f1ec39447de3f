using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Inspections;
using ChiBo.Features.Members;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Inspections;

/// <summary>One inspection: the checked figures, findings, the conclusion notice, and the cell's remedies.</summary>
[AnyAccount("transitional: the handlers check the inspection's scope")]
public class DetailsModel(AppDbContext db, UserScope scope, InspectionService svc) : PageModel
{
    public InspectionDto I { get; private set; } = null!;
    public bool CanInspect { get; private set; }
    public bool CanAnswer { get; private set; }
    public List<RollEntry> Roll { get; private set; } = [];
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }
    /// <summary>The remedy whose "done" form the error belongs to.</summary>
    public int? ErrorRemedyId { get; private set; }

    async Task<Inspection?> FindAsync(int id) => await db.Inspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);

    async Task<IActionResult> ShowAsync(int id)
    {
        var i = await FindAsync(id);
        if (i is null) return NotFound();
        if (!await scope.CanReadAsync(i)) return Forbid();
        db.ChangeTracker.Clear();
        I = (await InspectionQueries.LoadAsync(db, id, scope.Today))!;
        CanInspect = await scope.CanInspectAsync(i.UnitId);
        CanAnswer = await scope.CanAnswerAsync(i);
        if (CanAnswer) Roll = await Features.Members.Roll.OnAsync(db, i.CellId, scope.Today);
        return Page();
    }

    public Task<IActionResult> OnGetAsync(int id) => ShowAsync(id);

    async Task<IActionResult> After<T>(int id, Outcome<T> r, int? remedyId = null)
    {
        if (r.Ok) return Redirect($"/Inspections/{id}");
        (Error, ErrorField, ErrorRemedyId) = (r.Error, r.Field, remedyId);
        return await ShowAsync(id);
    }

    async Task<bool> InspectorAsync(int id) => await FindAsync(id) is { } i && await scope.CanInspectAsync(i.UnitId);
    async Task<bool> AnswererAsync(int id) => await FindAsync(id) is { } i && await scope.CanAnswerAsync(i);

    public async Task<IActionResult> OnPostStartAsync(int id, int version) =>
        !await InspectorAsync(id) ? Forbid() : await After(id, await svc.StartAsync(id, version));

    public async Task<IActionResult> OnPostFindingsAsync(int id, string? strengths, string? shortcomings, string? requests, int version) =>
        !await InspectorAsync(id) ? Forbid() : await After(id, await svc.SaveFindingsAsync(id, new FindingsInput(strengths, shortcomings, requests, version)));

    public async Task<IActionResult> OnPostConcludeAsync(int id, int version, string? date, string? signerPosition, string? signerName)
    {
        if (!await InspectorAsync(id)) return Forbid();
        if (!string.IsNullOrWhiteSpace(date) && !Dates.TryParseVn(date, out _)) return await After(id, Outcome<Inspection>.Fail("date", "Ngày kết luận ghi dạng dd/MM/yyyy."));
        DateOnly? on = Dates.TryParseVn(date, out var d) ? d : null;
        return await After(id, await svc.ConcludeAsync(id, new ConcludeInput(version, on, signerPosition, signerName)));
    }

    public async Task<IActionResult> OnPostRemedyAsync(int id, string? shortcoming, string? action, int? ownerMemberId, string? ownerName, string? dueOn)
    {
        if (!await AnswererAsync(id)) return Forbid();
        DateOnly? due = Dates.TryParseVn(dueOn, out var d) ? d : null;
        if (!string.IsNullOrWhiteSpace(dueOn) && due is null) return await After(id, Outcome<Remedy>.Fail("dueOn", "Thời hạn ghi dạng dd/MM/yyyy."));
        return await After(id, await svc.AddRemedyAsync(id, new RemedyInput(shortcoming, action, ownerMemberId, ownerName, due)));
    }

    public async Task<IActionResult> OnPostDoneAsync(int id, int remedyId, int version, string? doneOn, string? note)
    {
        if (!await AnswererAsync(id) || !await db.Remedies.AnyAsync(r => r.Id == remedyId && r.InspectionId == id)) return Forbid();
        DateOnly? on = Dates.TryParseVn(doneOn, out var d) ? d : null;
        if (!string.IsNullOrWhiteSpace(doneOn) && on is null) return await After(id, Outcome<Remedy>.Fail("doneOn", "Ngày hoàn thành ghi dạng dd/MM/yyyy."), remedyId);
        return await After(id, await svc.MarkDoneAsync(remedyId, new DoneInput(version, on, note)), remedyId);
    }
}
