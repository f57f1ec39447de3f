using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Documents;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Inspections;

public record PlanInput(InspectingBody Body, string Title, int? Version);
public record InspectionInput(int CellId, int PlannedMonth, InspectionKind Kind, string Subject, DateOnly? PeriodFrom, DateOnly? PeriodTo);
public record FindingsInput(string? Strengths, string? Shortcomings, string? Requests, int Version);
public record ConcludeInput(int Version, DateOnly? Date = null, string? SignerPosition = null, string? SignerName = null);
public record RemedyInput(string? Shortcoming, string? Action, int? OwnerMemberId, string? OwnerName, DateOnly? DueOn, int? Version = null);
public record DoneInput(int Version, DateOnly? DoneOn = null, string? Note = null);

/// <summary>
/// The inspection workflow: the year's plan (draft, approved), its inspections (planned → in progress with the figures taken
/// → concluded by an issued notice), and the cell's remedies tracked to done. Who may do what is asked by the API and pages.
/// </summary>
public class InspectionService(AppDbContext db, DocumentRegister register, TimeProvider clock, IHttpContextAccessor http)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;
    DateOnly Today => VnTime.Day(Now);
    string Actor => http.HttpContext?.User.Identity?.Name ?? "hệ thống";

    static Outcome<T> Fail<T>(string field, string message) => Outcome<T>.Fail(field, message);
    static Outcome<T> Stale<T>() => Fail<T>("version", "Bản ghi đã được người khác cập nhật trong lúc bạn sửa. Hãy tải lại trang rồi nhập lại thay đổi của bạn.");
    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    async Task<Outcome<T>> SaveAsync<T>(T value, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Stale<T>(); }
        return Outcome<T>.Success(value);
    }

    /// <summary>Creates or renames the year's plan of a committee (one per inspecting body); an approved plan is fixed.</summary>
    public async Task<Outcome<InspectionPlan>> SavePlanAsync(int unitId, int year, PlanInput input, CancellationToken ct = default)
    {
        var unit = await db.Units.Include(u => u.UnitType).FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null || unit.UnitType!.IsCell) return Fail<InspectionPlan>("unitId", "Chỉ cấp ủy có chi bộ trực thuộc mới lập kế hoạch kiểm tra, giám sát.");
        if (year is < 2000 or > 2100) return Fail<InspectionPlan>("year", $"Năm kế hoạch {year} không hợp lệ (từ 2000 đến 2100).");
        if (!Enum.IsDefined(input.Body)) return Fail<InspectionPlan>("body", "Chọn chủ thể kiểm tra: Đảng ủy hoặc Ủy ban Kiểm tra Đảng ủy.");
        if (Clean(input.Title) is not { } title) return Fail<InspectionPlan>("title", "Nhập tên kế hoạch kiểm tra, giám sát.");
        var plan = await db.InspectionPlans.FirstOrDefaultAsync(p => p.UnitId == unitId && p.Year == year && p.Body == input.Body, ct);
        if (plan is null)
        {
            plan = new InspectionPlan { UnitId = unitId, Year = year, Body = input.Body, Title = title, Status = InspectionPlanStatus.Draft, CreatedAt = Now, CreatedBy = Actor };
            db.InspectionPlans.Add(plan);
            return await SaveAsync(plan, ct);
        }
        if (plan.Version != input.Version) return Stale<InspectionPlan>();
        if (plan.Status == InspectionPlanStatus.Approved) return Fail<InspectionPlan>("status", "Kế hoạch đã được phê duyệt: không sửa tên được nữa.");
        plan.Title = title;
        return await SaveAsync(plan, ct);
    }

    public async Task<Outcome<InspectionPlan>> ApprovePlanAsync(int planId, int version, CancellationToken ct = default)
    {
        var plan = await db.InspectionPlans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return Fail<InspectionPlan>("id", "Không có kế hoạch này.");
        if (plan.Version != version) return Stale<InspectionPlan>();
        if (plan.Status == InspectionPlanStatus.Approved) return Fail<InspectionPlan>("status", "Kế hoạch đã được phê duyệt.");
        plan.Status = InspectionPlanStatus.Approved;
        plan.ApprovedAt = Now;
        plan.ApprovedBy = Actor;
        return await SaveAsync(plan, ct);
    }

    /// <summary>Adds a planned inspection of a cell; the committee must be above the cell in the planned month.</summary>
    public async Task<Outcome<Inspection>> AddAsync(int planId, InspectionInput input, CancellationToken ct = default)
    {
        var plan = await db.InspectionPlans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return Fail<Inspection>("planId", "Không có kế hoạch này.");
        if (input.PlannedMonth is < 1 or > 12) return Fail<Inspection>("plannedMonth", "Tháng kiểm tra phải từ 1 đến 12.");
        if (!Enum.IsDefined(input.Kind)) return Fail<Inspection>("kind", "Chọn hình thức: kiểm tra hoặc giám sát.");
        if (Clean(input.Subject) is not { } subject) return Fail<Inspection>("subject", "Nhập nội dung kiểm tra, giám sát.");
        if (input.PeriodFrom is not { } from) return Fail<Inspection>("periodFrom", "Nhập ngày bắt đầu thời kỳ kiểm tra (dd/MM/yyyy).");
        if (input.PeriodTo is not { } to) return Fail<Inspection>("periodTo", "Nhập ngày kết thúc thời kỳ kiểm tra (dd/MM/yyyy).");
        if (to < from) return Fail<Inspection>("periodTo", "Ngày kết thúc thời kỳ kiểm tra phải sau ngày bắt đầu.");
        // An inspection looks back over a recent period: at most one term (5 years) before the plan's year, not past its end.
        var (earliest, latest) = (new DateOnly(plan.Year - 5, 1, 1), new DateOnly(plan.Year, 12, 31));
        if (from < earliest) return Fail<Inspection>("periodFrom", $"Thời kỳ kiểm tra không bắt đầu trước {earliest.Vn()} (quá 5 năm trước năm kế hoạch).");
        if (to > latest) return Fail<Inspection>("periodTo", $"Thời kỳ kiểm tra không kết thúc sau {latest.Vn()} (cuối năm kế hoạch).");
        var on = new DateOnly(plan.Year, input.PlannedMonth, 1);
        // The subtree first: an id outside it answers the same whether it exists or not.
        if (input.CellId == plan.UnitId || !await db.IsInSubtreeAsync(plan.UnitId, input.CellId, on, ct))
            return Fail<Inspection>("cellId", $"Chi bộ không trực thuộc đơn vị kiểm tra vào tháng {on:MM/yyyy}.");
        var cell = await db.AsDtos(db.Units.Where(u => u.Id == input.CellId), on).FirstOrDefaultAsync(ct);
        if (cell is null || !cell.IsCell) return Fail<Inspection>("cellId", "Chọn một chi bộ để kiểm tra.");
        var inspection = new Inspection
        {
            PlanId = plan.Id, UnitId = plan.UnitId, CellId = cell.Id, PlannedMonth = input.PlannedMonth, Kind = input.Kind, Subject = subject,
            PeriodFrom = from, PeriodTo = to, Status = InspectionStatus.Planned, CreatedAt = Now,
        };
        db.Inspections.Add(inspection);
        return await SaveAsync(inspection, ct);
    }

    /// <summary>Starts the inspection (or refreshes its figures while it is in progress): the figures are taken from the meeting records and kept.</summary>
    public async Task<Outcome<Inspection>> StartAsync(int id, int version, CancellationToken ct = default)
    {
        var i = await db.Inspections.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return Fail<Inspection>("id", "Không có cuộc kiểm tra này.");
        if (i.Version != version) return Stale<Inspection>();
        if (i.Status == InspectionStatus.Concluded) return Fail<Inspection>("status", "Cuộc kiểm tra đã có thông báo kết luận: số liệu giữ nguyên như khi kết luận.");
        i.Figures = (await CheckedFigures.ComputeAsync(db, i.CellId, i.PeriodFrom, i.PeriodTo, ct)).ToJson();
        i.Status = InspectionStatus.InProgress;
        i.StartedAt ??= Now;
        i.StartedBy ??= Actor;
        return await SaveAsync(i, ct);
    }

    public async Task<Outcome<Inspection>> SaveFindingsAsync(int id, FindingsInput input, CancellationToken ct = default)
    {
        var i = await db.Inspections.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return Fail<Inspection>("id", "Không có cuộc kiểm tra này.");
        if (i.Version != input.Version) return Stale<Inspection>();
        if (i.Status == InspectionStatus.Concluded) return Fail<Inspection>("status", "Đã ban hành thông báo kết luận: không sửa được kết quả kiểm tra.");
        if (i.Status == InspectionStatus.Planned) return Fail<Inspection>("status", "Hãy bắt đầu kiểm tra (lấy số liệu từ sổ họp) trước khi ghi kết quả.");
        (i.Strengths, i.Shortcomings, i.Requests) = (Clean(input.Strengths), Clean(input.Shortcomings), Clean(input.Requests));
        return await SaveAsync(i, ct);
    }

    /// <summary>
    /// Concludes: the notice (Thông báo kết luận, type TB) enters the committee's register and is issued with its number, and the findings lock.
    /// The inspection is claimed first (status and version in one statement), so two clerks cannot issue two notices.
    /// </summary>
    public async Task<Outcome<Inspection>> ConcludeAsync(int id, ConcludeInput input, CancellationToken ct = default)
    {
        var i = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return Fail<Inspection>("id", "Không có cuộc kiểm tra này.");
        if (i.Version != input.Version) return Stale<Inspection>();
        if (i.Status == InspectionStatus.Concluded) return Fail<Inspection>("status", "Cuộc kiểm tra đã có thông báo kết luận.");
        if (i.Status == InspectionStatus.Planned) return Fail<Inspection>("status", "Cuộc kiểm tra chưa bắt đầu: chưa có số liệu để kết luận.");
        if (i.Shortcomings is null && i.Strengths is null) return Fail<Inspection>("shortcomings", "Ghi ưu điểm, hạn chế trước khi kết luận.");
        var date = input.Date ?? Today;
        if (date > Today) return Fail<Inspection>("date", "Ngày kết luận không được sau hôm nay.");
        if (i.StartedAt is { } started && date < VnTime.Day(started))
            return Fail<Inspection>("date", $"Ngày kết luận không được trước ngày bắt đầu kiểm tra ({VnTime.Day(started).Vn()}).");
        var claimed = await db.Inspections.Where(x => x.Id == id && x.Version == input.Version && x.Status == InspectionStatus.InProgress)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, InspectionStatus.Concluded).SetProperty(x => x.Version, x => x.Version + 1), ct);
        if (claimed == 0) return Stale<Inspection>();
        async Task<Outcome<Inspection>> Undo(Outcome<PartyDocument> why)
        {
            await db.Inspections.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, InspectionStatus.InProgress)
                .SetProperty(x => x.Version, x => x.Version + 1), ct);
            return Fail<Inspection>(why.Field == "issuerUnitId" ? "unitId" : why.Field ?? "", why.Error ?? "");
        }
        var cellName = await db.AsDtos(db.Units.Where(u => u.Id == i.CellId), date).Select(u => u.Name).FirstAsync(ct);
        var body = await db.InspectionPlans.Where(p => p.Id == i.PlanId).Select(p => p.Body).FirstAsync(ct);
        var draft = await register.DraftFromSourceAsync(SourceKinds.Inspection, id, i.UnitId, InspectionDocument.Summary(i, cellName), ct,
            body == InspectingBody.InspectionCommission ? Letterheads.InspectionCommission : null);
        if (!draft.Ok) return await Undo(draft);
        var doc = draft.Value!;
        doc.SignerPosition = Clean(input.SignerPosition) ?? (body == InspectingBody.Committee ? "Bí thư" : "Chủ nhiệm");
        doc.SignerName = Clean(input.SignerName);
        await db.SaveChangesAsync(ct);
        var issued = await register.IssueAsync(doc.Id, date, ct);
        if (!issued.Ok)
        {
            await register.WithdrawAsync(doc.Id, ct);
            return await Undo(issued);
        }
        db.ChangeTracker.Clear();
        var done = await db.Inspections.FirstAsync(x => x.Id == id, ct);
        done.ConcludedOn = date;
        done.ConcludedAt = Now;
        done.ConcludedBy = Actor;
        done.ConclusionDocumentId = doc.Id;
        return await SaveAsync(done, ct);
    }

    async Task<Outcome<(int? MemberId, string Name)>> OwnerAsync(Inspection i, int? memberId, string? name, CancellationToken ct)
    {
        if (memberId is { } m)
        {
            var roll = await Roll.OnAsync(db, i.CellId, Today, ct);
            var entry = roll.FirstOrDefault(r => r.MemberId == m);
            return entry is null ? Outcome<(int?, string)>.Fail("ownerMemberId", "Người chịu trách nhiệm không phải đảng viên của chi bộ.")
                : Outcome<(int?, string)>.Success((m, entry.FullName));
        }
        return Clean(name) is { } n ? Outcome<(int?, string)>.Success((null, n))
            : Outcome<(int?, string)>.Fail("ownerName", "Chọn đảng viên hoặc ghi tên người chịu trách nhiệm.");
    }

    static string? CheckRemedy(RemedyInput input, Inspection i, out string field)
    {
        field = "shortcoming";
        if (Clean(input.Shortcoming) is null) return "Ghi hạn chế, khuyết điểm cần khắc phục.";
        field = "action";
        if (Clean(input.Action) is null) return "Ghi biện pháp khắc phục.";
        field = "dueOn";
        if (input.DueOn is not { } due) return "Nhập thời hạn hoàn thành (dd/MM/yyyy).";
        var start = i.StartedAt is { } s ? VnTime.Day(s) : i.PeriodTo;
        if (due < start) return $"Thời hạn hoàn thành không được trước ngày bắt đầu kiểm tra ({start.Vn()}).";
        return null;
    }

    /// <summary>The cell's answer: a remedy with its owner and deadline. Only once the inspection has started.</summary>
    public async Task<Outcome<Remedy>> AddRemedyAsync(int inspectionId, RemedyInput input, CancellationToken ct = default)
    {
        var i = await db.Inspections.FirstOrDefaultAsync(x => x.Id == inspectionId, ct);
        if (i is null) return Fail<Remedy>("id", "Không có cuộc kiểm tra này.");
        if (i.Status == InspectionStatus.Planned) return Fail<Remedy>("status", "Cuộc kiểm tra chưa bắt đầu: chưa có hạn chế để khắc phục.");
        if (CheckRemedy(input, i, out var field) is { } error) return Fail<Remedy>(field, error);
        var owner = await OwnerAsync(i, input.OwnerMemberId, input.OwnerName, ct);
        if (!owner.Ok) return Fail<Remedy>(owner.Field!, owner.Error!);
        var r = new Remedy
        {
            InspectionId = i.Id, Shortcoming = Clean(input.Shortcoming)!, Action = Clean(input.Action)!, OwnerMemberId = owner.Value.MemberId,
            OwnerName = owner.Value.Name, DueOn = input.DueOn!.Value, Status = RemedyStatus.Open, CreatedAt = Now, CreatedBy = Actor,
        };
        db.Remedies.Add(r);
        return await SaveAsync(r, ct);
    }

    public async Task<Outcome<Remedy>> EditRemedyAsync(int id, RemedyInput input, CancellationToken ct = default)
    {
        var r = await db.Remedies.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return Fail<Remedy>("id", "Không có biện pháp khắc phục này.");
        if (r.Version != input.Version) return Stale<Remedy>();
        if (r.Status == RemedyStatus.Done) return Fail<Remedy>("status", "Biện pháp đã hoàn thành: không sửa được.");
        var i = await db.Inspections.AsNoTracking().FirstAsync(x => x.Id == r.InspectionId, ct);
        if (CheckRemedy(input, i, out var field) is { } error) return Fail<Remedy>(field, error);
        var owner = await OwnerAsync(i, input.OwnerMemberId, input.OwnerName, ct);
        if (!owner.Ok) return Fail<Remedy>(owner.Field!, owner.Error!);
        (r.Shortcoming, r.Action, r.OwnerMemberId, r.OwnerName, r.DueOn) = (Clean(input.Shortcoming)!, Clean(input.Action)!, owner.Value.MemberId, owner.Value.Name, input.DueOn!.Value);
        return await SaveAsync(r, ct);
    }

    public async Task<Outcome<Remedy>> MarkDoneAsync(int id, DoneInput input, CancellationToken ct = default)
    {
        var r = await db.Remedies.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return Fail<Remedy>("id", "Không có biện pháp khắc phục này.");
        if (r.Version != input.Version) return Stale<Remedy>();
        if (r.Status == RemedyStatus.Done) return Fail<Remedy>("status", "Biện pháp đã được đánh dấu hoàn thành.");
        var on = input.DoneOn ?? Today;
        if (on > Today) return Fail<Remedy>("doneOn", "Ngày hoàn thành không được sau hôm nay.");
        if (on < VnTime.Day(r.CreatedAt)) return Fail<Remedy>("doneOn", $"Ngày hoàn thành không được trước ngày đề ra biện pháp ({VnTime.Day(r.CreatedAt).Vn()}).");
        (r.Status, r.DoneOn, r.DoneNote, r.DoneBy) = (RemedyStatus.Done, on, Clean(input.Note), Actor);
        return await SaveAsync(r, ct);
    }
}
