using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Notifications;
using ChiBo.Features.Organization;
using ChiBo.Features.Rules;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Monitoring;

public record SentSchedule(int Id, DateTime SentAt, string? SentBy, bool OnTime, string? Note, int Cells, int CellsWithoutMeeting);
public record ScheduleView(int CommitteeId, string CommitteeName, int Year, int Month, DateOnly Due, List<ScheduleLine> Lines, List<SentSchedule> Sent);
public record ScheduleStanding(int CommitteeId, string CommitteeName, bool Sent, bool? OnTime, DateTime? FirstSentAt);
public record ScheduleOverview(int UnitId, int Year, int Month, DateOnly Due, int Expected, int Sent, int OnTime, int Late, int Missing, List<ScheduleStanding> Committees);

/// <summary>
/// Monthly schedules: a grassroots committee sends its cells' meeting schedule for month M upward before day 02 of M
/// (rule set); the schedule is built from the cells' planned meetings, a cell without one shown as such, and the
/// monitoring groups covering those cells are notified.
/// </summary>
public class ScheduleService(AppDbContext db, MonitoringService monitoring, TimeProvider clock, IHttpContextAccessor http)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;
    string Actor => http.HttpContext?.User.Identity?.Name ?? "hệ thống";

    async Task<List<int>> CellsAsync(int committeeId, DateOnly first, CancellationToken ct)
    {
        var ids = db.SubtreeIds(committeeId, first);
        return await db.Units.Where(u => ids.Contains(u.Id) && u.UnitType!.IsCell).Select(u => u.Id).ToListAsync(ct);
    }

    public async Task<ScheduleView> ViewAsync(int committeeId, int year, int month, CancellationToken ct = default)
    {
        var first = new DateOnly(year, month, 1);
        var rules = await RuleSets.InForceAsync(db, committeeId, first, ct);
        var due = rules.ScheduleDue(year, month);
        var lines = await monitoring.ScheduleLinesAsync(await CellsAsync(committeeId, first, ct), first, null, ct);
        var sent = await db.MonthlySchedules.Where(s => s.CommitteeId == committeeId && s.Year == year && s.Month == month).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.SentAt, s.SentBy, s.Note, Cells = s.Entries.Select(e => e.CellId).Distinct().Count(), Missing = s.Entries.Count(e => e.MeetingId == null) })
            .ToListAsync(ct);
        var name = await db.AsDtos(db.Units.Where(u => u.Id == committeeId), first).Select(u => u.Name).FirstAsync(ct);
        return new ScheduleView(committeeId, name, year, month, due, lines,
            sent.Select(s => new SentSchedule(s.Id, s.SentAt, s.SentBy, Accounts.VnTime.Day(s.SentAt) < due, s.Note, s.Cells, s.Missing)).ToList());
    }

    public async Task<Outcome<ScheduleView>> SendAsync(int committeeId, int year, int month, string? note, CancellationToken ct = default)
    {
        if (month is < 1 or > 12) return Outcome<ScheduleView>.Fail("month", "Tháng không hợp lệ.");
        var unit = await db.Units.Include(u => u.UnitType).FirstAsync(u => u.Id == committeeId, ct);
        if (!unit.UnitType!.IsGrassroots || unit.UnitType.IsCell)
            return Outcome<ScheduleView>.Fail("committeeId", "Lịch sinh hoạt do đảng ủy cơ sở gửi cho các chi bộ trực thuộc.");
        var first = new DateOnly(year, month, 1);
        var cells = await CellsAsync(committeeId, first, ct);
        var lines = await monitoring.ScheduleLinesAsync(cells, first, null, ct);
        var s = new MonthlySchedule { CommitteeId = committeeId, Year = year, Month = month, SentAt = Now, SentBy = Actor, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() };
        foreach (var l in lines)
            s.Entries.Add(new ScheduleEntry { CellId = l.CellId, MeetingId = l.MeetingId, Date = l.Date, StartTime = l.StartTime, Place = l.Place, Title = l.Title });
        db.MonthlySchedules.Add(s);
        // The groups that cover these cells receive it.
        var coverUnits = db.UnitClosures.ValidOn(first).Where(c => cells.Contains(c.DescendantId)).Select(c => c.AncestorId);
        var groups = db.MonitoringCoverages.Where(c => coverUnits.Contains(c.UnitId) && c.From <= first && (c.To == null || c.To > first)).Select(c => c.GroupId);
        var recipients = await db.MonitoringGroupMembers.Where(m => groups.Contains(m.GroupId)).Select(m => m.UserId).Distinct().ToListAsync(ct);
        foreach (var user in recipients)
            db.Notifications.Add(new Notification
            {
                UserId = user, CreatedAt = Now, Link = $"/Monitoring?year={year}&month={month}",
                Title = $"{await db.AsDtos(db.Units.Where(u => u.Id == committeeId), first).Select(u => u.Name).FirstAsync(ct)} gửi lịch sinh hoạt chi bộ tháng {month}/{year}",
                Body = $"{lines.Count(l => l.MeetingId is not null)} buổi sinh hoạt; {lines.Count(l => l.MeetingId is null)} chi bộ chưa có lịch.",
            });
        await db.SaveChangesAsync(ct);
        return Outcome<ScheduleView>.Success(await ViewAsync(committeeId, year, month, ct));
    }

    /// <summary>For a node and a month: which grassroots committees of its subtree sent their schedule, on time or late.</summary>
    public async Task<ScheduleOverview> OverviewAsync(int unitId, int year, int month, CancellationToken ct = default)
    {
        var first = new DateOnly(year, month, 1);
        var due = (await RuleSets.InForceAsync(db, unitId, first, ct)).ScheduleDue(year, month);
        var ids = db.SubtreeIds(unitId, first);
        var committees = await db.AsDtos(db.Units.Where(u => ids.Contains(u.Id) && u.UnitType!.IsGrassroots && !u.UnitType.IsCell), first).ToListAsync(ct);
        var cids = committees.Select(c => c.Id).ToList();
        var sent = await db.MonthlySchedules.Where(s => cids.Contains(s.CommitteeId) && s.Year == year && s.Month == month)
            .GroupBy(s => s.CommitteeId).Select(g => new { g.Key, First = g.Min(s => s.SentAt) }).ToListAsync(ct);
        var rows = committees.OrderBy(c => c.Name).Select(c =>
        {
            var s = sent.FirstOrDefault(x => x.Key == c.Id);
            return new ScheduleStanding(c.Id, c.Name, s is not null, s is null ? null : Accounts.VnTime.Day(s.First) < due, s?.First);
        }).ToList();
        return new ScheduleOverview(unitId, year, month, due, rows.Count, rows.Count(r => r.Sent), rows.Count(r => r.OnTime == true),
            rows.Count(r => r.OnTime == false), rows.Count(r => !r.Sent), rows);
    }
}

