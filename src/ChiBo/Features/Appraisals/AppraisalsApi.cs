using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Meetings;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Appraisals;

public static partial class AppraisalsApi
{
    public record CriterionLine(int CriterionId, string Code, CriterionGroup Group, string GroupText, string Title, int MaxPoints, CriterionSource Source,
        string SourceText, decimal? ComputedPoints, string? Evidence, decimal? SelfPoints, decimal? ProposedPoints);
    public record EventDto(AppraisalStep Step, string StepText, DateTime At, string Actor, AppraisalLevel? Level, string? LevelText, decimal? Total, string? Note);
    public record AppraisalDto(int Id, int FromYear, int Year, AppraisalSubject Subject, string SubjectText, int UnitId, string UnitName, int? MemberId, string? MemberName,
        int DeciderUnitId, string DeciderName, AppraisalStatus Status, string StatusText, string SchemeCode, string SchemeName,
        List<CriterionLine> Criteria, List<string> Conditions, LevelResult Suggested, string SuggestedLevelText,
        decimal? SelfTotal, AppraisalLevel? SelfLevel, string? SelfLevelText, string? SelfNote,
        decimal? ProposedTotal, AppraisalLevel? ProposedLevel, string? ProposedLevelText, string? ProposalNote,
        AppraisalLevel? DecidedLevel, string? DecidedLevelText, string? DecisionNote,
        MeetingYear? MeetingYear, List<MeetingYear> TermYears, MemberYear? MemberYear, List<EventDto> Events, int Version, bool CanSelfAssess, bool CanPropose, bool CanDecide);
    /// <summary>FromYear (earlier than Year) opens a term's rating, nhiệm kỳ FromYear–Year.</summary>
    public record StartRequest(int Year, int? MemberId, int? FromYear);
    public record StepRequest(List<ScoreInput>? Scores, string? Note, int Version);
    public record DecideRequest(AppraisalLevel? Level, string? Note, int Version);
    public record ReturnRequest(string? Note, int Version);
    public record OverviewLine(int UnitId, string Name, int? MemberId, int? AppraisalId, AppraisalStatus? Status, string StatusText,
        AppraisalLevel? ProposedLevel, AppraisalLevel? DecidedLevel, string? DecidedLevelText);
    public record QuotaDto(int Percent, int Excellent, int Rated, bool Within);
    public record Overview(int UnitId, int Year, AppraisalSubject Subject, int Subjects, int Started, int Decided, Dictionary<string, int> Distribution, QuotaDto? Quota, List<OverviewLine> Lines);
    public record FourGoodDto(int CellId, string CellName, int Year, bool Exists, bool PoliticalTask, string? PoliticalTaskEvidence, bool Unity, string? UnityEvidence,
        bool MeetingQuality, string? MeetingQualityEvidence, bool Members, string? MembersEvidence, bool AllFour, bool Recognized, string? RecognizedBy, DateTime? RecognizedAt,
        bool ProposedMeetingQuality, string ProposedMeetingQualityEvidence, int Version);
    public record FourGoodLine(int UnitId, string Name, int Cells, int Reported, int AllFour, int Recognized);
    public record FourGoodList(int UnitId, int Year, int Cells, int Reported, int AllFour, int Recognized, List<FourGoodLine> Children, List<FourGoodDto> CellsOf);

