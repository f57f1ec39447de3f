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
[Require<InspectionAccess, InspectionNeed>(InspectionNeed.Read)]
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

    async Task<IActionResult> ShowAsync(int id)
    {
        db.ChangeTracker.Clear();
        if (await InspectionQueries.LoadAsync(db, id, scope.Today) is not { } i) return NotFound();
        I = i;
        CanInspect = scope.CanInspect(i.UnitId);
        CanAnswer = scope.CanAnswer(i.CellId);
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

    [Require<InspectionAccess, InspectionNeed>(InspectionNeed.Inspect)]
    public async Task<IActionResult> OnPostStartAsync(int id, int version) => await After(id, await svc.StartAsync(id, version));

    [Require<InspectionAccess, InspectionNeed>(InspectionNeed.Inspect)]
    public async Task<IActionResult> OnPostFindingsAsync(int id, string? strengths, string? shortcomings, string? requests, int version) =>
        await After(id, await svc.SaveFindingsAsync(id, new FindingsInput(strengths, shortcomings, requests, version)));

    [Require<InspectionAccess, InspectionNeed>(InspectionNeed.Inspect)]
    public async Task<IActionResult> OnPostConcludeAsync(int id, int version, string? date, string? signerPosition, string? signerName)
    {
        if (!string.IsNullOrWhiteSpace(date) && !Dates.TryParseVn(date, out _)) return await After(id, Outcome<Inspection>.Fail("date", "Ngày kết luận ghi dạng dd/MM/yyyy."));
        DateOnly? on = Dates.TryParseVn(date, out var d) ? d : null;
        return await After(id, await svc.ConcludeAsync(id, new ConcludeInput(version, on, signerPosition, signerName)));
    }

    [Require<InspectionAccess, InspectionNeed>(InspectionNeed.Answer)]
    public async Task<IActionResult> OnPostRemedyAsync(int id, string? shortcoming, string? action, int? ownerMemberId, string? ownerName, string? dueOn)
    {
        DateOnly? due = Dates.TryParseVn(dueOn, out var d) ? d : null;
        if (!string.IsNullOrWhiteSpace(dueOn) && due is null) return await After(id, Outcome<Remedy>.Fail("dueOn", "Thời hạn ghi dạng dd/MM/yyyy."));
        return await After(id, await svc.AddRemedyAsync(id, new RemedyInput(shortcoming, action, ownerMemberId, ownerName, due)));
    }

    /// <summary>The remedy must be one of this inspection's (the rule was checked on the inspection in the route).</summary>
    [Require<InspectionAccess, InspectionNeed>(InspectionNeed.Answer)]
    public async Task<IActionResult> OnPostDoneAsync(int id, int remedyId, int version, string? doneOn, string? note)
    {
        if (!await db.Remedies.AnyAsync(r => r.Id == remedyId && r.InspectionId == id)) return NotFound();
        DateOnly? on = Dates.TryParseVn(doneOn, out var d) ? d : null;
        if (!string.IsNullOrWhiteSpace(doneOn) && on is null) return await After(id, Outcome<Remedy>.Fail("doneOn", "Ngày hoàn thành ghi dạng dd/MM/yyyy."), remedyId);
        return await After(id, await svc.MarkDoneAsync(remedyId, new DoneInput(version, on, note)), remedyId);
    }
}
