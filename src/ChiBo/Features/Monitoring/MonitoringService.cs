using ChiBo.Data;
using ChiBo.Features.Meetings;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Monitoring;

public record GroupInput(int OwnerUnitId, string Name, string LeaderUserName, DateOnly From, List<string>? MemberUserNames);
public record CoverageInput(int UnitId, DateOnly From, DateOnly? To);
public record VisitInput(bool Attended, string? AbsenceReason, string? ObservationPreparation, string? ObservationAttendance,
    string? ObservationConduct, string? ObservationClosing, string? Guidance, bool ConfirmRating, RatingLevel? Level, string? ConfirmationNote);

public record ScheduleLine(int CellId, string CellName, int? MeetingId, MeetingKind? Kind, DateOnly? Date, TimeOnly? StartTime, string? Place, string? Title,
    MeetingStatus? Status, List<string> Assigned);

public record CellCoverage(int CellId, string CellName, int Meetings, int Assigned, int Visited, DateOnly? LastVisit, List<string> Visitors);
public record CoverageReport(int GroupId, DateOnly From, DateOnly To, int Cells, int CellsVisited, int Assigned, int VisitsMade, int RatingsConfirmed, List<CellCoverage> PerCell)
{
    public List<string> NeverVisited => PerCell.Where(c => c.Visited == 0).Select(c => c.CellName).ToList();
}

