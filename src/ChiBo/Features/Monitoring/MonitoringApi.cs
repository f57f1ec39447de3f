using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Meetings;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Monitoring;

public static class MonitoringApi
{
    public record MemberRef(string UserName, string FullName, bool Leader);
    public record CoverageDto(int Id, int UnitId, string UnitName, DateOnly From, DateOnly? To);
    public record GroupDto(int Id, string Name, int OwnerUnitId, string OwnerName, DateOnly From, List<MemberRef> Members, List<CoverageDto> Coverage);
    public record AssignRequest(int MeetingId, string UserName);
    public record AssignmentDto(int Id, int GroupId, int MeetingId, int CellId, string CellName, DateOnly Date, TimeOnly StartTime, string Place, string Title,
        string UserName, string FullName, bool Recorded, bool? Attended, bool RatingConfirmed);

    public static async Task<GroupDto> ToDtoAsync(AppDbContext db, MonitoringGroup g, DateOnly today)
    {
        var members = await (from m in db.MonitoringGroupMembers where m.GroupId == g.Id join u in db.Users on m.UserId equals u.Id
                             select new MemberRef(u.UserName!, u.FullName, u.Id == g.LeaderUserId)).ToListAsync();
        var cov = await db.MonitoringCoverages.Where(c => c.GroupId == g.Id).OrderBy(c => c.From).ToListAsync();
        var ids = cov.Select(c => c.UnitId).Append(g.OwnerUnitId).ToList();
        var names = await db.AsDtos(db.Units.Where(u => ids.Contains(u.Id)), today).ToDictionaryAsync(u => u.Id, u => u.Name);
        return new GroupDto(g.Id, g.Name, g.OwnerUnitId, names.GetValueOrDefault(g.OwnerUnitId, ""), g.From,
            members.OrderByDescending(m => m.Leader).ThenBy(m => m.FullName).ToList(),
            cov.Select(c => new CoverageDto(c.Id, c.UnitId, names.GetValueOrDefault(c.UnitId, ""), c.From, c.To)).ToList());
    }

    public static async Task<List<AssignmentDto>> AssignmentsAsync(AppDbContext db, DateOnly today, string? userId = null, int? groupId = null, DateOnly? since = null, DateOnly? until = null)
    {
        var q = from a in db.VisitAssignments
                join m in db.Meetings on a.MeetingId equals m.Id
                join u in db.Users on a.UserId equals u.Id
                where (userId == null || a.UserId == userId) && (groupId == null || a.GroupId == groupId)
                   && (since == null || m.Date >= since) && (until == null || m.Date < until)
                orderby m.Date, m.StartTime
                select new { a.Id, a.GroupId, a.MeetingId, m.CellId, m.Date, m.StartTime, m.Place, m.Title, u.UserName, u.FullName,
                    Recorded = a.Visit != null, Attended = a.Visit != null ? (bool?)a.Visit.Attended : null, Confirmed = a.Visit != null && a.Visit.RatingConfirmed };
        var rows = await q.ToListAsync();
        var cellIds = rows.Select(r => r.CellId).Distinct().ToList();
        var names = await db.AsDtos(db.Units.Where(u => cellIds.Contains(u.Id)), today).ToDictionaryAsync(u => u.Id, u => u.Name);
        return rows.Select(r => new AssignmentDto(r.Id, r.GroupId, r.MeetingId, r.CellId, names.GetValueOrDefault(r.CellId, ""), r.Date, r.StartTime, r.Place, r.Title,
            r.UserName!, r.FullName, r.Recorded, r.Attended, r.Confirmed)).ToList();
    }

