using System.Security.Claims;
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

    /// <summary>What the signed-in account may do with a group: lead it, belong to it, or run it as staff of the committee that formed it.</summary>
    public record Access(bool Leader, bool Member, bool OwnerStaff)
    {
        public bool Read => Leader || Member || OwnerStaff;
        public bool Manage => Leader || OwnerStaff;
    }

    public static async Task<Access> AccessAsync(MonitoringGroup g, UserScope scope, ClaimsPrincipal user, AppDbContext db)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var member = await db.MonitoringGroupMembers.AnyAsync(m => m.GroupId == g.Id && m.UserId == id);
        return new Access(g.LeaderUserId == id, member, scope.IsStaff && await scope.CanSeeUnitAsync(g.OwnerUnitId));
    }

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

        g.MapPost("/groups", async Task<Results<Created<GroupDto>, ValidationProblem, ForbidHttpResult>> (GroupInput req, UserScope scope, MonitoringService svc, AppDbContext db) =>
        {
            if (!scope.IsStaff || !await scope.CanSeeUnitAsync(req.OwnerUnitId)) return TypedResults.Forbid();
            var r = await svc.CreateGroupAsync(req);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Created($"/api/v1/monitoring/groups/{r.Value!.Id}", await ToDtoAsync(db, r.Value, scope.Today));
        }).WithSummary("Cấp ủy lập tổ: tổ trưởng và thành viên");

        g.MapGet("/groups", async (UserScope scope, ClaimsPrincipal user, AppDbContext db) =>
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            var mine = db.MonitoringGroupMembers.Where(m => m.UserId == id).Select(m => m.GroupId);
            var owned = scope.IsStaff ? db.UnitClosures.Where(c => c.AncestorId == scope.RootUnitId).Select(c => c.DescendantId) : db.UnitClosures.Where(c => false).Select(c => c.DescendantId);
            var groups = await db.MonitoringGroups.Where(x => mine.Contains(x.Id) || owned.Contains(x.OwnerUnitId)).OrderBy(x => x.Name).ToListAsync();
            var list = new List<GroupDto>();
            foreach (var x in groups) list.Add(await ToDtoAsync(db, x, scope.Today));
            return TypedResults.Ok(list);
        }).WithSummary("Các tổ của tài khoản (thành viên, tổ trưởng) hoặc do cấp ủy của tài khoản lập");

        g.MapGet("/groups/{id:int}", async Task<Results<Ok<GroupDto>, NotFound, ForbidHttpResult>> (int id, UserScope scope, ClaimsPrincipal user, AppDbContext db) =>
        {
            var x = await db.MonitoringGroups.FirstOrDefaultAsync(x => x.Id == id);
            if (x is null) return TypedResults.NotFound();
            if (!(await AccessAsync(x, scope, user, db)).Read) return TypedResults.Forbid();
            return TypedResults.Ok(await ToDtoAsync(db, x, scope.Today));
        }).WithSummary("Một tổ: thành viên, đơn vị phụ trách");

        g.MapPost("/groups/{id:int}/coverage", async Task<Results<Ok<GroupDto>, ValidationProblem, NotFound, ForbidHttpResult>> (int id, CoverageInput req, UserScope scope, ClaimsPrincipal user, MonitoringService svc, AppDbContext db) =>
        {
            var x = await db.MonitoringGroups.FirstOrDefaultAsync(x => x.Id == id);
            if (x is null) return TypedResults.NotFound();
            if (!(await AccessAsync(x, scope, user, db)).OwnerStaff) return TypedResults.Forbid();
            var r = await svc.AddCoverageAsync(id, req);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Ok(await ToDtoAsync(db, x, scope.Today));
        }).WithSummary("Giao tổ phụ trách một tổ chức cơ sở đảng hoặc chi bộ (có thời hạn)");

        g.MapGet("/groups/{id:int}/schedule", async Task<Results<Ok<List<ScheduleLine>>, NotFound, ForbidHttpResult>> (int id, int? year, int? month, UserScope scope, ClaimsPrincipal user, MonitoringService svc, AppDbContext db) =>
        {
            var x = await db.MonitoringGroups.FirstOrDefaultAsync(x => x.Id == id);
            if (x is null) return TypedResults.NotFound();
            if (!(await AccessAsync(x, scope, user, db)).Read) return TypedResults.Forbid();
            return TypedResults.Ok(await svc.ScheduleAsync(id, year ?? scope.Today.Year, month ?? scope.Today.Month));
        }).WithSummary("Lịch sinh hoạt trong tháng của các chi bộ tổ phụ trách (chi bộ chưa có lịch cũng được nêu)");

        g.MapPost("/groups/{id:int}/assignments", async Task<Results<Ok<List<AssignmentDto>>, ValidationProblem, NotFound, ForbidHttpResult>> (int id, AssignRequest req, UserScope scope, ClaimsPrincipal user, MonitoringService svc, AppDbContext db) =>
        {
            var x = await db.MonitoringGroups.FirstOrDefaultAsync(x => x.Id == id);
            if (x is null) return TypedResults.NotFound();
            if (!(await AccessAsync(x, scope, user, db)).Manage) return TypedResults.Forbid();
            var r = await svc.AssignAsync(id, req.MeetingId, req.UserName);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Ok(await AssignmentsAsync(db, scope.Today, groupId: id));
        }).WithSummary("Tổ trưởng phân công thành viên dự một buổi sinh hoạt trong lịch tháng");

        g.MapGet("/assignments", async (int? groupId, UserScope scope, ClaimsPrincipal user, AppDbContext db) =>
            TypedResults.Ok(await AssignmentsAsync(db, scope.Today, userId: user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", groupId: groupId)))
            .WithSummary("Các buổi sinh hoạt tài khoản được phân công dự");

        g.MapGet("/groups/{id:int}/coverage-report", async Task<Results<Ok<CoverageReport>, NotFound, ForbidHttpResult>> (int id, DateOnly? from, DateOnly? to, UserScope scope, ClaimsPrincipal user, MonitoringService svc, AppDbContext db) =>
        {
            var x = await db.MonitoringGroups.FirstOrDefaultAsync(x => x.Id == id);
            if (x is null) return TypedResults.NotFound();
            if (!(await AccessAsync(x, scope, user, db)).Read) return TypedResults.Forbid();
            var f = from ?? new DateOnly(scope.Today.Year, 1, 1);
            return TypedResults.Ok(await svc.CoverageAsync(id, f, to ?? scope.Today.AddDays(1)));
        }).WithSummary("Mức độ bao quát: chi bộ đã dự bao nhiêu lần, ai dự, chi bộ chưa lần nào được dự");

        app.MapPut("/api/v1/meetings/{meetingId:int}/visit", async Task<Results<Ok<Visit>, ValidationProblem, NotFound, ForbidHttpResult>> (int meetingId, VisitInput req, UserScope scope, ClaimsPrincipal user, MonitoringService svc, AppDbContext db) =>
        {
            var m = await db.Meetings.Where(x => x.Id == meetingId).Select(x => new { x.CellId, x.Date, x.Kind }).FirstOrDefaultAsync();
            if (m is null) return TypedResults.NotFound();
            if (!await scope.CanReadAsync(m.CellId, m.Date, m.Kind)) return TypedResults.Forbid();
            var r = await svc.RecordVisitAsync(meetingId, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", req);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Ok(r.Value!);
        }).WithTags("Tổ dự, theo dõi, hướng dẫn sinh hoạt chi bộ").RequireAuthorization()
          .WithSummary("Thành viên tổ ghi kết quả dự sinh hoạt: có dự hay không, nhận xét theo tiêu chí, hướng dẫn, xác nhận xếp loại");
    }
}