public static class SchedulesApi
{
    public record SendRequest(string? Note);

    public static void MapSchedules(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/units/{unitId:int}").WithTags("Lịch sinh hoạt tháng").RequireAuthorization();

        g.MapGet("/schedules/{year:int}/{month:int}", async Task<Ok<ScheduleView>> (int unitId, int year, int month, ScheduleService svc) =>
            TypedResults.Ok(await svc.ViewAsync(unitId, year, month)))
            .Require<UnitAccess, UnitNeed>(UnitNeed.Run, "unitId")
            .WithSummary("Lịch sinh hoạt tháng của các chi bộ trực thuộc một đảng ủy cơ sở, và các lần đã gửi");

        // The grassroots committee sends its own schedule: its staff, not a level above in its name.
        g.MapPost("/schedules/{year:int}/{month:int}/send", async Task<Results<Ok<ScheduleView>, ValidationProblem>> (int unitId, int year, int month, SendRequest req, ScheduleService svc) =>
        {
            var r = await svc.SendAsync(unitId, year, month, req.Note);
            return r.Ok ? TypedResults.Ok(r.Value!) : r.ToProblem();
        }).Require<UnitAccess, UnitNeed>(UnitNeed.Manage, "unitId")
          .Require<UnitAccess, UnitNeed>(UnitNeed.Own, "unitId")
          .WithSummary("Đảng ủy cơ sở gửi chương trình công tác và lịch sinh hoạt của các chi bộ (hạn: trước ngày 02 của tháng)");

        g.MapGet("/schedules-overview", async Task<Ok<ScheduleOverview>> (int unitId, int? year, int? month, UserScope scope, ScheduleService svc) =>
            TypedResults.Ok(await svc.OverviewAsync(unitId, year ?? scope.Today.Year, month ?? scope.Today.Month)))
            .Require<UnitAccess, UnitNeed>(UnitNeed.Manage, "unitId")
            .WithSummary("Các đảng ủy cơ sở đã gửi lịch tháng: đúng hạn, muộn, chưa gửi");
    }
}