    public static async Task<AppraisalDto?> LoadAsync(AppDbContext db, AppraisalService svc, AppraisalAccess access, int id, CancellationToken ct = default)
    {
        var a = await svc.FindAsync(id, ct);
        if (a is null) return null;
        var scheme = await svc.SchemeAsync(a.SchemeId, ct);
        var facts = await svc.FactsAsync(a, scheme, ct);
        var asOf = svc.AsOf(a.Year);
        var names = await db.AsDtos(db.Units.Where(u => u.Id == a.UnitId || u.Id == a.DeciderUnitId), asOf).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var member = a.MemberId is { } mid ? await db.Members.Where(m => m.Id == mid).Select(m => m.FullName).FirstAsync(ct) : null;
        var lines = scheme.Criteria.OrderBy(c => c.Order).Select(c =>
        {
            var s = a.Scores.First(x => x.CriterionId == c.Id);
            // Until the decision the records may change (a meeting rated late): show what they give now.
            var (computed, evidence) = a.Status != AppraisalStatus.Decided && facts.Computed.TryGetValue(c.Id, out var f) ? (f.Points, f.Evidence) : (s.ComputedPoints, s.Evidence);
            return new CriterionLine(c.Id, c.Code, c.Group, c.Group.Vietnamese(), c.Title, c.MaxPoints, c.Source, c.Source.Vietnamese(), c.Source == CriterionSource.Manual ? null : computed, evidence, s.SelfPoints, s.ProposedPoints);
        }).ToList();
        // What the latest step's points give with today's records: the level the next step would propose.
        var current = lines.ToDictionary(l => l.CriterionId, l => l.ProposedPoints ?? l.SelfPoints ?? l.ComputedPoints ?? 0);
        var suggested = AppraisalService.Evaluate(scheme, facts, current);
        var steps = await access.StepsAsync(id, ct);
        var events = a.Events.OrderBy(e => e.Id).Select(e => new EventDto(e.Step, e.Step.Vietnamese(), e.At, e.Actor, e.Level, e.Level?.Vietnamese(), e.Total, e.Note)).ToList();
        return new AppraisalDto(a.Id, a.FromYear, a.Year, a.MemberId is null ? AppraisalSubject.Organization : AppraisalSubject.Member,
            (a.MemberId is null ? AppraisalSubject.Organization : AppraisalSubject.Member).Vietnamese(), a.UnitId, names.GetValueOrDefault(a.UnitId, ""),
            a.MemberId, member, a.DeciderUnitId, names.GetValueOrDefault(a.DeciderUnitId, ""), a.Status, a.Status.Vietnamese(), scheme.Code, scheme.Name,
            lines, scheme.Conditions.OrderBy(c => c.Level).Select(c => $"{c.Level.Vietnamese()}: {c.Text}").ToList(), suggested, suggested.Level.Vietnamese(),
            a.SelfTotal, a.SelfLevel, a.SelfLevel?.Vietnamese(), a.SelfNote, a.ProposedTotal, a.ProposedLevel, a.ProposedLevel?.Vietnamese(), a.ProposalNote,
            a.DecidedLevel, a.DecidedLevel?.Vietnamese(), a.DecisionNote, facts.Meetings, a.FromYear < a.Year ? facts.Years : [], facts.Member, events, a.Version,
            a.Status is AppraisalStatus.Draft or AppraisalStatus.SelfAssessed && steps.Self,
            a.Status is AppraisalStatus.SelfAssessed or AppraisalStatus.Proposed && steps.Propose,
            a.Status == AppraisalStatus.Proposed && steps.Decide);
    }

    public static async Task<Overview> OverviewAsync(AppDbContext db, AppraisalService svc, int unitId, int year, AppraisalSubject subject, CancellationToken ct = default)
    {
        var asOf = svc.AsOf(year);
        List<(int UnitId, string Name, int? MemberId)> subjects = subject == AppraisalSubject.Member
            ? (await Members.Roll.OnAsync(db, unitId, asOf, ct)).Select(r => (unitId, r.FullName, (int?)r.MemberId)).ToList()
            : (await db.ChildrenAsync(unitId, asOf, ct)).Select(c => (c.Id, c.Name, (int?)null)).ToList();
        var keys = subjects.Select(s => AppraisalService.KeyOf(s.UnitId, s.MemberId)).ToList();
        var found = await db.Appraisals.Where(a => a.Year == year && keys.Contains(a.SubjectKey))
            .Select(a => new { a.Id, a.SubjectKey, a.Status, a.ProposedLevel, a.DecidedLevel }).ToDictionaryAsync(a => a.SubjectKey, ct);
        var lines = subjects.Select(s =>
        {
            var a = found.GetValueOrDefault(AppraisalService.KeyOf(s.UnitId, s.MemberId));
            return new OverviewLine(s.UnitId, s.Name, s.MemberId, a?.Id, a?.Status, a?.Status.Vietnamese() ?? "Chưa mở đánh giá", a?.ProposedLevel, a?.DecidedLevel, a?.DecidedLevel?.Vietnamese());
        }).OrderBy(l => l.DecidedLevel is null ? 0 : 1).ThenByDescending(l => l.DecidedLevel).ThenBy(l => l.Name).ToList();
        var distribution = Enum.GetValues<AppraisalLevel>().ToDictionary(l => l.Vietnamese(), l => lines.Count(x => x.DecidedLevel == l));
        var decider = subject == AppraisalSubject.Member ? await db.ParentIdAsync(unitId, asOf, ct) ?? unitId : unitId;
        var scheme = await AppraisalSchemes.InForceAsync(db, subject, subject == AppraisalSubject.Member ? unitId : decider, asOf, ct);
        QuotaDto? quota = null;
        if (scheme?.ExcellentQuotaPercent is { } p)
        {
            var q = await svc.QuotaAsync(decider, year, year, subject, p, ct);
            quota = new QuotaDto(p, q.Excellent, q.Rated, 100 * q.Excellent <= p * q.Rated);
        }
        return new Overview(unitId, year, subject, lines.Count, lines.Count(l => l.AppraisalId is not null), lines.Count(l => l.DecidedLevel is not null), distribution, quota, lines);
    }

