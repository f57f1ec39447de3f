using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Meetings;
using ChiBo.Features.Monitoring;
using ChiBo.Features.Organization;
using ChiBo.Features.Plans;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Monitoring;

/// <summary>A monitoring group's month: the schedule of the cells it covers, the leader's assignments, the members' visits, coverage.</summary>
[AnyAccount("the account's own groups and assignments; a group it may not read is not found")]
public class IndexModel(AppDbContext db, UserScope scope, GroupAccess access, UnitAccess units, MonitoringService monitoring) : PageModel
{
    public List<MonitoringApi.GroupDto> Groups { get; private set; } = [];
    public MonitoringApi.GroupDto? Group { get; private set; }
    public GroupRights? Rights { get; private set; }
    public List<ScheduleLine> Schedule { get; private set; } = [];
    public List<MonitoringApi.AssignmentDto> Mine { get; private set; } = [];
    public CoverageReport? Coverage { get; private set; }
    public int Year { get; private set; }
    public int Month { get; private set; }
    public string? Error { get; private set; }
    public string? Done { get; private set; }
    public DateOnly Today => scope.Today;
    /// <summary>The account is staff acting for its own committee, which forms its groups.</summary>
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? group, int? year, int? month, string? done)
    {
        Done = done;
        return await LoadAsync(group, year, month);
    }

    /// <summary>Staff of a committee form a group of accounts from their committee.</summary>
    [ForOwnUnit(UnitNeed.Manage, UnitNeed.Own)]
    public async Task<IActionResult> OnPostCreateAsync(string? name, string? leaderUserName, string? memberUserNames, string? from)
    {
        if (!Dates.TryParseVn(from, out var date)) { Error = "Ngày thành lập không hợp lệ (dd/MM/yyyy)."; return await LoadAsync(null, null, null); }
        var members = (memberUserNames ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var r = await monitoring.CreateGroupAsync(new GroupInput(scope.RootUnitId, name ?? "", leaderUserName ?? "", date, members));
        if (r.Ok) return Redirect($"/Monitoring?group={r.Value!.Id}&done={Uri.EscapeDataString("Đã lập tổ.")}");
        Error = r.Error;
        return await LoadAsync(null, null, null);
    }

    /// <summary>The group is in the address (the declaration checks it); a unit the account does not see is answered as unknown.</summary>
    [Require<GroupAccess, GroupNeed>(GroupNeed.Manage, "group")]
    public async Task<IActionResult> OnPostCoverAsync([FromQuery] int group, string? unitCode, string? from)
    {
        var unitId = await db.Units.Where(u => u.Code == (unitCode ?? "").Trim()).Select(u => (int?)u.Id).FirstOrDefaultAsync();
        if (unitId is null || !(await units.ForAsync(unitId.Value, UnitNeed.See)).Allowed) Error = $"Không có đơn vị mã “{unitCode}” trong phạm vi của tài khoản.";
        else if (!Dates.TryParseVn(from, out var date)) Error = "Ngày bắt đầu không hợp lệ (dd/MM/yyyy).";
        else
        {
            var r = await monitoring.AddCoverageAsync(group, new CoverageInput(unitId.Value, date, null));
            if (r.Ok) return Redirect($"/Monitoring?group={group}&done={Uri.EscapeDataString("Đã giao đơn vị phụ trách.")}");
            Error = r.Error;
        }
        return await LoadAsync(group, null, null);
    }

    [Require<GroupAccess, GroupNeed>(GroupNeed.Lead, "group"), Require<MeetingAccess, MeetingNeed>(MeetingNeed.Read, "meetingId")]
    public async Task<IActionResult> OnPostAssignAsync([FromQuery] int group, [FromQuery] int meetingId, int? year, int? month, string? userName)
    {
        var r = await monitoring.AssignAsync(group, meetingId, userName ?? "");
        if (r.Ok) return Redirect($"/Monitoring?group={group}&year={year}&month={month}&done={Uri.EscapeDataString("Đã phân công.")}");
        Error = r.Error;
        return await LoadAsync(group, year, month);
    }

    async Task<IActionResult> LoadAsync(int? group, int? year, int? month)
    {
        Year = PageInput.Year(year ?? scope.Today.Year);
        Month = PageInput.Month(month ?? scope.Today.Month);
        var me = scope.UserId ?? "";
        var mine = db.MonitoringGroupMembers.Where(m => m.UserId == me).Select(m => m.GroupId);
        var owned = db.UnitClosures.Where(c => scope.IsStaff && c.AncestorId == scope.RootUnitId).Select(c => c.DescendantId);
        var groups = new List<MonitoringGroup>();
        foreach (var x in await db.MonitoringGroups.Where(x => mine.Contains(x.Id) || owned.Contains(x.OwnerUnitId)).OrderBy(x => x.Name).ToListAsync())
            if ((await access.ForAsync(x.Id, GroupNeed.Read)).Allowed) groups.Add(x);
        foreach (var x in groups) Groups.Add(await MonitoringApi.ToDtoAsync(db, x, scope.Today));
        var chosen = groups.FirstOrDefault(x => x.Id == group) ?? groups.FirstOrDefault();
        if (group is not null && chosen?.Id != group) return NotFound();
        if (chosen is not null)
        {
            Group = Groups.First(x => x.Id == chosen.Id);
            Rights = await access.RightsAsync(chosen.Id);
            Schedule = await monitoring.ScheduleAsync(chosen.Id, Year, Month);
            var first = new DateOnly(Year, Month, 1);
            Coverage = await monitoring.CoverageAsync(chosen.Id, new DateOnly(Year, 1, 1), first.AddMonths(1));
        }
        CanCreate = (await units.ForAsync(scope.RootUnitId, UnitNeed.Manage)).Allowed && (await units.ForAsync(scope.RootUnitId, UnitNeed.Own)).Allowed;
        Mine = await MonitoringApi.AssignmentsAsync(db, scope.Today, userId: me, since: new DateOnly(Year, Month, 1).AddMonths(-1));
        return Page();
    }
}
