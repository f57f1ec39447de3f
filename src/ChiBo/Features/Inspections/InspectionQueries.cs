using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Documents;
using ChiBo.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Inspections;

public record RemedyDto(int Id, string Shortcoming, string Action, int? OwnerMemberId, string OwnerName, DateOnly DueOn, RemedyStatus Status,
    string StatusText, bool Overdue, DateOnly? DoneOn, string? DoneNote, string? DoneBy, int Version);

public record InspectionListItem(int Id, int PlanId, int UnitId, int CellId, string CellName, int Year, int PlannedMonth, InspectionKind Kind, string KindText,
    string Subject, DateOnly PeriodFrom, DateOnly PeriodTo, InspectionStatus Status, string StatusText, int? ConclusionDocumentId, string? ConclusionSymbol,
    int RemediesOpen, int RemediesOverdue, int RemediesDone);

public record InspectionPlanDto(int Id, int UnitId, string UnitName, int Year, InspectingBody Body, string BodyText, string Title,
    InspectionPlanStatus Status, string StatusText, DateTime? ApprovedAt, string? ApprovedBy, List<InspectionListItem> Inspections, int Version);

public record InspectionDto(int Id, int PlanId, string PlanTitle, int UnitId, string UnitName, InspectingBody Body, string BodyText, int Year,
    int CellId, string CellName, int PlannedMonth, InspectionKind Kind, string KindText, string Subject, DateOnly PeriodFrom, DateOnly PeriodTo,
    InspectionStatus Status, string StatusText, DateTime? StartedAt, string? StartedBy, CheckedFigures? Figures,
    string? Strengths, string? Shortcomings, string? Requests, DateOnly? ConcludedOn, string? ConcludedBy, int? ConclusionDocumentId,
    string? ConclusionSymbol, List<RemedyDto> Remedies, int Version);

/// <summary>The records as the API and the pages show them (who may do what: <see cref="InspectionAccess"/>).</summary>
public static class InspectionQueries
{
    static RemedyDto Dto(Remedy r, DateOnly today) => new(r.Id, r.Shortcoming, r.Action, r.OwnerMemberId, r.OwnerName, r.DueOn, r.Status, r.Status.Vietnamese(),
        r.Status == RemedyStatus.Open && r.DueOn < today, r.DoneOn, r.DoneNote, r.DoneBy, r.Version);

    static async Task<Dictionary<int, string>> NamesAsync(AppDbContext db, IEnumerable<int> ids, DateOnly on, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.AsDtos(db.Units.Where(u => list.Contains(u.Id)), on).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    static async Task<List<InspectionListItem>> ItemsAsync(AppDbContext db, IQueryable<Inspection> query, DateOnly today, CancellationToken ct)
    {
        var rows = await query.Join(db.InspectionPlans, i => i.PlanId, p => p.Id, (i, p) => new { I = i, p.Year })
            .OrderBy(x => x.Year).ThenBy(x => x.I.PlannedMonth).ThenBy(x => x.I.Id)
            .Select(x => new
            {
                x.I, x.Year,
                Symbol = db.PartyDocuments.Where(d => d.Id == x.I.ConclusionDocumentId).Select(d => d.Symbol).FirstOrDefault(),
                Open = x.I.Remedies.Count(r => r.Status == RemedyStatus.Open),
                Overdue = x.I.Remedies.Count(r => r.Status == RemedyStatus.Open && r.DueOn < today),
                Done = x.I.Remedies.Count(r => r.Status == RemedyStatus.Done),
            }).ToListAsync(ct);
        var names = await NamesAsync(db, rows.Select(r => r.I.CellId), today, ct);
        return rows.Select(r => new InspectionListItem(r.I.Id, r.I.PlanId, r.I.UnitId, r.I.CellId, names.GetValueOrDefault(r.I.CellId, ""), r.Year, r.I.PlannedMonth,
            r.I.Kind, r.I.Kind.Vietnamese(), r.I.Subject, r.I.PeriodFrom, r.I.PeriodTo, r.I.Status, r.I.Status.Vietnamese(), r.I.ConclusionDocumentId, r.Symbol,
            r.Open, r.Overdue, r.Done)).ToList();
    }

    public static async Task<List<InspectionPlanDto>> PlansAsync(AppDbContext db, int unitId, int year, DateOnly today, CancellationToken ct = default)
    {
        var plans = await db.InspectionPlans.AsNoTracking().Where(p => p.UnitId == unitId && p.Year == year).OrderBy(p => p.Body).ToListAsync(ct);
        if (plans.Count == 0) return [];
        var unitName = (await NamesAsync(db, [unitId], today, ct)).GetValueOrDefault(unitId, "");
        var ids = plans.Select(p => p.Id).ToList();
        var items = await ItemsAsync(db, db.Inspections.Where(i => ids.Contains(i.PlanId)), today, ct);
        return plans.Select(p => new InspectionPlanDto(p.Id, p.UnitId, unitName, p.Year, p.Body, p.Body.Vietnamese(), p.Title, p.Status, p.Status.Vietnamese(),
            p.ApprovedAt, p.ApprovedBy, items.Where(i => i.PlanId == p.Id).ToList(), p.Version)).ToList();
    }

    /// <summary>A unit's inspections of a year: those it made (a committee) and those made of it (a cell).</summary>
    public static Task<List<InspectionListItem>> ListAsync(AppDbContext db, int unitId, int year, DateOnly today, CancellationToken ct = default) =>
        ItemsAsync(db, db.Inspections.Where(i => (i.UnitId == unitId || i.CellId == unitId) && db.InspectionPlans.Any(p => p.Id == i.PlanId && p.Year == year)), today, ct);

    public static async Task<InspectionDto?> LoadAsync(AppDbContext db, int id, DateOnly today, CancellationToken ct = default)
    {
        var i = await db.Inspections.AsNoTracking().Include(x => x.Remedies).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return null;
        var plan = await db.InspectionPlans.AsNoTracking().FirstAsync(p => p.Id == i.PlanId, ct);
        var names = await NamesAsync(db, [i.UnitId, i.CellId], i.ConcludedOn ?? today, ct);
        var symbol = i.ConclusionDocumentId is { } doc ? await db.PartyDocuments.Where(d => d.Id == doc).Select(d => d.Symbol).FirstOrDefaultAsync(ct) : null;
        return new InspectionDto(i.Id, plan.Id, plan.Title, i.UnitId, names.GetValueOrDefault(i.UnitId, ""), plan.Body, plan.Body.Vietnamese(), plan.Year,
            i.CellId, names.GetValueOrDefault(i.CellId, ""), i.PlannedMonth, i.Kind, i.Kind.Vietnamese(), i.Subject, i.PeriodFrom, i.PeriodTo,
            i.Status, i.Status.Vietnamese(), i.StartedAt, i.StartedBy, CheckedFigures.FromJson(i.Figures), i.Strengths, i.Shortcomings, i.Requests,
            i.ConcludedOn, i.ConcludedBy, i.ConclusionDocumentId, symbol,
            i.Remedies.OrderBy(r => r.DueOn).ThenBy(r => r.Id).Select(r => Dto(r, today)).ToList(), i.Version);
    }
}
