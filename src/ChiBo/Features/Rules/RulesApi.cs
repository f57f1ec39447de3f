using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Rules;

public static class RulesApi
{
    public record CriterionDto(string Code, RubricPart Part, string Title, int MaxPoints, Measure Measure, bool Gating);
    public record RuleSetDto(int Id, string Name, int? UnitId, DateOnly EffectiveFrom, int? MeetingDay, int ThematicPerQuarter,
        int MinMinutes, int MinMinutesCombined, int NoticeDays, int AttendancePercent, int MaxExcusedInRow, int ParticipationPercent,
        int GoodMin, int FairMin, int AverageMin, string PeriodicAgenda, string ThematicAgenda, List<CriterionDto> Criteria, string? CreatedBy);
    public record CreateRuleSetRequest(int UnitId, string? Name, DateOnly EffectiveFrom, int? MeetingDay, int ThematicPerQuarter,
        int MinMinutes, int MinMinutesCombined, int NoticeDays, int AttendancePercent, int MaxExcusedInRow, int ParticipationPercent,
        int GoodMin, int FairMin, int AverageMin, string? PeriodicAgenda, string? ThematicAgenda, List<CriterionDto?>? Criteria);

    public static RuleSetDto ToDto(RuleSet r) => new(r.Id, r.Name, r.UnitId, r.EffectiveFrom, r.MeetingDay, r.ThematicPerQuarter, r.MinMinutes,
        r.MinMinutesCombined, r.NoticeDays, r.AttendancePercent, r.MaxExcusedInRow, r.ParticipationPercent, r.GoodMin, r.FairMin, r.AverageMin,
        r.PeriodicAgenda, r.ThematicAgenda, r.Criteria.OrderBy(c => c.Order).Select(c => new CriterionDto(c.Code, c.Part, c.Title, c.MaxPoints, c.Measure, c.Gating)).ToList(), r.CreatedBy);

    public static void MapRules(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1").WithTags("Quy định sinh hoạt").RequireAuthorization();

        g.MapGet("/units/{unitId:int}/rules", async (int unitId, DateOnly? date, UserScope scope, AppDbContext db) =>
            TypedResults.Ok(ToDto(await RuleSets.InForceAsync(db, unitId, date ?? scope.Today))))
            .Require<UnitAccess, UnitNeed>(UnitNeed.See, "unitId")
            .WithSummary("Quy định đang áp dụng cho một đơn vị vào một ngày");

        g.MapGet("/rule-sets", async (UserScope scope, AppDbContext db) =>
        {
            // The defaults, and the rule sets set by the account's node, its ancestors and its subtree.
            var today = scope.Today;
            var related = db.UnitClosures.Where(c => c.AncestorId == scope.RootUnitId || c.DescendantId == scope.RootUnitId)
                .Select(c => c.AncestorId == scope.RootUnitId ? c.DescendantId : c.AncestorId);
            var list = await db.RuleSets.Include(r => r.Criteria).Where(r => r.UnitId == null || related.Contains(r.UnitId.Value))
                .OrderBy(r => r.UnitId).ThenBy(r => r.EffectiveFrom).AsSplitQuery().ToListAsync();
            return TypedResults.Ok(list.Select(ToDto).ToList());
        }).OwnRecordsOnly("the default rule sets and those of the account's own node, its ancestors and its subtree (reference data)")
            .WithSummary("Các bộ quy định có liên quan đến đơn vị của tài khoản");

        // An organization board (staff) or administrator sets the rules of a unit in its subtree.
        g.MapPost("/rule-sets", async Task<Results<Created<RuleSetDto>, ValidationProblem>> (CreateRuleSetRequest req, UserScope scope, AppDbContext db, TimeProvider clock) =>
        {
            var r = new RuleSet
            {
                Name = req.Name?.Trim() ?? "", UnitId = req.UnitId, EffectiveFrom = req.EffectiveFrom, MeetingDay = req.MeetingDay, ThematicPerQuarter = req.ThematicPerQuarter,
                MinMinutes = req.MinMinutes, MinMinutesCombined = req.MinMinutesCombined, NoticeDays = req.NoticeDays, AttendancePercent = req.AttendancePercent,
                MaxExcusedInRow = req.MaxExcusedInRow, ParticipationPercent = req.ParticipationPercent, GoodMin = req.GoodMin, FairMin = req.FairMin, AverageMin = req.AverageMin,
                PeriodicAgenda = req.PeriodicAgenda ?? RuleSets.DefaultPeriodicAgenda, ThematicAgenda = req.ThematicAgenda ?? RuleSets.DefaultThematicAgenda,
                CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = scope.Name,
            };
            var errors = RuleSetChecks.Check(r, req.Criteria);
            if (req.UnitId == 0) errors["unitId"] = ["Chọn đơn vị áp dụng bộ quy định."];
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Dữ liệu không hợp lệ");
            r.Criteria = req.Criteria?.Select((c, i) => new RubricCriterion { Code = c!.Code.Trim(), Part = c.Part, Title = c.Title.Trim(), MaxPoints = c.MaxPoints, Measure = c.Measure, Gating = c.Gating, Order = i + 1 }).ToList()
                ?? (await RuleSets.InForceAsync(db, req.UnitId, req.EffectiveFrom)).Criteria.Select(c => new RubricCriterion { Code = c.Code, Part = c.Part, Title = c.Title, MaxPoints = c.MaxPoints, Measure = c.Measure, Gating = c.Gating, Order = c.Order }).ToList();
            db.RuleSets.Add(r);
            await db.SaveChangesAsync();
            return TypedResults.Created($"/api/v1/rule-sets/{r.Id}", ToDto(r));
        }).Require<UnitAccess, UnitNeed, CreateRuleSetRequest>(UnitNeed.Manage, r => r.UnitId == 0 ? null : r.UnitId, "unitId")
            .WithSummary("Ban hành bộ quy định mới cho cây đơn vị của mình, có hiệu lực từ một ngày");
    }
}
