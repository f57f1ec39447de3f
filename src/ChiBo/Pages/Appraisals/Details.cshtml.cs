using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Appraisals;
using ChiBo.Features.Plans;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Appraisals;

/// <summary>One rating: the criteria with what the records propose and their evidence, each step's points, and the step the account may take.</summary>
[Require<AppraisalAccess, AppraisalNeed>(AppraisalNeed.Read)]
public class DetailsModel(AppDbContext db, AppraisalAccess access, AppraisalService svc) : PageModel
{
    public AppraisalsApi.AppraisalDto A { get; private set; } = null!;
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }
    public string? Done { get; private set; }
    /// <summary>The points typed in a refused form, so nothing typed is lost.</summary>
    public Dictionary<string, string> Typed { get; } = [];

    async Task LoadAsync(int id)
    {
        db.ChangeTracker.Clear();
        A = (await AppraisalsApi.LoadAsync(db, svc, access, id))!;
    }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id)
    {
        await LoadAsync(id);
        return Page();
    }

    async Task<IActionResult> Step(int id, Func<Task<Outcome<Appraisal>>> run, string done)
    {
        var r = await run();
        (Error, ErrorField, Done) = r.Ok ? ((string?)null, (string?)null, (string?)done) : (r.Error, r.Field, null);
        await LoadAsync(id);
        return Page();
    }

    List<ScoreInput>? Scores(Dictionary<string, string>? points)
    {
        var list = new List<ScoreInput>();
        foreach (var (code, text) in points ?? [])
        {
            Typed[code] = text;
            if (string.IsNullOrWhiteSpace(text)) continue;   // a computed criterion left blank takes what the records give
            if (!decimal.TryParse(text.Replace(',', '.'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var p)) return null;
            list.Add(new ScoreInput(code, p));
        }
        return list;
    }

    static Outcome<Appraisal> NotANumber() => Outcome<Appraisal>.Fail("scores", "Điểm phải là số (có thể có phần thập phân, ví dụ 8,5).");

    [Require<AppraisalAccess, AppraisalNeed>(AppraisalNeed.Self)]
    public Task<IActionResult> OnPostSelfAsync([FromRoute] int id, Dictionary<string, string>? points, string? note, int? version) =>
        Step(id, () => Scores(points) is { } s ? svc.SelfAssessAsync(id, s, note, PageInput.Version(version)) : Task.FromResult(NotANumber()), "Đã ghi tự đánh giá, tự xếp loại.");

    [Require<AppraisalAccess, AppraisalNeed>(AppraisalNeed.Propose)]
    public Task<IActionResult> OnPostProposeAsync([FromRoute] int id, Dictionary<string, string>? points, string? note, int? version) =>
        Step(id, () => Scores(points) is { } s ? svc.ProposeAsync(id, s, note, PageInput.Version(version)) : Task.FromResult(NotANumber()), "Đã ghi nhận xét và đề xuất xếp loại.");

    [Require<AppraisalAccess, AppraisalNeed>(AppraisalNeed.Decide)]
    public Task<IActionResult> OnPostDecideAsync([FromRoute] int id, AppraisalLevel? level, string? note, int? version) =>
        Step(id, () => svc.DecideAsync(id, level, note, PageInput.Version(version)), "Đã quyết định xếp loại.");

    [Require<AppraisalAccess, AppraisalNeed>(AppraisalNeed.Return)]
    public Task<IActionResult> OnPostReturnAsync([FromRoute] int id, string? note, int? version) =>
        Step(id, () => svc.ReturnAsync(id, note, PageInput.Version(version)), "Đã trả lại để đánh giá lại.");
}
