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

/// <summary>
/// One good practice: what it is, the minutes it stands on, its figures, who adopted it and where it spread (by child unit of
/// <c>node</c>, drilling down). The recording committee edits the draft, cites meetings, fills figures and publishes here.
/// </summary>
[Require<PracticeAccess, PracticeNeed>(PracticeNeed.Read)]
public class DetailsModel(AppDbContext db, UserScope scope, PracticeService practices) : PageModel
{
    public PracticeDto P { get; private set; } = null!;
    public PracticeSpread? Spread { get; private set; }
    public List<UnitDto> Trail { get; private set; } = [];
    public List<Meeting> Citable { get; private set; } = [];
    public List<Topic> Topics { get; private set; } = [];
    public bool CanWithdraw { get; private set; }
    /// <summary>The viewer's own cell, when it may still adopt this practice.</summary>
    public int? AdoptCellId { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }
    public string? Done { get; private set; }
    public DateOnly FiguresFrom { get; private set; }
    public DateOnly FiguresTo { get; private set; }

    async Task<IActionResult?> LoadAsync(int id, int? node)
    {
        if (await PracticeQueries.LoadAsync(db, scope, id) is not { } p) return NotFound();
        P = p;
        var canRecord = scope.CanRecordPractice(P.CommitteeId);
        CanWithdraw = canRecord && P.Status == PracticeStatus.Published;
        (FiguresTo, FiguresFrom) = (scope.Today, scope.Today.AddYears(-1).AddDays(1));
        if (P.CanEdit)
        {
            Citable = await PracticeQueries.CitableMeetingsAsync(db, P.SourceCellId);
            Topics = await db.Topics.Where(t => t.Active).OrderBy(t => t.Order).ToListAsync();
        }
        if (P.Status == PracticeStatus.Published)
        {
            var cell = scope.RootUnitId;
            if (cell != P.SourceCellId && P.Adoptions.All(a => a.CellId != cell) && await db.Units.AnyAsync(u => u.Id == cell && u.UnitType!.IsCell)
                && scope.ActsFor(cell) && await db.IsInSubtreeAsync(P.CommitteeId, cell, scope.Today))
                AdoptCellId = cell;
            // The spread from the node asked for, else from the committee (or the account's own node when it sits below the committee).
            var from = node ?? (await scope.CanSeeUnitAsync(P.CommitteeId) ? P.CommitteeId : scope.RootUnitId);
            if (await scope.CanSeeUnitAsync(from))
            {
                Spread = await PracticeSpreads.ForNodeAsync(db, from, id, scope.Today);
                // Drill back up only as far as both the audience and the account reach: from the deeper of the committee and the account's node.
                var chain = await db.AncestorsAsync(from, scope.Today);
                var start = Math.Max(chain.FindIndex(u => u.Id == P.CommitteeId), chain.FindIndex(u => u.Id == scope.RootUnitId));
                Trail = start < 0 ? [] : chain[start..];
            }
        }
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, int? node, string? done)
    {
        Done = done;
        return await LoadAsync(id, node) ?? Page();
    }

    async Task<IActionResult> StepAsync(int id, Func<Task<Outcome<GoodPractice>>> step, string done)
    {
        if (await LoadAsync(id, null) is { } refused) return refused;
        var r = await step();
        if (r.Ok) return Redirect($"/Practices/{id}?done={done}");
        (Error, ErrorField) = (r.Error, r.Field);
        db.ChangeTracker.Clear();
        return await LoadAsync(id, null) ?? Page();
    }

    [Require<PracticeAccess, PracticeNeed>(PracticeNeed.Record)]
    public Task<IActionResult> OnPostSaveAsync(int id, int version, string? title, string? summary, string? description, int? topicId, List<FigureInput>? figures) =>
        StepAsync(id, () => practices.UpdateAsync(id, version, new PracticeInput(null, title, summary, description, topicId, figures)), "saved");

    /// <summary>The picked excerpt comes as "meeting:item:remark" (item and remark empty for the resolution).</summary>
    [Require<PracticeAccess, PracticeNeed>(PracticeNeed.Record)]
    public Task<IActionResult> OnPostEvidenceAsync(int id, int version, string? pick) => StepAsync(id, () =>
    {
        var parts = (pick ?? "").Split(':');
        if (parts.Length != 3 || !int.TryParse(parts[0], out var meeting))
            return Task.FromResult(Outcome<GoodPractice>.Fail("pick", "Chọn một kết luận, ý kiến hoặc nghị quyết trong biên bản để trích dẫn."));
        int? Opt(string s) => int.TryParse(s, out var v) ? v : null;
        return practices.LinkEvidenceAsync(id, version, meeting, Opt(parts[1]), Opt(parts[2]));
    }, "evidence");

    [Require<PracticeAccess, PracticeNeed>(PracticeNeed.Record)]
    public Task<IActionResult> OnPostUnlinkAsync(int id, int version, int evidenceId) =>
        StepAsync(id, () => practices.UnlinkEvidenceAsync(id, version, evidenceId), "saved");

    /// <summary>Replaces the figures with those computed from the source cell's records over the period, keeping the rest of the draft.</summary>
    [Require<PracticeAccess, PracticeNeed>(PracticeNeed.Record)]
    public Task<IActionResult> OnPostFiguresAsync(int id, int version, string? from, string? to) => StepAsync(id, async () =>
    {
        if (!Dates.TryParseVn(from, out var f)) return Outcome<GoodPractice>.Fail("from", "Ngày bắt đầu ghi theo dạng dd/MM/yyyy.");
        if (!Dates.TryParseVn(to, out var t)) return Outcome<GoodPractice>.Fail("to", "Ngày kết thúc ghi theo dạng dd/MM/yyyy.");
        if (f > t) return Outcome<GoodPractice>.Fail("from", "Ngày bắt đầu phải trước ngày kết thúc.");
        var figures = await PracticeFigures.FromRecordsAsync(db, P.SourceCellId, f, t);
        return await practices.UpdateAsync(id, version, new PracticeInput(null, P.Title, P.Summary, P.Description, P.TopicId, figures));
    }, "figures");

    [Require<PracticeAccess, PracticeNeed>(PracticeNeed.Record)]
    public Task<IActionResult> OnPostPublishAsync(int id, int version) => StepAsync(id, () => practices.PublishAsync(id, version), "published");

    [Require<PracticeAccess, PracticeNeed>(PracticeNeed.Record)]
    public Task<IActionResult> OnPostWithdrawAsync(int id, int version, string? reason) => StepAsync(id, () => practices.WithdrawAsync(id, version, reason), "withdrawn");

    /// <summary>The viewer's own cell adopts (the cell's step: <see cref="AdoptCellId"/> is set only for its own secretary).</summary>
    [Require<PracticeAccess, PracticeNeed>(PracticeNeed.Read), OwnNode(UnitNeed.Own)]
    public async Task<IActionResult> OnPostAdoptAsync(int id, string? adoptedOn, string? note)
    {
        if (await LoadAsync(id, null) is { } refused) return refused;
        if (AdoptCellId is not { } cell) return Forbid();
        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(adoptedOn))
        {
            if (!Dates.TryParseVn(adoptedOn, out var d)) { (Error, ErrorField) = ("Ngày áp dụng ghi theo dạng dd/MM/yyyy.", "adoptedOn"); return Page(); }
            day = d;
        }
        var r = await practices.AdoptAsync(id, cell, day, note);
        if (r.Ok) return Redirect($"/Practices/{id}?done=adopted");
        (Error, ErrorField) = (r.Error, r.Field);
        return Page();
    }
}
