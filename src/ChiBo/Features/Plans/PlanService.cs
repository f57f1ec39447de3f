using ChiBo.Data;
using ChiBo.Features.Meetings;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using ChiBo.Features.Rules;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Plans;

public record PlanItemInput(int Quarter, int? Month, int TopicId, string Title, int? PreparerId);

public enum PlanState { Missing, Draft, SubmittedOnTime, SubmittedLate, Approved, Returned }

/// <summary>One cell's line in a committee's overview: where its plan stands and whether it came in time.</summary>
public record PlanStanding(int CellId, string CellName, int? PlanId, PlanStatus? Status, bool Submitted, bool? OnTime, DateTime? FirstSubmittedAt, string? ReviewComment);

public record PlanOverview(int UnitId, int Year, DateOnly Due, int Expected, int Submitted, int OnTime, int Late, int Approved, int Returned, int Missing, List<PlanStanding> Cells);

public enum PracticeResult { HeldOnTime, HeldLate, NotHeld, Pending, Unplanned }

public record PracticeLine(int? ItemId, int? Quarter, int? Month, string Title, int TopicId, int? MeetingId, DateOnly? MeetingDate, PracticeResult Result);

public record PlanPractice(int CellId, int Year, int HeldOnTime, int HeldLate, int NotHeld, int Pending, int Unplanned, List<PracticeLine> Lines);

