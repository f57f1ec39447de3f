using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Rules;
using ChiBo.Features.Shared;
using ChiBo.Features.Topics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Rules;

/// <summary>
/// The meeting rules in force for the account's node, their history, and (for committee staff) a new version for
/// the node's subtree from a date; the topic taxonomy beside them.
/// </summary>
[AnyAccount("the rule sets in force are reference data for every account")]
public class IndexModel(AppDbContext db, UserScope scope, TimeProvider clock) : PageModel
{
    public RuleSet InForce { get; private set; } = null!;
    public List<RuleSet> Related { get; private set; } = [];
    public List<Topic> Topics { get; private set; } = [];
    public bool CanEdit => scope.IsStaff;
    public string? Saved { get; private set; }

    [BindProperty] public RuleSet Form { get; set; } = new() { Name = "", PeriodicAgenda = "", ThematicAgenda = "" };
    [BindProperty] public string? EffectiveFromText { get; set; }
    [BindProperty] public string? TopicCode { get; set; }
    [BindProperty] public string? TopicName { get; set; }

    public async Task OnGetAsync(string? saved)
    {
        Saved = saved;
        await LoadAsync();
        Form = Draft(InForce);
        EffectiveFromText = scope.Today.AddDays(1).Vn();
    }

    /// <summary>A rule set for the account's own node: its committee staff (or an administrator) only.</summary>
    [OwnNode(UnitNeed.Manage)]
    public async Task<IActionResult> OnPostAsync()
    {
        var f = Form;
        if (!Dates.TryParseVn(EffectiveFromText, out var from)) ModelState.AddModelError(nameof(EffectiveFromText), "Ngày hiệu lực không hợp lệ (dd/MM/yyyy).");
        var draft = new RuleSet
        {
            Name = f.Name?.Trim() ?? "", UnitId = scope.RootUnitId, EffectiveFrom = from == default ? RuleSetChecks.Earliest : from, MeetingDay = f.MeetingDay,
            ThematicPerQuarter = f.ThematicPerQuarter, MinMinutes = f.MinMinutes, MinMinutesCombined = f.MinMinutesCombined, NoticeDays = f.NoticeDays,
            AttendancePercent = f.AttendancePercent, MaxExcusedInRow = f.MaxExcusedInRow, ParticipationPercent = f.ParticipationPercent,
            GoodMin = f.GoodMin, FairMin = f.FairMin, AverageMin = f.AverageMin, PeriodicAgenda = "", ThematicAgenda = "",
        };
        foreach (var (field, messages) in RuleSetChecks.Check(draft))
            ModelState.AddModelError(field == "effectiveFrom" ? nameof(EffectiveFromText) : "Form." + char.ToUpperInvariant(field[0]) + field[1..], messages[0]);
        ModelState.Remove("Form.PeriodicAgenda"); ModelState.Remove("Form.ThematicAgenda");
        if (!ModelState.IsValid) { await LoadAsync(); return Page(); }
        RuleSet current;
        try { current = await RuleSets.InForceAsync(db, scope.RootUnitId, from); }
        catch (RefusedException e)
        {
            ModelState.AddModelError(nameof(EffectiveFromText), e.Message);
            await LoadAsync();
            return Page();
        }
        draft.CreatedAt = clock.GetUtcNow().UtcDateTime;
        draft.CreatedBy = scope.Name;
        draft.PeriodicAgenda = string.IsNullOrWhiteSpace(f.PeriodicAgenda) ? current.PeriodicAgenda : f.PeriodicAgenda.Trim();
        draft.ThematicAgenda = string.IsNullOrWhiteSpace(f.ThematicAgenda) ? current.ThematicAgenda : f.ThematicAgenda.Trim();
        draft.Criteria = current.Criteria.Select(c => new RubricCriterion { Code = c.Code, Part = c.Part, Title = c.Title, MaxPoints = c.MaxPoints, Measure = c.Measure, Gating = c.Gating, Order = c.Order }).ToList();
        db.RuleSets.Add(draft);
        await db.SaveChangesAsync();
        return Redirect("/Rules?saved=" + Uri.EscapeDataString($"Đã ban hành bộ quy định, hiệu lực từ {from.Vn()}."));
    }

    [OwnNode(UnitNeed.Manage)]
    public async Task<IActionResult> OnPostTopicAsync()
    {
        if (TopicsApi.Refuse(TopicCode, TopicName) is { } bad) ModelState.AddModelError(bad.Field == "code" ? nameof(TopicCode) : nameof(TopicName), bad.Message);
        else if (await db.Topics.AnyAsync(t => t.Code == TopicCode!.Trim())) ModelState.AddModelError(nameof(TopicCode), "Mã chủ đề đã có.");
        if (!ModelState.IsValid) { await LoadAsync(); Form = Draft(InForce); return Page(); }
        db.Topics.Add(new Topic { Code = TopicCode!.Trim(), Name = TopicName!.Trim(), OwnerUnitId = scope.RootUnitId, Order = 100 });
        await db.SaveChangesAsync();
        return Redirect("/Rules?saved=" + Uri.EscapeDataString("Đã thêm chủ đề."));
    }

    /// <summary>The form starts from the rule set in force (a copy: the loaded entity stays as it is).</summary>
    static RuleSet Draft(RuleSet r) => new()
    {
        Name = "", MeetingDay = r.MeetingDay, ThematicPerQuarter = r.ThematicPerQuarter, MinMinutes = r.MinMinutes, MinMinutesCombined = r.MinMinutesCombined,
        NoticeDays = r.NoticeDays, AttendancePercent = r.AttendancePercent, MaxExcusedInRow = r.MaxExcusedInRow, ParticipationPercent = r.ParticipationPercent,
        GoodMin = r.GoodMin, FairMin = r.FairMin, AverageMin = r.AverageMin, PeriodicAgenda = r.PeriodicAgenda, ThematicAgenda = r.ThematicAgenda,
    };

    async Task LoadAsync()
    {
        InForce = await RuleSets.InForceAsync(db, scope.RootUnitId, scope.Today);
        var related = db.UnitClosures.Where(c => c.AncestorId == scope.RootUnitId || c.DescendantId == scope.RootUnitId)
            .Select(c => c.AncestorId == scope.RootUnitId ? c.DescendantId : c.AncestorId);
        Related = await db.RuleSets.Where(r => r.UnitId == null || related.Contains(r.UnitId.Value)).OrderBy(r => r.EffectiveFrom).ToListAsync();
        Topics = await db.Topics.OrderBy(t => t.Order).ThenBy(t => t.Id).ToListAsync();
    }
}
