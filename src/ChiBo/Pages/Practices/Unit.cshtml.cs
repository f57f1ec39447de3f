using ChiBo.Data;
using ChiBo.Features.Accounts;
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
        var list = await PracticeQueries.ForUnitAsync(db, unitId, scope.Today);
        if (list is null) return NotFound();
        List = list;
        CanRecord = !list.IsCell && scope.CanRecordPractice(unitId);
        CanAdopt = list.IsCell && scope.ActsFor(unitId);
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

    [Require<PracticeCommitteeAccess, PracticeNeed>(PracticeNeed.Record, "unitId")]
    public async Task<IActionResult> OnPostCreateAsync(int unitId, int? sourceCellId, string? title, string? summary, string? description, int? topicId)
    {
        Form = new PracticeInput(sourceCellId, title, summary, description, topicId, null);
        var r = await practices.CreateAsync(unitId, Form);
        if (r.Ok) return Redirect($"/Practices/{r.Value!.Id}?done=created");
        (Error, ErrorField) = (r.Error, r.Field);
        return await LoadAsync(unitId) ?? Page();
    }

    /// <summary>The practice comes in the query (the form's action), where the declared rule reads it.</summary>
    [Require<UnitAccess, UnitNeed>(UnitNeed.Own, "unitId"), Require<PracticeAccess, PracticeNeed>(PracticeNeed.Read, "practiceId")]
    public async Task<IActionResult> OnPostAdoptAsync(int unitId, [FromQuery] int practiceId, string? adoptedOn, string? note)
    {
        if (await LoadAsync(unitId) is { } refused) return refused;
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
