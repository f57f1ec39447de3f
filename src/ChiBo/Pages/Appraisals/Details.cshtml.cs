using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Appraisals;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Appraisals;

/// <summary>One rating: the criteria with what the records propose and their evidence, each step's points, and the step the account may take.</summary>
[AnyAccount("transitional: the handlers check the appraisal's scope")]
public class DetailsModel(AppDbContext db, UserScope scope, AppraisalService svc) : PageModel
{
    public AppraisalsApi.AppraisalDto A { get; private set; } = null!;
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }
    public string? Done { get; private set; }
    /// <summary>The points typed in a refused form, so nothing typed is lost.</summary>
    public Dictionary<string, string> Typed { get; } = [];

    async Task<IActionResult?> LoadAsync(int id)
    {
        var a = await db.Appraisals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (a is null) return NotFound();
        if (!await scope.CanSeeAsync(a)) return Forbid();
        db.ChangeTracker.Clear();
        A = (await AppraisalsApi.LoadAsync(db, svc, scope, id))!;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    async Task<IActionResult> Step(int id, Func<Appraisal, Task<bool>> allowed, Func<Task<Outcome<Appraisal>>> run, string done)
    {
        var a = await db.Appraisals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (a is null) return NotFound();
        if (!await scope.CanSeeAsync(a) || !await allowed(a)) return Forbid();
        var r = await run();
        (Error, ErrorField, Done) = r.Ok ? ((string?)null, (string?)null, (string?)done) : (r.Error, r.Field, null);
        return await LoadAsync(id) ?? Page();
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

    public Task<IActionResult> OnPostSelfAsync(int id, Dictionary<string, string>? points, string? note, int version) =>
        Step(id, a => scope.CanSelfAssessAsync(a), () => Scores(points) is { } s ? svc.SelfAssessAsync(id, s, note, version) : Task.FromResult(NotANumber()), "Đã ghi tự đánh giá, tự xếp loại.");

    public Task<IActionResult> OnPostProposeAsync(int id, Dictionary<string, string>? points, string? note, int version) =>
        Step(id, a => scope.CanProposeAsync(a), () => Scores(points) is { } s ? svc.ProposeAsync(id, s, note, version) : Task.FromResult(NotANumber()), "Đã ghi nhận xét và đề xuất xếp loại.");

    public Task<IActionResult> OnPostDecideAsync(int id, AppraisalLevel? level, string? note, int version) =>
        Step(id, a => scope.CanDecideAsync(a.UnitId, a.DeciderUnitId), () => svc.DecideAsync(id, level, note, version), "Đã quyết định xếp loại.");

    public Task<IActionResult> OnPostReturnAsync(int id, string? note, int version) =>
        Step(id, async a => await scope.CanDecideAsync(a.UnitId, a.DeciderUnitId) || (a.Status == AppraisalStatus.SelfAssessed && await scope.CanProposeAsync(a)),
            () => svc.ReturnAsync(id, note, version), "Đã trả lại để đánh giá lại.");
}