/// <summary>Annual thematic plans: drafting, submission, review, the committee's overview, and plan against practice.</summary>
public class PlanService(AppDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;
    string Actor => http.HttpContext?.User.Identity?.Name ?? "hệ thống";

    public Task<ThematicPlan?> FindAsync(int cellId, int year, CancellationToken ct = default) =>
        db.ThematicPlans.Include(p => p.Items.OrderBy(i => i.Quarter).ThenBy(i => i.Month)).Include(p => p.Events.OrderBy(e => e.Id))
            .AsSplitQuery().FirstOrDefaultAsync(p => p.CellId == cellId && p.Year == year, ct);

    static Outcome<ThematicPlan> Conflict() => Outcome<ThematicPlan>.Fail("version",
        "Kế hoạch đã được người khác cập nhật trong lúc bạn sửa. Hãy tải lại trang để xem bản mới rồi nhập lại thay đổi của bạn.");

    /// <summary>Saves the draft's topics (replacing them). Only a draft or a returned plan can be edited.</summary>
    public async Task<Outcome<ThematicPlan>> SaveAsync(int cellId, int year, int? version, List<PlanItemInput> items, CancellationToken ct = default)
    {
        var unit = await db.Units.Include(u => u.UnitType).FirstOrDefaultAsync(u => u.Id == cellId, ct);
        if (unit is null || !unit.UnitType!.IsCell) return Outcome<ThematicPlan>.Fail("cellId", "Chỉ chi bộ lập kế hoạch sinh hoạt chuyên đề.");
        if (year < 2000 || year > 2100) return Outcome<ThematicPlan>.Fail("year", "Năm không hợp lệ.");
        var plan = await FindAsync(cellId, year, ct);
        if (plan is not null && plan.Version != version) return Conflict();
        if (plan?.Status is PlanStatus.Submitted or PlanStatus.Approved)
            return Outcome<ThematicPlan>.Fail("status", "Kế hoạch đã gửi cấp ủy: chỉ sửa được khi bị trả lại.");
        var roll = await Roll.OnAsync(db, cellId, new DateOnly(year, 1, 1) > Accounts.VnTime.Day(Now) ? new DateOnly(year, 1, 1) : Accounts.VnTime.Day(Now), ct);
        var topics = await db.Topics.Where(t => t.Active).Select(t => t.Id).ToListAsync(ct);
        for (var i = 0; i < items.Count; i++)
        {
            var it = items[i];
            var where = $"Dòng {i + 1}: ";
            if (it.Quarter is < 1 or > 4) return Outcome<ThematicPlan>.Fail("items", where + "quý phải từ 1 đến 4.");
            if (it.Month is { } mo && (mo - 1) / 3 + 1 != it.Quarter) return Outcome<ThematicPlan>.Fail("items", where + $"tháng {mo} không thuộc quý {it.Quarter}.");
            if (!topics.Contains(it.TopicId)) return Outcome<ThematicPlan>.Fail("items", where + "chọn chủ đề trong danh mục.");
            if (string.IsNullOrWhiteSpace(it.Title)) return Outcome<ThematicPlan>.Fail("items", where + "nhập tên chuyên đề.");
            if (it.PreparerId is { } p && roll.All(r => r.MemberId != p)) return Outcome<ThematicPlan>.Fail("items", where + "người chuẩn bị không thuộc chi bộ.");
        }
        if (plan is null)
        {
            var parent = await db.ParentIdAsync(cellId, new DateOnly(year, 1, 1), ct) ?? await db.ParentIdAsync(cellId, Accounts.VnTime.Day(Now), ct);
            if (parent is null) return Outcome<ThematicPlan>.Fail("cellId", "Chi bộ không có cấp ủy cấp trên để duyệt kế hoạch.");
            plan = new ThematicPlan { CellId = cellId, Year = year, Status = PlanStatus.Draft, ReviewerUnitId = parent.Value, CreatedAt = Now };
            db.ThematicPlans.Add(plan);
        }
        plan.Items.Clear();
        foreach (var it in items.OrderBy(x => x.Quarter).ThenBy(x => x.Month))
            plan.Items.Add(new ThematicPlanItem { Quarter = it.Quarter, Month = it.Month, TopicId = it.TopicId, Title = it.Title.Trim(), PreparerId = it.PreparerId });
        if (db.Entry(plan).State == EntityState.Unchanged) db.Entry(plan).Property(x => x.CreatedAt).IsModified = true;   // children changed: move the version
        return await SaveChangesAsync(plan, ct);
    }

    public async Task<Outcome<ThematicPlan>> SubmitAsync(int cellId, int year, int version, CancellationToken ct = default)
    {
        var plan = await FindAsync(cellId, year, ct);
        if (plan is null) return Outcome<ThematicPlan>.Fail("items", "Chưa có kế hoạch để gửi.");
        if (plan.Version != version) return Conflict();
        if (plan.Status is PlanStatus.Submitted or PlanStatus.Approved) return Outcome<ThematicPlan>.Fail("status", "Kế hoạch đã được gửi.");
        var rules = await RuleSets.InForceAsync(db, cellId, new DateOnly(year, 1, 1), ct);
        for (var q = 1; q <= 4; q++)
            if (plan.Items.Count(i => i.Quarter == q) < rules.ThematicPerQuarter)
                return Outcome<ThematicPlan>.Fail("items", $"Quý {q} chưa đủ chuyên đề (tối thiểu {rules.ThematicPerQuarter} mỗi quý).");
        plan.Status = PlanStatus.Submitted;
        plan.SubmittedAt = Now;
        plan.FirstSubmittedAt ??= Now;
        plan.SubmittedBy = Actor;
        plan.Events.Add(new PlanEvent { Action = PlanAction.Submitted, At = Now, Actor = Actor });
        return await SaveChangesAsync(plan, ct);
    }

    /// <summary>The committee approves, or returns with comments (required) for the cell to revise and resubmit.</summary>
    public async Task<Outcome<ThematicPlan>> ReviewAsync(int planId, bool approve, string? comment, int version, CancellationToken ct = default)
    {
        var plan = await db.ThematicPlans.Include(p => p.Events).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return Outcome<ThematicPlan>.Fail("planId", "Không có kế hoạch này.");
        if (plan.Version != version) return Conflict();
        if (plan.Status != PlanStatus.Submitted) return Outcome<ThematicPlan>.Fail("status", "Chỉ duyệt kế hoạch đã gửi, đang chờ duyệt.");
        if (!approve && string.IsNullOrWhiteSpace(comment)) return Outcome<ThematicPlan>.Fail("comment", "Ghi ý kiến khi trả lại kế hoạch để chi bộ sửa.");
        plan.Status = approve ? PlanStatus.Approved : PlanStatus.Returned;
        plan.ReviewedAt = Now; plan.ReviewedBy = Actor; plan.ReviewComment = comment?.Trim();
        plan.Events.Add(new PlanEvent { Action = approve ? PlanAction.Approved : PlanAction.Returned, At = Now, Actor = Actor, Comment = comment?.Trim() });
        return await SaveChangesAsync(plan, ct);
    }

    async Task<Outcome<ThematicPlan>> SaveChangesAsync(ThematicPlan plan, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Conflict(); }
        return Outcome<ThematicPlan>.Success(plan);
    }

    /// <summary>
    /// For a node and a year: the cells of its subtree on the due date, and where each plan stands. A plan first
    /// submitted after the due date counts as late (not missing); a cell with no submission by today is missing.
    /// </summary>
    public async Task<PlanOverview> OverviewAsync(int unitId, int year, CancellationToken ct = default)
    {
        var rules = await RuleSets.InForceAsync(db, unitId, new DateOnly(year, 1, 1), ct);
        var due = rules.PlanDue(year);
        var subtree = db.SubtreeIds(unitId, due);
        var cells = await db.AsDtos(db.Units.Where(u => subtree.Contains(u.Id) && u.UnitType!.IsCell), due).ToListAsync(ct);
        var ids = cells.Select(c => c.Id).ToList();
        var plans = await db.ThematicPlans.Where(p => p.Year == year && ids.Contains(p.CellId)).ToListAsync(ct);
        var rows = cells.OrderBy(c => c.Name).Select(c =>
        {
            var p = plans.FirstOrDefault(x => x.CellId == c.Id);
            var submitted = p?.FirstSubmittedAt is not null;
            return new PlanStanding(c.Id, c.Name, p?.Id, p?.Status, submitted, submitted ? Accounts.VnTime.Day(p!.FirstSubmittedAt!.Value) < due : null,
                p?.FirstSubmittedAt, p?.ReviewComment);
        }).ToList();
        return new PlanOverview(unitId, year, due, rows.Count, rows.Count(r => r.Submitted), rows.Count(r => r.OnTime == true), rows.Count(r => r.OnTime == false),
            rows.Count(r => r.Status == PlanStatus.Approved), rows.Count(r => r.Status == PlanStatus.Returned), rows.Count(r => !r.Submitted), rows);
    }

    /// <summary>
    /// Plan against practice for a cell's year: each planned topic matched to a thematic meeting held on that topic,
    /// in its quarter (on time) or later (late); topics whose quarter has passed unheld are not held; thematic meetings
    /// no plan item claims are held but not planned.
    /// </summary>
    public async Task<PlanPractice> PracticeAsync(int cellId, int year, DateOnly today, CancellationToken ct = default)
    {
        var plan = await FindAsync(cellId, year, ct);
        var from = new DateOnly(year, 1, 1);
        var held = await db.Meetings.Where(m => m.CellId == cellId && m.Date >= from && m.Date < from.AddYears(1)
                && (m.Kind == MeetingKind.Thematic || m.Kind == MeetingKind.Combined)
                && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Adopted))
            .OrderBy(m => m.Date).Select(m => new { m.Id, m.Date, m.TopicId, m.Title }).ToListAsync(ct);
        var used = new HashSet<int>();
        var lines = new List<PracticeLine>();
        foreach (var it in plan?.Items.OrderBy(i => i.Quarter).ThenBy(i => i.Month) ?? Enumerable.Empty<ThematicPlanItem>())
        {
            var start = it.Month is { } mo ? new DateOnly(year, mo, 1) : new DateOnly(year, (it.Quarter - 1) * 3 + 1, 1);
            var end = it.Month is not null ? start.AddMonths(1) : start.AddMonths(3);
            var onTime = held.FirstOrDefault(m => !used.Contains(m.Id) && m.TopicId == it.TopicId && m.Date >= start && m.Date < end);
            var late = onTime is null ? held.FirstOrDefault(m => !used.Contains(m.Id) && m.TopicId == it.TopicId && m.Date >= end) : null;
            var match = onTime ?? late;
            if (match is not null) used.Add(match.Id);
            var result = onTime is not null ? PracticeResult.HeldOnTime : late is not null ? PracticeResult.HeldLate
                : today >= end ? PracticeResult.NotHeld : PracticeResult.Pending;
            lines.Add(new PracticeLine(it.Id, it.Quarter, it.Month, it.Title, it.TopicId, match?.Id, match?.Date, result));
        }
        foreach (var m in held.Where(m => !used.Contains(m.Id)))
            lines.Add(new PracticeLine(null, (m.Date.Month - 1) / 3 + 1, m.Date.Month, m.Title, m.TopicId ?? 0, m.Id, m.Date, PracticeResult.Unplanned));
        return new PlanPractice(cellId, year, lines.Count(l => l.Result == PracticeResult.HeldOnTime), lines.Count(l => l.Result == PracticeResult.HeldLate),
            lines.Count(l => l.Result == PracticeResult.NotHeld), lines.Count(l => l.Result == PracticeResult.Pending), lines.Count(l => l.Result == PracticeResult.Unplanned), lines);
    }
}

public static class PracticeText
{
    public static string Vietnamese(this PracticeResult r) => r switch
    {
        PracticeResult.HeldOnTime => "Đã sinh hoạt đúng kế hoạch",
        PracticeResult.HeldLate => "Sinh hoạt muộn so với kế hoạch",
        PracticeResult.NotHeld => "Không sinh hoạt",
        PracticeResult.Pending => "Chưa đến kỳ",
        _ => "Sinh hoạt ngoài kế hoạch",
    };
}