    public static async Task<FourGoodDto> FourGoodAsync(AppDbContext db, AppraisalService svc, FourGoodService four, int cellId, int year, CancellationToken ct = default)
    {
        var asOf = svc.AsOf(year);
        var name = await db.AsDtos(db.Units.Where(u => u.Id == cellId), asOf).Select(u => u.Name).FirstAsync(ct);
        var f = await four.FindAsync(cellId, year, ct);
        var scheme = await AppraisalSchemes.InForceAsync(db, AppraisalSubject.Organization, cellId, asOf, ct);
        var meetings = scheme is null ? null : await MeetingYear.ComputeAsync(db, scheme, cellId, year, asOf, ct);
        return new FourGoodDto(cellId, name, year, f is not null, f?.PoliticalTask ?? false, f?.PoliticalTaskEvidence, f?.Unity ?? false, f?.UnityEvidence,
            f?.MeetingQuality ?? false, f?.MeetingQualityEvidence, f?.Members ?? false, f?.MembersEvidence, f?.AllFour ?? false, f?.Recognized ?? false, f?.RecognizedBy, f?.RecognizedAt,
            meetings?.Level == RatingLevel.Good, meetings?.Summary ?? "", f?.Version ?? 0);
    }

    public static async Task<FourGoodList> FourGoodListAsync(AppDbContext db, AppraisalService svc, FourGoodService four, int unitId, int year, CancellationToken ct = default)
    {
        var asOf = svc.AsOf(year);
        Task<List<int>> CellsUnder(int node) => db.CellIdsUnder(node, asOf).ToListAsync(ct);
        // Only the records of the node's cells: a province must not read the whole country's year.
        var records = await db.FourGoodRecords.Where(f => f.Year == year && db.CellIdsUnder(unitId, asOf).Contains(f.CellId)).Select(f => new { f.CellId, f.PoliticalTask, f.Unity, f.MeetingQuality, f.Members, f.Recognized })
            .ToListAsync(ct);
        FourGoodLine Line(int id, string name, List<int> cells)
        {
            var set = cells.ToHashSet();
            var mine = records.Where(r => set.Contains(r.CellId)).ToList();
            return new FourGoodLine(id, name, cells.Count, mine.Count, mine.Count(r => r.PoliticalTask && r.Unity && r.MeetingQuality && r.Members), mine.Count(r => r.Recognized));
        }
        var all = await CellsUnder(unitId);
        var children = new List<FourGoodLine>();
        foreach (var c in await db.ChildrenAsync(unitId, asOf, ct)) children.Add(Line(c.Id, c.Name, await CellsUnder(c.Id)));
        var total = Line(unitId, "", all);
        // A commune lists its cells one by one; higher up, the children's counts are the readable view.
        var cellsOf = new List<FourGoodDto>();
        if (all.Count <= 60) foreach (var id in all) cellsOf.Add(await FourGoodAsync(db, svc, four, id, year, ct));
        return new FourGoodList(unitId, year, total.Cells, total.Reported, total.AllFour, total.Recognized,
            children.OrderBy(c => c.Cells == 0 ? 1 : (decimal)c.AllFour / c.Cells).ToList(), cellsOf);
    }

    static Results<Ok<T>, ValidationProblem, ProblemHttpResult, ForbidHttpResult, NotFound> Reply<T, TV>(Outcome<TV> r, T? dto)
    {
        if (r.ToConflict() is { } conflict) return conflict;
        if (!r.Ok) return r.ToProblem();
        return TypedResults.Ok(dto!);
    }
}
