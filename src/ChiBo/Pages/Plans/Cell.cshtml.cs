using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Meetings;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using ChiBo.Features.Plans;
using ChiBo.Features.Shared;
using ChiBo.Features.Topics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Plans;

/// <summary>A cell's annual thematic plan: drafted and submitted by the cell, approved or returned by its committee, compared with practice.</summary>
[Require<UnitAccess, UnitNeed>(UnitNeed.See, "cellId")]
public class CellModel(AppDbContext db, UserScope scope, UnitAccess units, PlanAccess planAccess, PlanService plans) : PageModel
{
    public UnitDto Cell { get; private set; } = null!;
    public int Year { get; private set; }
    public PlansApi.PlanDto? Plan { get; private set; }
    public PlanPractice? Practice { get; private set; }
    public List<Topic> Topics { get; private set; } = [];
    public List<RollEntry> Members { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanSubmit { get; private set; }
    public bool CanReview { get; private set; }
    public DateOnly Due { get; private set; }
    public string? Error { get; private set; }
    public string? Done { get; private set; }
    /// <summary>Rows shown in the form: the plan's items and some blank ones to add.</summary>
    public List<(int Quarter, int? Month, int? TopicId, string Title, int? PreparerId)> Rows { get; private set; } = [];

    async Task<IActionResult?> LoadAsync(int cellId, int year)
    {
        Year = PageInput.Year(year);
        var cell = await db.AsDtos(db.Units.Where(u => u.Id == cellId), scope.Today).FirstOrDefaultAsync();
        if (cell is null || !cell.IsCell) return NotFound();
        Cell = cell;
        Plan = await PlansApi.LoadAsync(db, plans, cellId, year);
        Due = (await Features.Rules.RuleSets.InForceAsync(db, cellId, new DateOnly(year, 1, 1))).PlanDue(year);
        Practice = Plan is null ? null : await plans.PracticeAsync(cellId, year, scope.Today);
        Topics = await db.Topics.Where(t => t.Active).OrderBy(t => t.Order).ToListAsync();
        var open = Plan?.Status is null or PlanStatus.Draft or PlanStatus.Returned;
        CanEdit = open && (await units.ForAsync(cellId, UnitNeed.Run)).Allowed;
        CanSubmit = CanEdit && Plan is not null && (await units.ForAsync(cellId, UnitNeed.Own)).Allowed;
        CanReview = Plan is { Status: PlanStatus.Submitted } && (await planAccess.ForAsync(Plan.Id, PlanNeed.Review)).Allowed;
        if (CanEdit) Members = (await Roll.OnAsync(db, cellId, scope.Today)).Where(r => r.Status is RollStatus.Official or RollStatus.Probationary).ToList();
        Rows = (Plan?.Items ?? []).Select(i => (i.Quarter, i.Month, (int?)i.TopicId, i.Title, i.PreparerId)).ToList();
        if (CanEdit) for (var q = 1; Rows.Count < 8; q = q % 4 + 1) Rows.Add((q, null, null, "", null));
        return null;
    }

    public async Task<IActionResult> OnGetAsync([FromRoute] int cellId, [FromRoute] int year, string? done)
    {
        Done = done;
        return await LoadAsync(cellId, year) ?? Page();
    }

    async Task<IActionResult> StepAsync(int cellId, int year, Func<Task<Outcome<ThematicPlan>>> step, string done)
    {
        PageInput.Year(year);
        var r = await step();
        if (r.Ok) return Redirect($"/Cells/{cellId}/Plans/{year}?done={Uri.EscapeDataString(done)}");
        Error = r.Error;
        db.ChangeTracker.Clear();
        return await LoadAsync(cellId, year) ?? Page();
    }

    /// <summary>The form's rows; a row missing a field (a hand-made post) counts as blank where the field is optional.</summary>
    [Require<UnitAccess, UnitNeed>(UnitNeed.Run, "cellId")]
    public Task<IActionResult> OnPostSaveAsync([FromRoute] int cellId, [FromRoute] int year, int? version, List<int> quarter, List<int?> month, List<int?> topicId, List<string?> title, List<int?> preparerId) =>
        StepAsync(cellId, year, () =>
        {
            var items = new List<PlanItemInput>();
            for (var i = 0; i < quarter.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(title.ElementAtOrDefault(i)) && topicId.ElementAtOrDefault(i) is null) continue;   // blank row
                items.Add(new PlanItemInput(quarter[i], month.ElementAtOrDefault(i), topicId.ElementAtOrDefault(i) ?? 0, title.ElementAtOrDefault(i) ?? "", preparerId.ElementAtOrDefault(i)));
            }
            return plans.SaveAsync(cellId, year, version, items);
        }, "Đã lưu dự thảo kế hoạch.");

    [Require<UnitAccess, UnitNeed>(UnitNeed.Own, "cellId")]
    public Task<IActionResult> OnPostSubmitAsync([FromRoute] int cellId, [FromRoute] int year, int? version) =>
        StepAsync(cellId, year, () => plans.SubmitAsync(cellId, year, PageInput.Version(version)), "Đã gửi kế hoạch lên cấp ủy.");

    /// <summary>The plan reviewed is the one in the address (planId), which the declaration checks.</summary>
    [Require<PlanAccess, PlanNeed>(PlanNeed.Review, "planId")]
    public Task<IActionResult> OnPostReviewAsync([FromRoute] int cellId, [FromRoute] int year, [FromQuery] int planId, int? version, bool approve, string? comment) =>
        StepAsync(cellId, year, async () => await db.ThematicPlans.AnyAsync(p => p.Id == planId && p.CellId == cellId && p.Year == year)
            ? await plans.ReviewAsync(planId, approve, comment, PageInput.Version(version))
            : Outcome<ThematicPlan>.Fail("planId", "Kế hoạch được duyệt không phải kế hoạch của chi bộ trong năm này."), approve ? "Đã phê duyệt kế hoạch." : "Đã trả lại kế hoạch.");
}
