using System.Text.Json;
using ChiBo.Data;
using ChiBo.Features.Meetings;
using ChiBo.Features.Rules;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Inspections;

/// <summary>
/// What an inspection checked, from the cell's meeting records of the period: periodic and thematic meetings held against
/// what the rules expect, attendance (present over roll less exempt and special duty, summed over the held meetings),
/// minutes adopted and signed, and the ratings. Committee meetings and extraordinary meetings are not counted, as in the roll-ups.
/// </summary>
public record CheckedFigures(DateOnly From, DateOnly To, int PeriodicExpected, int PeriodicHeld, int ThematicExpected, int ThematicHeld,
    int MeetingsHeld, int Expected, int Present, int AbsentExcused, int AbsentUnexcused, decimal? AttendanceRate,
    int MinutesAdopted, int MinutesSigned, int RatedGood, int RatedFair, int RatedAverage, int RatedPoor, int Unrated, List<int> MeetingIds)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    public string ToJson() => JsonSerializer.Serialize(this, Json);
    public static CheckedFigures? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<CheckedFigures>(json, Json);

    /// <summary>Months the period touches (one periodic meeting each) and quarters (the rules' thematic minimum each).</summary>
    public static (int Months, int Quarters) Span(DateOnly from, DateOnly to)
    {
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
        var quarters = (to.Year * 4 + (to.Month - 1) / 3) - (from.Year * 4 + (from.Month - 1) / 3) + 1;
        return (Math.Max(months, 0), Math.Max(quarters, 0));
    }

    public static async Task<CheckedFigures> ComputeAsync(AppDbContext db, int cellId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var rules = await RuleSets.InForceAsync(db, cellId, to, ct);
        var meetings = (await db.Meetings.AsNoTracking()
                .Where(m => m.CellId == cellId && m.Date >= from && m.Date <= to && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Adopted))
                .Select(m => new { m.Id, m.Kind, m.Status, Signed = m.ChairSignedAt != null && m.SecretarySignedAt != null })
                .ToListAsync(ct))
            .Where(m => m.Kind is MeetingKind.Periodic or MeetingKind.Thematic or MeetingKind.Combined).OrderBy(m => m.Id).ToList();
        var ids = meetings.Select(m => m.Id).ToList();
        var att = ids.Count == 0 ? [] : await db.Attendances.Where(a => ids.Contains(a.MeetingId)).GroupBy(a => a.Status)
            .Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        int A(AttendanceStatus s) => att.FirstOrDefault(x => x.Key == s)?.N ?? 0;
        var levels = ids.Count == 0 ? [] : await db.MeetingRatings.Where(r => ids.Contains(r.MeetingId)).Select(r => r.Level).ToListAsync(ct);
        var (months, quarters) = Span(from, to);
        var present = A(AttendanceStatus.Present);
        var expected = present + A(AttendanceStatus.AbsentExcused) + A(AttendanceStatus.AbsentUnexcused);
        return new CheckedFigures(from, to, months, meetings.Count(m => m.Kind is MeetingKind.Periodic or MeetingKind.Combined),
            quarters * rules.ThematicPerQuarter, meetings.Count(m => m.Kind is MeetingKind.Thematic or MeetingKind.Combined),
            meetings.Count, expected, present, A(AttendanceStatus.AbsentExcused), A(AttendanceStatus.AbsentUnexcused),
            expected > 0 ? Math.Round(100m * present / expected, 1) : null,
            meetings.Count(m => m.Status == MeetingStatus.Adopted), meetings.Count(m => m.Status == MeetingStatus.Adopted && m.Signed),
            levels.Count(l => l == RatingLevel.Good), levels.Count(l => l == RatingLevel.Fair), levels.Count(l => l == RatingLevel.Average),
            levels.Count(l => l == RatingLevel.Poor), meetings.Count - levels.Count, ids);
    }
}
