using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Meetings;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using ChiBo.Features.Topics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Meetings;

/// <summary>A cell's meetings of a year, what is missing this month or quarter, and the form to plan the next one.</summary>
[Require<UnitAccess, UnitNeed>(UnitNeed.See, "cellId")]
public class IndexModel(AppDbContext db, UserScope scope, MeetingService meetings) : PageModel
{
    public UnitDto Cell { get; private set; } = null!;
    public int Year { get; private set; }
    public List<MeetingListItem> Items { get; private set; } = [];
    public List<string> Warnings { get; private set; } = [];
    public List<Topic> Topics { get; private set; } = [];
    public bool CanRun { get; private set; }

    [BindProperty] public PlanForm Form { get; set; } = new();

    public class PlanForm
    {
        public MeetingKind Kind { get; set; } = MeetingKind.Periodic;
        public string? Date { get; set; }
        public string? Time { get; set; } = "19:30";
        public string? Place { get; set; }
        public string? Title { get; set; }
        public int? TopicId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int cellId, int? year)
    {
        if (year is < InputChecks.MinYear or > InputChecks.MaxYear) return BadRequest();
        if (!await LoadAsync(cellId, year)) return NotFound();
        var next = await NextMeetingDayAsync(cellId);
        Form.Date = next.Vn();
        Form.Title = $"Sinh hoạt thường kỳ tháng {next.Month}/{next.Year}";
        return Page();
    }

    [Require<UnitAccess, UnitNeed>(UnitNeed.Run, "cellId")]
    public async Task<IActionResult> OnPostAsync(int cellId)
    {
        var f = Form;
        if (!Dates.TryParseVn(f.Date, out var date)) ModelState.AddModelError("Form.Date", "Ngày họp không hợp lệ (dd/MM/yyyy).");
        if (!TimeOnly.TryParse(f.Time, out var time)) ModelState.AddModelError("Form.Time", "Giờ họp không hợp lệ (HH:mm).");
        if (ModelState.IsValid)
        {
            var r = await meetings.PlanAsync(cellId, new MeetingService.PlanRequest(f.Kind, date, time, f.Place ?? "", f.Title ?? "", f.TopicId, null, null, null, null));
            if (r.Ok) return Redirect($"/Meetings/{r.Value!.Id}");
            string[] onForm = ["date", "place", "title", "topicId"];
            ModelState.AddModelError(onForm.Contains(r.Field) ? "Form." + char.ToUpperInvariant(r.Field![0]) + r.Field[1..] : "", r.Error!);
        }
        await LoadAsync(cellId, date.Year > 1 ? date.Year : null);
        return Page();
    }

    /// <summary>The next Party-wide meeting day of the rule set in force (the 3rd since 2025), or tomorrow where none is set.</summary>
    async Task<DateOnly> NextMeetingDayAsync(int cellId)
    {
        var today = scope.Today;
        var rules = await Features.Rules.RuleSets.InForceAsync(db, cellId, today);
        if (rules.MeetingDay is not { } day) return today.AddDays(1);
        var d = new DateOnly(today.Year, today.Month, day);
        return d >= today ? d : d.AddMonths(1);
    }

    async Task<bool> LoadAsync(int cellId, int? year)
    {
        Year = year ?? scope.Today.Year;
        var cell = await db.AsDtos(db.Units.Where(u => u.Id == cellId), scope.Today).FirstOrDefaultAsync()
                   ?? await db.AsDtos(db.Units.Where(u => u.Id == cellId), new DateOnly(Year, 12, 31)).FirstOrDefaultAsync();
        if (cell is null || !cell.IsCell) return false;
        Cell = cell;
        Items = await MeetingQueries.ListAsync(db, scope, cellId, Year);
        CanRun = await scope.CanRunAsync(cellId);
        if (CanRun) Warnings = await MeetingWarnings.ForCellAsync(db, cellId, scope.Today);
        Topics = await db.Topics.Where(t => t.Active).OrderBy(t => t.Order).ToListAsync();
        return true;
    }
}
