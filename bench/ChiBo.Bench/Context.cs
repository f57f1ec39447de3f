using ChiBo.Features.Rules;

namespace ChiBo.Bench;

/// <summary>What every part of the generator shares: ids, the open COPY sessions, reference data read back after seeding.</summary>
public sealed class Context
{
    /// <summary>The generated tree is the post-reform one (no district level), in force from 1/7/2025.</summary>
    public static readonly DateOnly TreeFrom = new(2025, 7, 1);
    /// <summary>The meeting year is the 12 months Dec 2025 – Nov 2026; the plan year and thematic quarters are 2026.</summary>
    public const int Year = 2026;
    public static readonly DateOnly FirstMonth = new(2025, 12, 1);
    public static readonly DateOnly AgeBase = new(2026, 1, 1);
    static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public required Ids Ids { get; init; }
    public Tables Tables { get; set; } = null!;
    public required Dictionary<string, int> TypeIds { get; init; }
    public required int[] TopicIds { get; init; }
    public required RuleSet Rules { get; init; }
    public int RuleSetId => Rules.Id;
    public int MeetingDay => Rules.MeetingDay ?? 3;
    public required Dictionary<string, string> RoleIds { get; init; }
    public required string PasswordHash { get; init; }
    public TextWriter? Csv { get; init; }
    /// <summary>--tree-only: units, accounts and monitoring groups only; members go to the CSV alone (for the import benchmark).</summary>
    public bool TreeOnly { get; init; }

    /// <summary>Vietnam local date and time to the UTC instant PostgreSQL's timestamptz stores.</summary>
    public static DateTime Utc(DateOnly date, TimeOnly time) => DateTime.SpecifyKind(date.ToDateTime(time) - VietnamOffset, DateTimeKind.Utc);
}
