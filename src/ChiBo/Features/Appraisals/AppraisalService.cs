using ChiBo.Data;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using ChiBo.Features.Plans;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Appraisals;

public record ScoreInput(string Code, decimal Points);

/// <summary>The points and level a step gives, and the conditions that held a better level back.</summary>
public record LevelResult(decimal Total, AppraisalLevel ByPoints, AppraisalLevel Level, List<string> NotMet);

/// <summary>
/// Annual rating of a party organization or member: opened with the scheme in force and the scores the records propose,
/// then self-assessed, appraised and proposed by the cell (or committee), and decided by the level above.
/// Every step re-reads the records, so a meeting rated late still counts until the decision.
/// </summary>
public class AppraisalService(AppDbContext db, PlanService plans, TimeProvider clock, IHttpContextAccessor http)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;
    DateOnly Today => Accounts.VnTime.Day(Now);
    string Actor => http.HttpContext?.User.Identity?.Name ?? "hệ thống";

    static Outcome<Appraisal> Fail(string field, string message) => Outcome<Appraisal>.Fail(field, message);
    static Outcome<Appraisal> Conflict() => Fail("version", "Bản đánh giá đã được người khác cập nhật. Hãy tải lại trang rồi thực hiện lại.");

    /// <summary>The day the year is judged on: its last day, or today while it runs.</summary>
    public DateOnly AsOf(int year) => new DateOnly(year, 12, 31) < Today ? new DateOnly(year, 12, 31) : Today;

    public Task<Appraisal?> FindAsync(int id, CancellationToken ct = default) =>
        db.Appraisals.Include(a => a.Scores).Include(a => a.Events.OrderBy(e => e.Id)).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>The subject and its period: "U:12" (a year), "U:12@2021" (the term 2021 to the rating's year).</summary>
    public static string KeyOf(int unitId, int? memberId, int? fromYear = null) => (memberId is { } m ? $"M:{m}" : $"U:{unitId}") + (fromYear is { } f ? $"@{f}" : "");

    /// <summary>A term (nhiệm kỳ) is at most five years.</summary>
    public const int MaxTermYears = 5;

    /// <summary>Opens the year's (or, with fromYear, the term's) rating of an organization (memberId null) or of a member of the cell.</summary>
    public async Task<Outcome<Appraisal>> StartAsync(int unitId, int? memberId, int year, int? fromYear = null, CancellationToken ct = default)
    {
        if (year < 2000 || year > Today.Year) return Fail("year", "Chỉ đánh giá, xếp loại năm đã qua hoặc năm hiện tại.");
        if (fromYear is { } f && (f >= year || year - f + 1 > MaxTermYears))
            return Fail("fromYear", $"Nhiệm kỳ gồm từ 2 đến {MaxTermYears} năm, kết thúc ở năm đánh giá.");
        var asOf = AsOf(year);
        var unit = await db.Units.Include(u => u.UnitType).FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null) return Fail("unitId", "Không có tổ chức đảng này.");
        if (unit.EffectiveFrom > asOf) return Fail("year", $"Tổ chức đảng được thành lập ngày {unit.EffectiveFrom.Vn()}, sau năm {year}.");
        if (memberId is { } mid)
        {
            if (!unit.UnitType!.IsCell) return Fail("memberId", "Đảng viên được đánh giá tại chi bộ nơi sinh hoạt.");
            var roll = await Roll.OnAsync(db, unitId, unit.EffectiveTo is { } t && t <= asOf ? t.AddDays(-1) : asOf, ct);
            if (roll.All(r => r.MemberId != mid)) return Fail("memberId", $"Đảng viên không sinh hoạt tại chi bộ này vào ngày {asOf.Vn()}.");
        }
        var key = KeyOf(unitId, memberId, fromYear);
        if (await db.Appraisals.AnyAsync(a => a.Year == year && a.SubjectKey == key, ct))
            return Fail("year", fromYear is null ? $"Đã có bản đánh giá, xếp loại năm {year}." : $"Đã có bản đánh giá, xếp loại nhiệm kỳ {fromYear}–{year}.");
        var subject = memberId is null ? AppraisalSubject.Organization : AppraisalSubject.Member;
        var scheme = await AppraisalSchemes.InForceAsync(db, subject, unitId, asOf, ct);
        if (scheme is null) return Fail("year", $"Chưa có quy định đánh giá, xếp loại {subject.Vietnamese().ToLowerInvariant()} áp dụng cho năm {year}.");
        // The level above: the organization's parent, or for a member the cell's parent (the standing committee that decides).
        var decider = await db.ParentIdAsync(unitId, unit.EffectiveTo is { } end && end <= asOf ? end.AddDays(-1) : asOf, ct);
        if (decider is null) return Fail("unitId", "Không có cấp ủy cấp trên để quyết định xếp loại.");
        var a = new Appraisal { SchemeId = scheme.Id, Year = year, FromYear = fromYear ?? year, UnitId = unitId, MemberId = memberId, SubjectKey = key, DeciderUnitId = decider.Value, Status = AppraisalStatus.Draft, CreatedAt = Now };
        a.Scores.AddRange(scheme.Criteria.OrderBy(c => c.Order).Select(c => new AppraisalScore { CriterionId = c.Id }));
        a.Events.Add(new AppraisalEvent { Step = AppraisalStep.Started, At = Now, Actor = Actor });
        await RefreshComputedAsync(a, scheme, ct);
        db.Appraisals.Add(a);
        await db.SaveChangesAsync(ct);
        return Outcome<Appraisal>.Success(a);
    }

    public async Task<AppraisalScheme> SchemeAsync(int schemeId, CancellationToken ct = default) =>
        await db.AppraisalSchemes.Include(s => s.Criteria).Include(s => s.Conditions).AsSplitQuery().FirstAsync(s => s.Id == schemeId, ct);

    // A step computes the facts before saving and the reply reads them again; the records do not change in between, so one
    // request (this service is scoped) computes them once. A committee's facts cost about 4 queries per cell.
    readonly Dictionary<(int SchemeId, int UnitId, int? MemberId, int FromYear, int Year), AppraisalFacts> computed = [];

    public async Task<AppraisalFacts> FactsAsync(Appraisal a, AppraisalScheme scheme, CancellationToken ct = default)
    {
        var key = (scheme.Id, a.UnitId, a.MemberId, a.FromYear, a.Year);
        if (!computed.TryGetValue(key, out var facts))
            computed[key] = facts = await AppraisalEvidence.ComputeAsync(db, plans, scheme, a.UnitId, a.MemberId, a.FromYear, a.Year, AsOf(a.Year), ct);
        return facts;
    }

    async Task<AppraisalFacts> RefreshComputedAsync(Appraisal a, AppraisalScheme scheme, CancellationToken ct)
    {
        var facts = await FactsAsync(a, scheme, ct);
        foreach (var s in a.Scores)
            if (facts.Computed.TryGetValue(s.CriterionId, out var c)) (s.ComputedPoints, s.Evidence) = (c.Points, c.Evidence);
        return facts;
    }

    /// <summary>Points to level, then each extra condition of that level (or a better one) that fails drops it one level.</summary>
    public static LevelResult Evaluate(AppraisalScheme scheme, AppraisalFacts facts, IReadOnlyDictionary<int, decimal> points)
    {
        var total = points.Values.Sum();
        var byPoints = scheme.LevelOf(total);
        var level = byPoints;
        var notMet = new List<string>();
        while (level != AppraisalLevel.Fail)
        {
            var failed = scheme.Conditions.Where(c => level <= c.Level && !Holds(c, scheme, facts, points)).ToList();
            if (failed.Count == 0) break;
            notMet.AddRange(failed.Select(c => $"Chưa đạt điều kiện “{c.Text}” để xếp {c.Level.Vietnamese()}."));
            level++;
        }
        return new LevelResult(total, byPoints, level, notMet.Distinct().ToList());
    }

    static bool Holds(AppraisalCondition c, AppraisalScheme scheme, AppraisalFacts facts, IReadOnlyDictionary<int, decimal> points) => c.Kind switch
    {
        // Lower enum value = better meeting rating level.
        // For a term, every year of it must reach the level.
        ConditionKind.MeetingYearAtLeast => facts.Years.All(y => (int)y.Level <= c.Value),
        ConditionKind.EveryCriterionAtLeastPercent => scheme.Criteria.All(k => 100m * points.GetValueOrDefault(k.Id) >= c.Value * k.MaxPoints),
        ConditionKind.MaxUnexcusedAbsences => facts.Member is null || facts.Member.AbsentUnexcused <= c.Value,
        ConditionKind.MinAttendancePercent => facts.Member is null || facts.Member.Counted == 0 || facts.Member.Rate >= c.Value,
        _ => true,
    };

    /// <summary>Given points by criterion code; a computed criterion left out takes what the records give.</summary>
    Outcome<Dictionary<int, decimal>> Points(AppraisalScheme scheme, Appraisal a, List<ScoreInput>? input, bool computedDefaults)
    {
        var given = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in input ?? [])
        {
            var c = scheme.Criteria.FirstOrDefault(k => string.Equals(k.Code, s.Code, StringComparison.OrdinalIgnoreCase));
            if (c is null) return Outcome<Dictionary<int, decimal>>.Fail("scores", $"Không có tiêu chí “{s.Code}” trong quy định đang áp dụng.");
            if (s.Points < 0 || s.Points > c.MaxPoints) return Outcome<Dictionary<int, decimal>>.Fail("scores", $"Tiêu chí {c.Code}: điểm phải từ 0 đến {c.MaxPoints}.");
            given[c.Code] = s.Points;
        }
        var result = new Dictionary<int, decimal>();
        foreach (var c in scheme.Criteria)
        {
            if (given.TryGetValue(c.Code, out var p)) result[c.Id] = p;
            else if (computedDefaults && c.Source != CriterionSource.Manual && a.Scores.FirstOrDefault(s => s.CriterionId == c.Id)?.ComputedPoints is { } cp) result[c.Id] = cp;
            else return Outcome<Dictionary<int, decimal>>.Fail("scores", $"Chưa chấm tiêu chí {c.Code}: {c.Title}.");
        }
        return Outcome<Dictionary<int, decimal>>.Success(result);
    }

    public async Task<Outcome<Appraisal>> SelfAssessAsync(int id, List<ScoreInput>? scores, string? note, int version, CancellationToken ct = default)
    {
        var a = await FindAsync(id, ct);
        if (a is null) return Fail("id", "Không có bản đánh giá này.");
        if (a.Version != version) return Conflict();
        if (a.Status is AppraisalStatus.Proposed or AppraisalStatus.Decided) return Fail("status", "Đã đề xuất xếp loại: không tự đánh giá lại được (trừ khi bị trả lại).");
        var scheme = await SchemeAsync(a.SchemeId, ct);
        var facts = await RefreshComputedAsync(a, scheme, ct);
        var points = Points(scheme, a, scores, computedDefaults: true);
        if (!points.Ok) return Fail(points.Field!, points.Error!);
        var r = Evaluate(scheme, facts, points.Value!);
        foreach (var s in a.Scores) s.SelfPoints = points.Value![s.CriterionId];
        (a.SelfTotal, a.SelfLevel, a.SelfNote, a.Status) = (r.Total, r.Level, Trim(note), AppraisalStatus.SelfAssessed);
        a.Events.Add(new AppraisalEvent { Step = AppraisalStep.SelfAssessed, At = Now, Actor = Actor, Level = r.Level, Total = r.Total, Note = Trim(note) });
        return await SaveAsync(a, ct);
    }

    public async Task<Outcome<Appraisal>> ProposeAsync(int id, List<ScoreInput>? scores, string? note, int version, CancellationToken ct = default)
    {
        var a = await FindAsync(id, ct);
        if (a is null) return Fail("id", "Không có bản đánh giá này.");
        if (a.Version != version) return Conflict();
        if (a.Status == AppraisalStatus.Draft) return Fail("status", "Chưa tự đánh giá, tự xếp loại: chưa đề xuất được.");
        if (a.Status == AppraisalStatus.Decided) return Fail("status", "Cấp trên đã quyết định xếp loại.");
        if (string.IsNullOrWhiteSpace(note)) return Fail("note", "Nhập nhận xét của chi bộ (cấp ủy) về ưu điểm, hạn chế.");
        var scheme = await SchemeAsync(a.SchemeId, ct);
        var facts = await RefreshComputedAsync(a, scheme, ct);
        var points = Points(scheme, a, scores, computedDefaults: true);
        if (!points.Ok) return Fail(points.Field!, points.Error!);
        var r = Evaluate(scheme, facts, points.Value!);
        foreach (var s in a.Scores) s.ProposedPoints = points.Value![s.CriterionId];
        (a.ProposedTotal, a.ProposedLevel, a.ProposalNote, a.Status) = (r.Total, r.Level, Trim(note), AppraisalStatus.Proposed);
        a.Events.Add(new AppraisalEvent { Step = AppraisalStep.Proposed, At = Now, Actor = Actor, Level = r.Level, Total = r.Total, Note = Trim(note) });
        return await SaveAsync(a, ct);
    }

    /// <summary>The level above decides: the proposed level unless it says otherwise (and why); the quota, if set, is checked.</summary>
    public async Task<Outcome<Appraisal>> DecideAsync(int id, AppraisalLevel? level, string? note, int version, CancellationToken ct = default)
    {
        var a = await FindAsync(id, ct);
        if (a is null) return Fail("id", "Không có bản đánh giá này.");
        if (a.Version != version) return Conflict();
        if (a.Status != AppraisalStatus.Proposed) return Fail("status", a.Status == AppraisalStatus.Decided ? "Đã quyết định xếp loại." : "Chi bộ (cấp ủy) chưa đề xuất xếp loại.");
        if (level is { } l && !Enum.IsDefined(l)) return Fail("level", "Mức xếp loại không hợp lệ.");
        var decided = level ?? a.ProposedLevel!.Value;
        if (decided != a.ProposedLevel && string.IsNullOrWhiteSpace(note)) return Fail("note", "Quyết định khác mức đề xuất: nhập lý do.");
        var scheme = await SchemeAsync(a.SchemeId, ct);
        if (decided == AppraisalLevel.Excellent && await UnmetForExcellentAsync(a, scheme, ct) is { } unmet)
            return Fail("level", $"Không quyết định được “{AppraisalLevel.Excellent.Vietnamese()}”: chưa đạt điều kiện “{unmet}”.");
        if (decided == AppraisalLevel.Excellent && scheme.ExcellentQuotaPercent is { } quota)
        {
            var q = await QuotaAsync(a.DeciderUnitId, a.Year, a.FromYear, a.MemberId is null ? AppraisalSubject.Organization : AppraisalSubject.Member, quota, ct);
            // Counted against everyone this level rates in the year, so the first decisions are not blocked by an empty denominator.
            if (100 * (q.Excellent + 1) > quota * q.Rated)
                return Fail("level", $"Vượt tỷ lệ “Hoàn thành xuất sắc nhiệm vụ”: tối đa {quota}% của {q.Rated} được đánh giá ở cấp này, đã có {q.Excellent}.");
        }
        (a.DecidedLevel, a.DecisionNote, a.Status) = (decided, Trim(note), AppraisalStatus.Decided);
        a.Events.Add(new AppraisalEvent { Step = AppraisalStep.Decided, At = Now, Actor = Actor, Level = decided, Total = a.ProposedTotal, Note = Trim(note) });
        return await SaveAsync(a, ct);
    }

    public async Task<Outcome<Appraisal>> ReturnAsync(int id, string? note, int version, CancellationToken ct = default)
    {
        var a = await FindAsync(id, ct);
        if (a is null) return Fail("id", "Không có bản đánh giá này.");
        if (a.Version != version) return Conflict();
        if (a.Status is AppraisalStatus.Draft or AppraisalStatus.Decided) return Fail("status", "Chỉ trả lại bản đã tự đánh giá hoặc đã đề xuất, chưa quyết định.");
        if (string.IsNullOrWhiteSpace(note)) return Fail("note", "Nhập lý do trả lại.");
        a.Status = AppraisalStatus.Draft;
        a.Events.Add(new AppraisalEvent { Step = AppraisalStep.Returned, At = Now, Actor = Actor, Note = Trim(note) });
        return await SaveAsync(a, ct);
    }

    /// <summary>
    /// The first condition of "xuất sắc" the records and the proposed points do not meet, or null. A lower level may be
    /// decided on the committee's own files (with its reason), but "xuất sắc" is the best level and every one of its
    /// conditions must be shown met.
    /// </summary>
    async Task<string?> UnmetForExcellentAsync(Appraisal a, AppraisalScheme scheme, CancellationToken ct)
    {
        var facts = await FactsAsync(a, scheme, ct);
        var points = a.Scores.ToDictionary(s => s.CriterionId, s => s.ProposedPoints ?? 0);
        return scheme.Conditions.OrderBy(c => c.Id).FirstOrDefault(c => !Holds(c, scheme, facts, points))?.Text;
    }

    public record Quota(int Excellent, int Rated);

    public async Task<Quota> QuotaAsync(int deciderUnitId, int year, int fromYear, AppraisalSubject subject, int percent, CancellationToken ct = default)
    {
        var levels = await db.Appraisals.Where(x => x.DeciderUnitId == deciderUnitId && x.Year == year && x.FromYear == fromYear && x.Status == AppraisalStatus.Decided
                && (subject == AppraisalSubject.Member ? x.MemberId != null : x.MemberId == null))
            .Select(x => x.DecidedLevel).ToListAsync(ct);
        var rated = await db.Appraisals.CountAsync(x => x.DeciderUnitId == deciderUnitId && x.Year == year && x.FromYear == fromYear
            && (subject == AppraisalSubject.Member ? x.MemberId != null : x.MemberId == null), ct);
        return new Quota(levels.Count(l => l == AppraisalLevel.Excellent), rated);
    }

    async Task<Outcome<Appraisal>> SaveAsync(Appraisal a, CancellationToken ct)
    {
        db.Entry(a).Property(x => x.CreatedAt).IsModified = true;   // children changed: move the version
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Conflict(); }
        return Outcome<Appraisal>.Success(a);
    }

    static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
