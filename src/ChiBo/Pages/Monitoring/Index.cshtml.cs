using System.Security.Claims;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Monitoring;

/// <summary>A monitoring group's month: the schedule of the cells it covers, the leader's assignments, the members' visits, coverage.</summary>
public class IndexModel(AppDbContext db, UserScope scope, MonitoringService monitoring) : PageModel
{
    public List<MonitoringApi.GroupDto> Groups { get; private set; } = [];
    public MonitoringApi.GroupDto? Group { get; private set; }
    public MonitoringApi.Access? Access { get; private set; }
    public List<ScheduleLine> Schedule { get; private set; } = [];
    public List<MonitoringApi.AssignmentDto> Mine { get; private set; } = [];
    public CoverageReport? Coverage { get; private set; }
    public int Year { get; private set; }
    public int Month { get; private set; }
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? group, int? year, int? month, string? done)
    {
        Done = done;
        return await LoadAsync(group, year, month);
    }

    public async Task<IActionResult> OnPostAssignAsync(int group, int year, int month, int meetingId, string userName)
    {
        var g = await db.MonitoringGroups.FirstOrDefaultAsync(x => x.Id == group);
        if (g is null) return NotFound();
        if (!(await MonitoringApi.AccessAsync(g, scope, User, db)).Manage) return Forbid();
        var r = await monitoring.AssignAsync(group, meetingId, userName);
        if (r.Ok) return Redirect($"/Monitoring?group={group}&year={year}&month={month}&done={Uri.EscapeDataString("Đã phân công.")}");
        Error = r.Error;
        return await LoadAsync(group, year, month);
    }

    async Task<IActionResult> LoadAsync(int? group, int? year, int? month)
    {
        Year = year ?? scope.Today.Year;
        Month = month ?? scope.Today.Month;
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var mine = db.MonitoringGroupMembers.Where(m => m.UserId == me).Select(m => m.GroupId);
        var owned = db.UnitClosures.Where(c => c.AncestorId == scope.RootUnitId).Select(c => c.DescendantId);
        var groups = await db.MonitoringGroups.Where(x => mine.Contains(x.Id) || (scope.IsStaff && owned.Contains(x.OwnerUnitId))).OrderBy(x => x.Name).ToListAsync();
        foreach (var x in groups) Groups.Add(await MonitoringApi.ToDtoAsync(db, x, scope.Today));
        var chosen = groups.FirstOrDefault(x => x.Id == group) ?? groups.FirstOrDefault();
        if (group is not null && chosen?.Id != group) return Forbid();
        if (chosen is not null)
        {
            Group = Groups.First(x => x.Id == chosen.Id);
            Access = await MonitoringApi.AccessAsync(chosen, scope, User, db);
            Schedule = await monitoring.ScheduleAsync(chosen.Id, Year, Month);
            var first = new DateOnly(Year, Month, 1);
            Coverage = await monitoring.CoverageAsync(chosen.Id, new DateOnly(Year, 1, 1), first.AddMonths(1));
        }
        Mine = await MonitoringApi.AssignmentsAsync(db, scope.Today, userId: me, since: new DateOnly(Year, Month, 1).AddMonths(-1));
        return Page();
    }
}
