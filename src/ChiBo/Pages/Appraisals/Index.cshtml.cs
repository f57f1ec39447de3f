using ChiBo.Features.Shared;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Appraisals;
using ChiBo.Features.Meetings;
using ChiBo.Features.Organization;
using ChiBo.Features.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Pages.Appraisals;

/// <summary>A level's annual ratings (its organizations, or a cell's members), the distribution and quota, and "Chi bộ 4 tốt".</summary>
[Require<UnitAccess, UnitNeed>(UnitNeed.See, "unitId")]
public class IndexModel(AppDbContext db, UserScope scope, UnitAccess units, FourGoodAccess fourGood, AppraisalService svc, FourGoodService four) : PageModel
{
    public UnitDto Unit { get; private set; } = null!;
    public int Year { get; private set; }
    public AppraisalSubject Subject { get; private set; }
    public AppraisalsApi.Overview Overview { get; private set; } = null!;
    public AppraisalsApi.FourGoodList FourGood { get; private set; } = null!;
    public AppraisalsApi.FourGoodDto? CellFourGood { get; private set; }
    public HashSet<int> CanStart { get; } = [];
    /// <summary>A cell's own rating (it is listed at its committee; here the cell finds it).</summary>
    public int? OwnAppraisalId { get; private set; }
    public bool CanStartOwn { get; private set; }
    public bool CanRunCell { get; private set; }
    /// <summary>The cell's term ratings (id, from, to).</summary>
    public List<(int Id, int From, int To)> Terms { get; private set; } = [];
    public bool CanReportFourGood { get; private set; }
    public bool CanRecognizeFourGood { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }
    public string? Done { get; private set; }

    async Task<bool> RunsAsync(int unitId) => (await units.ForAsync(unitId, UnitNeed.Run)).Allowed;

    async Task<IActionResult?> LoadAsync(int unitId, int? year, AppraisalSubject? subject)
    {
        Year = PageInput.Year(year ?? (scope.Today.Month == 12 ? scope.Today.Year : scope.Today.Year - 1));
        var unit = await db.AsDtos(db.Units.Where(u => u.Id == unitId), svc.AsOf(Year)).FirstOrDefaultAsync();
        if (unit is null) return NotFound();
        Unit = unit;
        Subject = unit.IsCell ? subject ?? AppraisalSubject.Member : AppraisalSubject.Organization;
        // Members' ratings are the cell's and its committee's working records.
        if (Subject == AppraisalSubject.Member && !await RunsAsync(unitId)) Subject = AppraisalSubject.Organization;
        Overview = await AppraisalsApi.OverviewAsync(db, svc, unitId, Year, Subject);
        foreach (var l in Overview.Lines.Where(l => l.AppraisalId is null))
            if (await RunsAsync(l.UnitId)) CanStart.Add(l.MemberId ?? l.UnitId);
        if (unit.IsCell)
        {
            var key = AppraisalService.KeyOf(unitId, null);
            OwnAppraisalId = await db.Appraisals.Where(a => a.Year == Year && a.SubjectKey == key).Select(a => (int?)a.Id).FirstOrDefaultAsync();
            var termKey = key + "@";
            Terms = await db.Appraisals.Where(a => a.UnitId == unitId && a.MemberId == null && a.SubjectKey.StartsWith(termKey))
                .OrderByDescending(a => a.Year).Select(a => new ValueTuple<int, int, int>(a.Id, a.FromYear, a.Year)).ToListAsync();
            CanRunCell = await RunsAsync(unitId);
            CanStartOwn = OwnAppraisalId is null && CanRunCell;
            CellFourGood = await AppraisalsApi.FourGoodAsync(db, svc, four, unitId, Year);
            CanReportFourGood = (await fourGood.ForAsync(unitId, FourGoodNeed.Record)).Allowed;
            CanRecognizeFourGood = (await fourGood.ForAsync(unitId, FourGoodNeed.Recognize)).Allowed;
        }
        else FourGood = await AppraisalsApi.FourGoodListAsync(db, svc, four, unitId, Year);
        return null;
    }

    public async Task<IActionResult> OnGetAsync([FromRoute] int unitId, int? year, AppraisalSubject? subject) =>
        await LoadAsync(unitId, year, subject is { } s && Enum.IsDefined(s) ? s : null) ?? Page();

    /// <summary>Opens a rating: of a child organization or this cell (subjectUnitId, in the address so the declaration checks it) or of a member of this cell.</summary>
    [Require<UnitAccess, UnitNeed>(UnitNeed.Run, "subjectUnitId")]
    public async Task<IActionResult> OnPostStartAsync([FromRoute] int unitId, int year, [FromQuery] int subjectUnitId, int? memberId, int? fromYear)
    {
        var r = await svc.StartAsync(subjectUnitId, memberId, PageInput.Year(year), fromYear);
        if (r.Ok) return Redirect($"/Appraisals/{r.Value!.Id}");
        (Error, ErrorField) = (r.Error, r.Field);
        return await LoadAsync(unitId, year, memberId is null ? null : AppraisalSubject.Member) ?? Page();
    }

    [Require<FourGoodAccess, FourGoodNeed>(FourGoodNeed.Record, "unitId")]
    public async Task<IActionResult> OnPostFourGoodAsync([FromRoute] int unitId, int year, FourGoodInput input)
    {
        var r = await four.SaveAsync(unitId, PageInput.Year(year), input);
        (Error, ErrorField, Done) = r.Ok ? ((string?)null, (string?)null, (string?)"Đã lưu báo cáo “Chi bộ 4 tốt”.") : (r.Error, r.Field, null);
        db.ChangeTracker.Clear();
        return await LoadAsync(unitId, year, null) ?? Page();
    }

    [Require<FourGoodAccess, FourGoodNeed>(FourGoodNeed.Recognize, "unitId")]
    public async Task<IActionResult> OnPostRecognizeAsync([FromRoute] int unitId, int year, int? version)
    {
        var r = await four.RecognizeAsync(unitId, PageInput.Year(year), PageInput.Version(version));
        (Error, ErrorField, Done) = r.Ok ? ((string?)null, (string?)null, (string?)"Đã công nhận “Chi bộ 4 tốt”.") : (r.Error, r.Field, null);
        db.ChangeTracker.Clear();
        return await LoadAsync(unitId, year, null) ?? Page();
    }

    public static string LevelClass(AppraisalLevel? l) => l switch
    {
        AppraisalLevel.Excellent => "text-success fw-semibold", AppraisalLevel.Good => "text-success", AppraisalLevel.Pass => "", AppraisalLevel.Fail => "text-danger", _ => "text-muted",
    };

    public static string MeetingLevel(RatingLevel? l) => l?.Vietnamese() ?? "chưa xếp loại";
}
