using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Meetings;
using ChiBo.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Practices;

public record PracticeListItem(int Id, string Title, string Summary, PracticeStatus Status, string StatusText, int CommitteeId, string CommitteeName,
    int SourceCellId, string SourceCellName, DateTime? PublishedAt, int Adoptions, DateOnly? AdoptedOn);

/// <summary>A node's practices: published to it by the committees above, recorded by it, recorded by committees below it.</summary>
public record UnitPractices(int UnitId, string UnitName, bool IsCell, List<PracticeListItem> PublishedTo, List<PracticeListItem> RecordedHere, List<PracticeListItem> RecordedBelow);

public record EvidenceDto(int Id, int MeetingId, DateOnly MeetingDate, string MeetingTitle, int? AgendaItemId, int? RemarkId, string Source, string Excerpt, DateTime LinkedAt, string LinkedBy);
public record FigureDto(int Order, string Label, string Value);
public record AdoptionDto(int CellId, string CellName, DateOnly AdoptedOn, string? Note, string RecordedBy);

public record PracticeDto(int Id, int CommitteeId, string CommitteeName, int SourceCellId, string SourceCellName, string Title, string Summary, string? Description,
    int? TopicId, string? TopicName, PracticeStatus Status, string StatusText, DateTime CreatedAt, string CreatedBy, DateTime? PublishedAt, string? PublishedBy,
    DateTime? WithdrawnAt, string? WithdrawnBy, string? WithdrawReason, List<EvidenceDto> Evidence, List<FigureDto> Figures,
    int AdoptionCount, List<AdoptionDto> Adoptions, bool CanEdit, int Version);

/// <summary>The read side of good practices (who may read or record one: <see cref="PracticeAccess"/>).</summary>
public static class PracticeQueries
{
    public static async Task<PracticeDto?> LoadAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct = default)
    {
        var p = await db.GoodPractices.AsNoTracking().Include(x => x.Evidence).Include(x => x.Figures).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var names = await db.Units.Where(u => u.Id == p.CommitteeId || u.Id == p.SourceCellId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var topic = p.TopicId is { } t ? await db.Topics.Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var meetingIds = p.Evidence.Select(e => e.MeetingId).ToList();
        var meetings = await db.Meetings.Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => new { m.Date, m.Title }, ct);
        // Adoptions by name only inside the viewer's own subtree; the count for everyone.
        var visible = db.SubtreeIds(scope.RootUnitId, scope.Today);
        var adoptions = await (from a in db.PracticeAdoptions
                               where a.PracticeId == id && visible.Contains(a.CellId)
                               join u in db.Units on a.CellId equals u.Id
                               orderby a.AdoptedOn
                               select new AdoptionDto(a.CellId, u.Name, a.AdoptedOn, a.Note, a.RecordedBy)).ToListAsync(ct);
        var count = await db.PracticeAdoptions.CountAsync(a => a.PracticeId == id, ct);
        return new PracticeDto(p.Id, p.CommitteeId, names.GetValueOrDefault(p.CommitteeId, ""), p.SourceCellId, names.GetValueOrDefault(p.SourceCellId, ""),
            p.Title, p.Summary, p.Description, p.TopicId, topic, p.Status, p.Status.Vietnamese(), p.CreatedAt, p.CreatedBy, p.PublishedAt, p.PublishedBy,
            p.WithdrawnAt, p.WithdrawnBy, p.WithdrawReason,
            p.Evidence.OrderBy(e => meetings[e.MeetingId].Date).ThenBy(e => e.Id)
                .Select(e => new EvidenceDto(e.Id, e.MeetingId, meetings[e.MeetingId].Date, meetings[e.MeetingId].Title, e.AgendaItemId, e.RemarkId, e.Source, e.Excerpt, e.LinkedAt, e.LinkedBy)).ToList(),
            p.Figures.OrderBy(f => f.Order).Select(f => new FigureDto(f.Order, f.Label, f.Value)).ToList(),
            count, adoptions, p.Status == PracticeStatus.Draft && scope.CanRecordPractice(p.CommitteeId), p.Version);
    }

    /// <summary>The node's lists. The caller has checked the account sees the node (so it is at or above every committee recording below it).</summary>
    public static async Task<UnitPractices?> ForUnitAsync(AppDbContext db, int unitId, DateOnly today, CancellationToken ct = default)
    {
        var unit = await db.AsDtos(db.Units.Where(u => u.Id == unitId), today).FirstOrDefaultAsync(ct);
        if (unit is null) return null;
        var above = db.UnitClosures.ValidOn(today).Where(c => c.DescendantId == unitId && c.Depth > 0).Select(c => c.AncestorId);
        var below = db.UnitClosures.ValidOn(today).Where(c => c.AncestorId == unitId && c.Depth > 0).Select(c => c.DescendantId);
        var publishedTo = await ItemsAsync(db, db.GoodPractices.Where(p => p.Status == PracticeStatus.Published && above.Contains(p.CommitteeId)), unit.IsCell ? unitId : null, ct);
        var here = await ItemsAsync(db, db.GoodPractices.Where(p => p.CommitteeId == unitId), null, ct);
        List<PracticeListItem> recordedBelow = unit.IsCell ? [] : await ItemsAsync(db, db.GoodPractices.Where(p => below.Contains(p.CommitteeId)), null, ct);
        return new UnitPractices(unitId, unit.Name, unit.IsCell, publishedTo, here, recordedBelow);
    }

    static async Task<List<PracticeListItem>> ItemsAsync(AppDbContext db, IQueryable<GoodPractice> practices, int? cellId, CancellationToken ct)
    {
        var rows = await (from p in practices
                          join c in db.Units on p.CommitteeId equals c.Id
                          join s in db.Units on p.SourceCellId equals s.Id
                          select new
                          {
                              p.Id, p.Title, p.Summary, p.Status, p.CommitteeId, Committee = c.Name, p.SourceCellId, Source = s.Name, p.PublishedAt, p.CreatedAt,
                              Adoptions = db.PracticeAdoptions.Count(a => a.PracticeId == p.Id),
                              AdoptedOn = db.PracticeAdoptions.Where(a => a.PracticeId == p.Id && a.CellId == cellId).Select(a => (DateOnly?)a.AdoptedOn).FirstOrDefault(),
                          }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.PublishedAt ?? r.CreatedAt)
            .Select(r => new PracticeListItem(r.Id, r.Title, r.Summary, r.Status, r.Status.Vietnamese(), r.CommitteeId, r.Committee, r.SourceCellId, r.Source,
                r.PublishedAt, r.Adoptions, r.AdoptedOn)).ToList();
    }

    /// <summary>The adoptable meetings of the source cell (adopted minutes) with their conclusions and remarks, for the evidence picker.</summary>
    public static Task<List<Meeting>> CitableMeetingsAsync(AppDbContext db, int cellId, CancellationToken ct = default) =>
        db.Meetings.AsNoTracking().Where(m => m.CellId == cellId && m.Status == MeetingStatus.Adopted && m.Kind != MeetingKind.Committee)
            .Include(m => m.Agenda.OrderBy(a => a.Order)).ThenInclude(a => a.Remarks.OrderBy(r => r.Order))
            .OrderByDescending(m => m.Date).AsSplitQuery().ToListAsync(ct);
}