/// <summary>
/// Monitoring groups: who is in them, which cells they cover (dated), the leader's monthly assignments and
/// the members' visits, and the coverage that tells whether groups actually attend.
/// </summary>
public class MonitoringService(AppDbContext db, RatingService ratings, TimeProvider clock, IHttpContextAccessor http)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;
    string Actor => http.HttpContext?.User.Identity?.Name ?? "hệ thống";

    public async Task<Outcome<MonitoringGroup>> CreateGroupAsync(GroupInput input, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(input.Name)) return Outcome<MonitoringGroup>.Fail("name", "Nhập tên tổ.");
        if (string.IsNullOrWhiteSpace(input.LeaderUserName)) return Outcome<MonitoringGroup>.Fail("leaderUserName", "Nhập tài khoản của tổ trưởng.");
        if (input.From == default) return Outcome<MonitoringGroup>.Fail("from", "Nhập ngày thành lập tổ.");
        var names = (input.MemberUserNames ?? []).Append(input.LeaderUserName).Distinct().ToList();
        var users = await db.Users.Where(u => names.Contains(u.UserName!)).ToListAsync(ct);
        var unknown = names.Except(users.Select(u => u.UserName!)).ToList();
        if (unknown.Count > 0) return Outcome<MonitoringGroup>.Fail("memberUserNames", "Không có tài khoản: " + string.Join(", ", unknown) + ".");
        // Members come from the committee that forms the group or above it (its members and staff), never from the cells watched.
        foreach (var u in users)
            if (u.UnitId != input.OwnerUnitId && !await db.IsInSubtreeAsync(u.UnitId, input.OwnerUnitId, input.From, ct))
                return Outcome<MonitoringGroup>.Fail("memberUserNames", $"Tài khoản {u.UserName} không thuộc cấp ủy lập tổ.");
        var g = new MonitoringGroup
        {
            OwnerUnitId = input.OwnerUnitId, Name = input.Name.Trim(), From = input.From, CreatedAt = Now,
            LeaderUserId = users.First(u => u.UserName == input.LeaderUserName).Id,
        };
        foreach (var u in users) g.Members.Add(new MonitoringGroupMember { UserId = u.Id, From = input.From });
        db.MonitoringGroups.Add(g);
        await db.SaveChangesAsync(ct);
        return Outcome<MonitoringGroup>.Success(g);
    }

    public async Task<Outcome<MonitoringCoverage>> AddCoverageAsync(int groupId, CoverageInput input, CancellationToken ct = default)
    {
        var g = await db.MonitoringGroups.FirstAsync(x => x.Id == groupId, ct);
        if (input.From == default) return Outcome<MonitoringCoverage>.Fail("from", "Nhập ngày bắt đầu phụ trách.");
        if (input.To is { } to && to <= input.From) return Outcome<MonitoringCoverage>.Fail("to", "Ngày kết thúc phải sau ngày bắt đầu.");
        if (!await db.IsInSubtreeAsync(g.OwnerUnitId, input.UnitId, input.From, ct) || input.UnitId == g.OwnerUnitId)
            return Outcome<MonitoringCoverage>.Fail("unitId", "Tổ chỉ phụ trách tổ chức đảng trực thuộc cấp ủy lập tổ.");
        var c = new MonitoringCoverage { GroupId = groupId, UnitId = input.UnitId, From = input.From, To = input.To };
        db.MonitoringCoverages.Add(c);
        await db.SaveChangesAsync(ct);
        return Outcome<MonitoringCoverage>.Success(c);
    }

    /// <summary>Does the group cover the cell on the date (directly, or through the grassroots organization above it)?</summary>
    public async Task<bool> CoversAsync(int groupId, int cellId, DateOnly date, CancellationToken ct = default)
    {
        var units = await db.MonitoringCoverages.Where(c => c.GroupId == groupId && c.From <= date && (c.To == null || c.To > date))
            .Select(c => c.UnitId).ToListAsync(ct);
        return await db.UnitClosures.ValidOn(date).AnyAsync(c => units.Contains(c.AncestorId) && c.DescendantId == cellId, ct);
    }

    /// <summary>The cells a group covers on a date.</summary>
    public async Task<List<int>> CoveredCellsAsync(int groupId, DateOnly date, CancellationToken ct = default)
    {
        var units = await db.MonitoringCoverages.Where(c => c.GroupId == groupId && c.From <= date && (c.To == null || c.To > date))
            .Select(c => c.UnitId).ToListAsync(ct);
        var ids = db.UnitClosures.ValidOn(date).Where(c => units.Contains(c.AncestorId)).Select(c => c.DescendantId);
        return await db.Units.Where(u => ids.Contains(u.Id) && u.UnitType!.IsCell).Select(u => u.Id).ToListAsync(ct);
    }

    public Task<bool> IsMemberAsync(int groupId, string userId, DateOnly date, CancellationToken ct = default) =>
        db.MonitoringGroupMembers.AnyAsync(m => m.GroupId == groupId && m.UserId == userId && m.From <= date && (m.To == null || m.To > date), ct);

    /// <summary>The month's schedule of the cells a group covers: each cell's meetings that month, or a line saying none is planned.</summary>
    public async Task<List<ScheduleLine>> ScheduleAsync(int groupId, int year, int month, CancellationToken ct = default)
    {
        var first = new DateOnly(year, month, 1);
        var cells = await CoveredCellsAsync(groupId, first, ct);
        return await ScheduleLinesAsync(cells, first, groupId, ct);
    }

    public async Task<List<ScheduleLine>> ScheduleLinesAsync(List<int> cells, DateOnly first, int? groupId, CancellationToken ct = default)
    {
        var names = await db.AsDtos(db.Units.Where(u => cells.Contains(u.Id)), first).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var meetings = await db.Meetings.Where(m => cells.Contains(m.CellId) && m.Date >= first && m.Date < first.AddMonths(1)
                && m.Status != MeetingStatus.Cancelled && m.Kind != MeetingKind.Committee)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime).ToListAsync(ct);
        var ids = meetings.Select(m => m.Id).ToList();
        var assigned = groupId is null ? [] : await (from a in db.VisitAssignments
                                                     where a.GroupId == groupId && ids.Contains(a.MeetingId)
                                                     join u in db.Users on a.UserId equals u.Id
                                                     select new { a.MeetingId, u.FullName }).ToListAsync(ct);
        var lines = new List<ScheduleLine>();
        foreach (var cell in cells.OrderBy(c => names.GetValueOrDefault(c)))
        {
            var mine = meetings.Where(m => m.CellId == cell).ToList();
            if (mine.Count == 0) lines.Add(new ScheduleLine(cell, names.GetValueOrDefault(cell, ""), null, null, null, null, null, null, null, []));
            foreach (var m in mine)
                lines.Add(new ScheduleLine(cell, names.GetValueOrDefault(cell, ""), m.Id, m.Kind, m.Date, m.StartTime, m.Place, m.Title, m.Status,
                    assigned.Where(a => a.MeetingId == m.Id).Select(a => a.FullName).ToList()));
        }
        return lines;
    }

    /// <summary>The leader assigns a member of the group to a meeting of a cell the group covers.</summary>
    public async Task<Outcome<VisitAssignment>> AssignAsync(int groupId, int meetingId, string userName, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return Outcome<VisitAssignment>.Fail("meetingId", "Không có buổi sinh hoạt này.");
        if (!await CoversAsync(groupId, meeting.CellId, meeting.Date, ct)) return Outcome<VisitAssignment>.Fail("meetingId", "Tổ không phụ trách chi bộ này.");
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null || !await IsMemberAsync(groupId, user.Id, meeting.Date, ct))
            return Outcome<VisitAssignment>.Fail("userName", "Người được phân công phải là thành viên của tổ.");
        if (await db.VisitAssignments.AnyAsync(a => a.MeetingId == meetingId && a.UserId == user.Id, ct))
            return Outcome<VisitAssignment>.Fail("userName", $"{user.FullName} đã được phân công dự buổi sinh hoạt này.");
        var a = new VisitAssignment { GroupId = groupId, MeetingId = meetingId, UserId = user.Id, AssignedAt = Now, AssignedBy = Actor };
        db.VisitAssignments.Add(a);
        await db.SaveChangesAsync(ct);
        return Outcome<VisitAssignment>.Success(a);
    }

    /// <summary>
    /// A member records their visit to a meeting. It must be a cell one of their groups covers on that date; without a
    /// prior assignment the visit is recorded on the member's own assignment. Confirming the rating here is the
    /// upper-level confirmation of the meeting's score.
    /// </summary>
    public async Task<Outcome<Visit>> RecordVisitAsync(int meetingId, string userId, VisitInput input, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return Outcome<Visit>.Fail("meetingId", "Không có buổi sinh hoạt này.");
        var assignment = await db.VisitAssignments.Include(a => a.Visit).FirstOrDefaultAsync(a => a.MeetingId == meetingId && a.UserId == userId, ct);
        if (assignment is null)
        {
            var groups = await db.MonitoringGroupMembers.Where(m => m.UserId == userId && m.From <= meeting.Date && (m.To == null || m.To > meeting.Date))
                .Select(m => m.GroupId).ToListAsync(ct);
            int? covering = null;
            foreach (var g in groups)
                if (await CoversAsync(g, meeting.CellId, meeting.Date, ct)) { covering = g; break; }
            if (covering is null) return Outcome<Visit>.Fail("meetingId", "Tổ của bạn không phụ trách chi bộ này: không ghi kết quả dự sinh hoạt.");
            assignment = new VisitAssignment { GroupId = covering.Value, MeetingId = meetingId, UserId = userId, AssignedAt = Now, AssignedBy = Actor };
            db.VisitAssignments.Add(assignment);
        }
        else if (!await CoversAsync(assignment.GroupId, meeting.CellId, meeting.Date, ct))
            return Outcome<Visit>.Fail("meetingId", "Tổ của bạn không phụ trách chi bộ này: không ghi kết quả dự sinh hoạt.");
        if (!input.Attended && string.IsNullOrWhiteSpace(input.AbsenceReason)) return Outcome<Visit>.Fail("absenceReason", "Ghi lý do không dự được.");
        if (input.ConfirmRating && !input.Attended) return Outcome<Visit>.Fail("confirmRating", "Chỉ xác nhận xếp loại khi đã dự buổi sinh hoạt.");
        if (meeting.Date > Accounts.VnTime.Day(Now))
            return Outcome<Visit>.Fail("meetingId", "Buổi sinh hoạt chưa diễn ra.");
        await using var tx = await db.Database.BeginWorkAsync(ct);
        if (input.ConfirmRating)
        {
            var confirmed = await ratings.ConfirmAsync(meetingId, input.Level, input.ConfirmationNote, ct);
            if (!confirmed.Ok) return Outcome<Visit>.Fail("confirmRating", confirmed.Error!);
        }
        var v = assignment.Visit ?? new Visit();
        v.Attended = input.Attended; v.AbsenceReason = Clean(input.AbsenceReason);
        v.ObservationPreparation = Clean(input.ObservationPreparation); v.ObservationAttendance = Clean(input.ObservationAttendance);
        v.ObservationConduct = Clean(input.ObservationConduct); v.ObservationClosing = Clean(input.ObservationClosing);
        v.Guidance = Clean(input.Guidance); v.RatingConfirmed = v.RatingConfirmed || input.ConfirmRating; v.RecordedAt = Now;
        assignment.Visit = v;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<Visit>.Success(v);
    }

    /// <summary>Coverage over a period: per covered cell, meetings, assignments, visits made, by whom; which cells were never visited.</summary>
    public async Task<CoverageReport> CoverageAsync(int groupId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var cells = (await CoveredCellsAsync(groupId, from, ct)).Union(await CoveredCellsAsync(groupId, to.AddDays(-1), ct)).ToList();
        var names = await db.AsDtos(db.Units.Where(u => cells.Contains(u.Id)), to.AddDays(-1)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var meetings = await db.Meetings.Where(m => cells.Contains(m.CellId) && m.Date >= from && m.Date < to && m.Kind != MeetingKind.Committee
                && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Adopted))
            .Select(m => new { m.Id, m.CellId, m.Date }).ToListAsync(ct);
        var ids = meetings.Select(m => m.Id).ToList();
        var assignments = await (from a in db.VisitAssignments
                                 where a.GroupId == groupId && ids.Contains(a.MeetingId)
                                 join u in db.Users on a.UserId equals u.Id
                                 select new { a.MeetingId, u.FullName, Attended = a.Visit != null && a.Visit.Attended, Confirmed = a.Visit != null && a.Visit.RatingConfirmed })
            .ToListAsync(ct);
        var per = cells.Select(c =>
        {
            var ms = meetings.Where(m => m.CellId == c).ToList();
            var asg = assignments.Where(a => ms.Any(m => m.Id == a.MeetingId)).ToList();
            var visited = asg.Where(a => a.Attended).ToList();
            return new CellCoverage(c, names.GetValueOrDefault(c, ""), ms.Count, asg.Count, visited.Select(v => v.MeetingId).Distinct().Count(),
                visited.Count == 0 ? null : ms.Where(m => visited.Any(v => v.MeetingId == m.Id)).Max(m => m.Date),
                visited.Select(v => v.FullName).Distinct().ToList());
        }).OrderBy(c => c.Visited).ThenBy(c => c.CellName).ToList();
        return new CoverageReport(groupId, from, to, per.Count, per.Count(c => c.Visited > 0), assignments.Count, assignments.Count(a => a.Attended),
            assignments.Count(a => a.Confirmed), per);
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
