using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Meetings;
using ChiBo.Features.Organization;
using ChiBo.Features.Practices;
using ChiBo.Features.Shared;
using ChiBo.Features.Topics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Practices;

/// <summary>A node's good practices: published to it (a cell adopts here), recorded by it (committee staff record here), recorded below it, and how they spread.</summary>
[Require<UnitAccess, UnitNeed>(UnitNeed.See, "unitId")]
public class UnitModel(AppDbContext db, UserScope scope, PracticeService practices) : PageModel
{
    public UnitPractices List { get; private set; } = null!;
    public PracticeSpread? Spread { get; private set; }
    public bool CanRecord { get; private set; }
    public bool CanAdopt { get; private set; }
    public List<UnitDto> Cells { get; private set; } = [];
    public List<Topic> Topics { get; private set; } = [];
    public PracticeInput Form { get; private set; } = new(null, "", "", null, null, null);
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }
    public string? Done { get; private set; }

    async Task<IActionResult?> LoadAsync(int unitId)
    {
        if (!await scope.CanSeeUnitAsync(unitId)) return Forbid();
        var list = await PracticeQueries.ForUnitAsync(db, unitId, scope.Today);
        if (list is null) return NotFound();
        List = list;
        CanRecord = !list.IsCell && await scope.CanRecordAsync(unitId);
        CanAdopt = list.IsCell && await scope.CanRunAsync(unitId);
        if (!list.IsCell) Spread = await PracticeSpreads.ForNodeAsync(db, unitId, null, scope.Today);
        if (CanRecord)
        {
            var subtree = db.SubtreeIds(unitId, scope.Today);
            Cells = (await db.AsDtos(db.Units.Where(u => subtree.Contains(u.Id) && u.UnitType!.IsCell), scope.Today).ToListAsync())
                .OrderBy(c => c.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ToList();
            Topics = await db.Topics.Where(t => t.Active).OrderBy(t => t.Order).ToListAsync();
        }
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int unitId, string? done)
    {
        Done = done;
        return await LoadAsync(unitId) ?? Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(int unitId, int? sourceCellId, string? title, string? summary, string? description, int? topicId)
    {
        if (!await scope.CanRecordAsync(unitId)) return Forbid();
        Form = new PracticeInput(sourceCellId, title, summary, description, topicId, null);
        var r = await practices.CreateAsync(unitId, Form);
        if (r.Ok) return Redirect($"/Practices/{r.Value!.Id}?done=created");
        (Error, ErrorField) = (r.Error, r.Field);
        return await LoadAsync(unitId) ?? Page();
    }

    public async Task<IActionResult> OnPostAdoptAsync(int unitId, int practiceId, string? adoptedOn, string? note)
    {
        if (await LoadAsync(unitId) is { } refused) return refused;
        if (!CanAdopt) return Forbid();
        var p = await db.GoodPractices.AsNoTracking().FirstOrDefaultAsync(x => x.Id == practiceId);
        if (p is null || !await scope.CanSeeAsync(db, p) || !await db.IsInSubtreeAsync(p.CommitteeId, unitId, scope.Today)) return NotFound();
        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(adoptedOn))
        {
            if (!Dates.TryParseVn(adoptedOn, out var d)) { (Error, ErrorField) = ("Ngày áp dụng ghi theo dạng dd/MM/yyyy.", $"adoptedOn-{practiceId}"); return Page(); }
            day = d;
        }
        var r = await practices.AdoptAsync(practiceId, unitId, day, note);
        if (r.Ok) return Redirect($"/Units/{unitId}/Practices?done=adopted");
        (Error, ErrorField) = (r.Error, $"{r.Field}-{practiceId}");
        return Page();
    }
}