    public static void MapMonitoring(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/monitoring").WithTags("Tổ dự, theo dõi, hướng dẫn sinh hoạt chi bộ").RequireAuthorization();

        // A committee forms its own groups: its staff, acting for it (not a level above doing it in its name).
        g.MapPost("/groups", async Task<Results<Created<GroupDto>, ValidationProblem>> (GroupInput req, UserScope scope, MonitoringService svc, AppDbContext db) =>
        {
            var r = await svc.CreateGroupAsync(req);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Created($"/api/v1/monitoring/groups/{r.Value!.Id}", await ToDtoAsync(db, r.Value, scope.Today));
        }).Require<UnitAccess, UnitNeed, GroupInput>(UnitNeed.Manage, b => b.OwnerUnitId, "ownerUnitId")
          .Require<UnitAccess, UnitNeed, GroupInput>(UnitNeed.Own, b => b.OwnerUnitId, "ownerUnitId")
          .WithSummary("Cấp ủy lập tổ: tổ trưởng và thành viên");

        g.MapGet("/groups", async (UserScope scope, GroupAccess access, AppDbContext db) =>
        {
            var me = scope.UserId ?? "";
            var mine = db.MonitoringGroupMembers.Where(m => m.UserId == me).Select(m => m.GroupId);
            var owned = db.UnitClosures.Where(c => scope.IsStaff && c.AncestorId == scope.RootUnitId).Select(c => c.DescendantId);
            var list = new List<GroupDto>();
            foreach (var x in await db.MonitoringGroups.Where(x => mine.Contains(x.Id) || owned.Contains(x.OwnerUnitId)).OrderBy(x => x.Name).ToListAsync())
                if ((await access.ForAsync(x.Id, GroupNeed.Read)).Allowed) list.Add(await ToDtoAsync(db, x, scope.Today));
            return TypedResults.Ok(list);
        }).OwnRecordsOnly("the account's groups: those it belongs to and those formed by a committee it sees as staff")
          .WithSummary("Các tổ của tài khoản (thành viên, tổ trưởng) hoặc do cấp ủy của tài khoản lập");

        g.MapGet("/groups/{id:int}", async Task<Ok<GroupDto>> (int id, UserScope scope, AppDbContext db) =>
            TypedResults.Ok(await ToDtoAsync(db, await db.MonitoringGroups.FirstAsync(x => x.Id == id), scope.Today)))
            .Require<GroupAccess, GroupNeed>(GroupNeed.Read)
            .WithSummary("Một tổ: thành viên, đơn vị phụ trách");

        g.MapPost("/groups/{id:int}/coverage", async Task<Results<Ok<GroupDto>, ValidationProblem>> (int id, CoverageInput req, UserScope scope, MonitoringService svc, AppDbContext db) =>
        {
            var r = await svc.AddCoverageAsync(id, req);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Ok(await ToDtoAsync(db, await db.MonitoringGroups.FirstAsync(x => x.Id == id), scope.Today));
        }).Require<GroupAccess, GroupNeed>(GroupNeed.Manage)
          .Require<UnitAccess, UnitNeed, CoverageInput>(UnitNeed.See, b => b.UnitId, "unitId")
          .WithSummary("Giao tổ phụ trách một tổ chức cơ sở đảng hoặc chi bộ trực thuộc cấp ủy lập tổ (có thời hạn)");

        g.MapGet("/groups/{id:int}/schedule", async Task<Ok<List<ScheduleLine>>> (int id, int? year, int? month, UserScope scope, MonitoringService svc) =>
            TypedResults.Ok(await svc.ScheduleAsync(id, year ?? scope.Today.Year, month ?? scope.Today.Month)))
            .Require<GroupAccess, GroupNeed>(GroupNeed.Read)
            .WithSummary("Lịch sinh hoạt trong tháng của các chi bộ tổ phụ trách (chi bộ chưa có lịch cũng được nêu)");

        g.MapPost("/groups/{id:int}/assignments", async Task<Results<Ok<List<AssignmentDto>>, ValidationProblem>> (int id, AssignRequest req, UserScope scope, MonitoringService svc, AppDbContext db) =>
        {
            var r = await svc.AssignAsync(id, req.MeetingId, req.UserName);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Ok(await AssignmentsAsync(db, scope.Today, groupId: id));
        }).Require<GroupAccess, GroupNeed>(GroupNeed.Lead)
          .Require<MeetingAccess, MeetingNeed, AssignRequest>(MeetingNeed.Read, b => b.MeetingId, "meetingId")
          .WithSummary("Tổ trưởng phân công thành viên dự một buổi sinh hoạt của chi bộ tổ phụ trách");

        g.MapGet("/assignments", async (int? groupId, UserScope scope, AppDbContext db) =>
            TypedResults.Ok(await AssignmentsAsync(db, scope.Today, userId: scope.UserId ?? "", groupId: groupId)))
            .OwnRecordsOnly("the meetings the account itself is assigned to")
            .RequireQuery<GroupAccess, GroupNeed>(GroupNeed.Read, "groupId")
            .WithSummary("Các buổi sinh hoạt tài khoản được phân công dự");

        g.MapGet("/groups/{id:int}/coverage-report", async Task<Ok<CoverageReport>> (int id, DateOnly? from, DateOnly? to, UserScope scope, MonitoringService svc) =>
        {
            var f = from ?? new DateOnly((to ?? scope.Today).Year, 1, 1);
            var t = to ?? scope.Today.AddDays(1);
            // One bound given the other way round (only "to" before this year): the period is that day alone.
            return TypedResults.Ok(await svc.CoverageAsync(id, f, t > f ? t : f.AddDays(1)));
        }).Require<GroupAccess, GroupNeed>(GroupNeed.Read)
          .WithSummary("Mức độ bao quát: chi bộ đã dự bao nhiêu lần, ai dự, chi bộ chưa lần nào được dự");

        // The visit: a member of a group covering the cell on the meeting's day; confirming the rating is the upper level's confirmation.
        app.MapPut("/api/v1/meetings/{meetingId:int}/visit", async Task<Results<Ok<Visit>, ValidationProblem, ProblemHttpResult>> (int meetingId, VisitInput req, UserScope scope, MeetingAccess meetings, MonitoringService svc) =>
        {
            if (req.ConfirmRating && await meetings.ForAsync(meetingId, MeetingNeed.Confirm) is { Allowed: false } refused) return refused.ToProblem();
            var r = await svc.RecordVisitAsync(meetingId, scope.UserId ?? "", req);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Ok(r.Value!);
        }).Require<MeetingAccess, MeetingNeed>(MeetingNeed.Visit, "meetingId")
          .WithTags("Tổ dự, theo dõi, hướng dẫn sinh hoạt chi bộ").RequireAuthorization()
          .WithSummary("Thành viên tổ ghi kết quả dự sinh hoạt: có dự hay không, nhận xét theo tiêu chí, hướng dẫn, xác nhận xếp loại");
    }
}
