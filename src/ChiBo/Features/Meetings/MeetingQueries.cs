using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Rules;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ChiBo.Features.Meetings;

public record PersonRef(int Id, string Name);
public record DocumentDto(int Id, DocumentKind Kind, string KindText, string FileName, int Size, DateTime UploadedAt, string? UploadedBy);
public record RemarkDto(int Id, int? MemberId, string SpeakerName, string Text, int? TopicId);
public record AgendaItemDto(int Id, int Order, AgendaSection Section, string Title, int? TopicId, string? Conclusion, List<RemarkDto> Remarks);
public record AttendanceDto(int MemberId, string FullName, bool Official, AttendanceStatus Status, string StatusText,
    AbsenceReason? Reason, string? ReasonText, string? Note, DateTime? AnnouncedAt);
public record VoteDto(int MemberId, string FullName, VoteChoice Choice, string? Opinion);
public record AddendumDto(int Id, DateOnly Date, string Text, DateTime CreatedAt, string? CreatedBy, DateTime? SignedAt, string? SignedBy, string? ContentHash,
    bool? Intact = null);
public record RatingDto(decimal Total, RatingLevel Level, string LevelText, bool Capped, RatingStatus Status, string StatusText,
    string? ProposedBy, DateTime ProposedAt, string? ProposalNote, int? VotesFor, int? VotesAgainst, string? VotesRecordedBy, string? ConfirmedBy, DateTime? ConfirmedAt,
    string? ConfirmationNote, List<RatingScoreDto> Scores);
public record RatingScoreDto(string Code, string Title, RubricPart Part, int MaxPoints, decimal Points, bool Automatic, string? Basis);

public record MinutesDto(TimeOnly? StartedAt, TimeOnly? EndedAt, int? DurationMinutes, PersonRef? Chair, PersonRef? MinutesSecretary,
    string? Guests, List<AgendaItemDto> Agenda, string? Resolution, List<VoteDto> Votes, int VotesFor, int VotesAgainst, int VotesOther,
    bool ReadBack, DateTime? AdoptedAt, string? ContentHash, bool? HashIntact, DateTime? ChairSignedAt, string? ChairSignedBy,
    DateTime? SecretarySignedAt, string? SecretarySignedBy, List<AddendumDto> Addenda,
    // Re-checked on this read against the book's seals: empty when the minutes are as adopted, signed, corrected and rated.
    List<string> IntegrityProblems);

public record MeetingDto(int Id, int CellId, string CellName, MeetingKind Kind, string KindText, MeetingStatus Status, string StatusText,
    DateOnly Date, TimeOnly StartTime, string Place, string Title, int? TopicId, string? TopicName,
    PersonRef? ContentPreparer, PersonRef? ResolutionDrafter, PersonRef? PaperDrafter, DateTime? NoticeSentAt,
    List<DocumentDto> Documents, List<AttendanceDto> Attendance, AttendanceSummary AttendanceSummary, List<ExcusedStreak> ExcusedStreaks,
    MinutesDto? Minutes, RatingDto? Rating, List<string> Warnings, int Version);

public record MeetingListItem(int Id, MeetingKind Kind, string KindText, MeetingStatus Status, string StatusText, DateOnly Date,
    TimeOnly StartTime, string Title, string? TopicName, decimal? AttendanceRate, RatingLevel? Level, RatingStatus? RatingStatus);

/// <summary>Who may see and do what with a cell's meetings, and the meeting as the UI and the API show it.</summary>
public static class MeetingQueries
{
    /// <summary>Members (only) see a meeting's draft minutes only after adoption: drafts are the committee's working copy.</summary>
    public static bool IsMemberOnly(this UserScope scope) => !scope.CanManageCells && !scope.IsInRole(Roles.MonitoringMember);

    /// <summary>A meeting of the account's subtree; the cell committee's own meetings (sinh hoạt chi ủy) are not for ordinary members.</summary>
    public static async Task<bool> CanReadAsync(this UserScope scope, int cellId, DateOnly date, MeetingKind kind, CancellationToken ct = default) =>
        !(kind == MeetingKind.Committee && scope.IsMemberOnly()) && await scope.CanSeeUnitAsync(cellId, date, ct);

    /// <summary>Planning, attendance and minutes: the cell's secretary (or staff above it).</summary>
    public static Task<bool> CanRunAsync(this UserScope scope, int cellId, CancellationToken ct = default) => scope.CanEditUnitAsync(cellId, ct);

    /// <summary>Confirming a rating: an upper-level account (committee staff or monitoring member) above the cell.</summary>
    public static async Task<bool> CanConfirmAsync(this UserScope scope, int cellId, DateOnly date, CancellationToken ct = default) =>
        (scope.IsStaff || scope.IsInRole(Roles.MonitoringMember)) && scope.RootUnitId != cellId && await scope.CanSeeUnitAsync(cellId, date, ct);

    public static async Task<MeetingDto?> LoadAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct = default)
    {
        var m = await db.Meetings.AsNoTracking()
            .Include(x => x.Agenda).ThenInclude(a => a.Remarks).Include(x => x.Attendance).Include(x => x.Votes).Include(x => x.Addenda)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return null;
        var docs = await db.MeetingDocuments.Where(d => d.MeetingId == id).OrderBy(d => d.Id)
            .Select(d => new DocumentDto(d.Id, d.Kind, "", d.FileName, d.Content.Length, d.UploadedAt, d.UploadedBy)).ToListAsync(ct);
        docs = docs.Select(d => d with { KindText = d.Kind.Vietnamese() }).ToList();
        var rules = await RuleSets.InForceAsync(db, m.CellId, m.Date, ct);
        var cellName = await db.AsDtos(db.Units.Where(u => u.Id == m.CellId), m.Date).Select(u => u.Name).FirstAsync(ct);
        var topic = m.TopicId is { } t ? await db.Topics.Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var ids = new[] { m.ContentPreparerId, m.ResolutionDrafterId, m.PaperDrafterId, m.ChairId, m.MinutesSecretaryId }.OfType<int>()
            .Concat(m.Attendance.Select(a => a.MemberId)).Distinct().ToList();
        var people = await db.Members.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.FullName, x.SortKey }).ToListAsync(ct);
        var names = people.ToDictionary(x => x.Id, x => x.FullName);
        PersonRef? P(int? pid) => pid is { } v && names.TryGetValue(v, out var n) ? new PersonRef(v, n) : null;
        var rank = people.OrderBy(x => x.SortKey, ByteComparer.Instance).Select((x, i) => (x.Id, i)).ToDictionary(x => x.Id, x => x.i);

        var attendance = m.Attendance.OrderBy(a => rank.GetValueOrDefault(a.MemberId)).Select(a => new AttendanceDto(a.MemberId, names[a.MemberId], a.Official,
            a.Status, a.Status.Vietnamese(), a.Reason, a.ReasonText, a.Note, a.AnnouncedAt)).ToList();
        var showMinutes = !scope.IsMemberOnly() || m.Status == MeetingStatus.Adopted;
        // A member sees their own announced absence, not the others', before the meeting.
        if (scope.IsMemberOnly() && m.Status != MeetingStatus.Adopted) attendance = attendance.Where(a => a.MemberId == scope.MemberId).ToList();
        var summary = AttendanceStats.Summarize(m.Status is MeetingStatus.Held or MeetingStatus.Adopted ? m.Attendance : []);
        var streaks = m.Status is MeetingStatus.Held or MeetingStatus.Adopted ? await AttendanceStats.StreaksAsync(db, m, rules.MaxExcusedInRow, ct) : [];

        var ratingRow = await db.MeetingRatings.AsNoTracking().Include(x => x.Scores).FirstOrDefaultAsync(x => x.MeetingId == id, ct);
        MinutesDto? minutes = null;
        if (showMinutes)
        {
            // Every read re-checks the seals: what a page or an export shows is what was sealed, or it says what is not.
            var check = await db.GetService<MinutesIntegrity>().CheckAsync(m, ratingRow, ct);
            minutes = new MinutesDto(m.StartedAt, m.EndedAt, m.DurationMinutes, P(m.ChairId), P(m.MinutesSecretaryId), m.Guests,
                m.Agenda.OrderBy(a => a.Order).Select(a => new AgendaItemDto(a.Id, a.Order, a.Section, a.Title, a.TopicId, a.Conclusion,
                    a.Remarks.OrderBy(r => r.Order).Select(r => new RemarkDto(r.Id, r.MemberId, r.SpeakerName, r.Text, r.TopicId)).ToList())).ToList(),
                m.Resolution, m.Votes.OrderBy(v => rank.GetValueOrDefault(v.MemberId)).Select(v => new VoteDto(v.MemberId, names[v.MemberId], v.Choice, v.Opinion)).ToList(),
                m.Votes.Count(v => v.Choice == VoteChoice.For), m.Votes.Count(v => v.Choice == VoteChoice.Against), m.Votes.Count(v => v.Choice == VoteChoice.Other),
                m.ReadBack, m.AdoptedAt, m.ContentHash, MinutesIntegrity.InBook(m) || m.ContentHash is not null ? check.Intact : null,
                m.ChairSignedAt, m.ChairSignedBy, m.SecretarySignedAt, m.SecretarySignedBy,
                m.Addenda.OrderBy(a => a.Id).Select(a => new AddendumDto(a.Id, a.Date, a.Text, a.CreatedAt, a.CreatedBy, a.SignedAt, a.SignedBy, a.ContentHash,
                    !check.TamperedAddenda.Contains(a.Id))).ToList(), check.Problems);
        }
        else if (m.Status is MeetingStatus.Planned or MeetingStatus.Notified)
        {
            // Before the meeting a member sees the agenda (without any draft remarks).
            minutes = new MinutesDto(null, null, null, null, null, null,
                m.Agenda.OrderBy(a => a.Order).Select(a => new AgendaItemDto(a.Id, a.Order, a.Section, a.Title, a.TopicId, null, [])).ToList(),
                null, [], 0, 0, 0, false, null, null, null, null, null, null, null, [], []);
        }

        var rating = await RatingDtoAsync(db, ratingRow, ct);
        var warnings = MeetingWarnings.ForMeeting(m, rules, docs, summary, streaks, attendance, scope.Today);
        return new MeetingDto(m.Id, m.CellId, cellName, m.Kind, m.Kind.Vietnamese(), m.Status, m.Status.Vietnamese(), m.Date, m.StartTime,
            m.Place, m.Title, m.TopicId, topic, P(m.ContentPreparerId), P(m.ResolutionDrafterId), P(m.PaperDrafterId), m.NoticeSentAt,
            scope.IsMemberOnly() && m.Status == MeetingStatus.Planned ? [] : docs, attendance, summary, streaks, minutes,
            showMinutes ? rating : null, scope.IsMemberOnly() ? [] : warnings, m.Version);
    }

    static async Task<RatingDto?> RatingDtoAsync(AppDbContext db, MeetingRating? r, CancellationToken ct)
    {
        if (r is null) return null;
        var criteria = await db.RubricCriteria.Where(c => c.RuleSetId == r.RuleSetId).ToDictionaryAsync(c => c.Id, ct);
        return new RatingDto(r.Total, r.Level, r.Level.Vietnamese(), r.Capped, r.Status, r.Status.Vietnamese(), r.ProposedBy, r.ProposedAt,
            r.ProposalNote, r.VotesFor, r.VotesAgainst, r.VotesRecordedBy, r.ConfirmedBy, r.ConfirmedAt, r.ConfirmationNote,
            r.Scores.OrderBy(s => criteria[s.CriterionId].Order).Select(s => new RatingScoreDto(criteria[s.CriterionId].Code, criteria[s.CriterionId].Title,
                criteria[s.CriterionId].Part, criteria[s.CriterionId].MaxPoints, s.Points, s.Automatic, s.Basis)).ToList());
    }

    /// <summary>A cell's meetings in a year, newest first, with their attendance rate and rating.</summary>
    public static async Task<List<MeetingListItem>> ListAsync(AppDbContext db, UserScope scope, int cellId, int year, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        var memberOnly = scope.IsMemberOnly();
        var rows = await db.Meetings.Where(m => m.CellId == cellId && m.Date >= from && m.Date < to && !(memberOnly && m.Kind == MeetingKind.Committee))
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.StartTime)
            .Select(m => new
            {
                m.Id, m.Kind, m.Status, m.Date, m.StartTime, m.Title,
                Topic = db.Topics.Where(t => t.Id == m.TopicId).Select(t => t.Name).FirstOrDefault(),
                Present = m.Attendance.Count(a => a.Status == AttendanceStatus.Present),
                Expected = m.Attendance.Count(a => a.Status != AttendanceStatus.Exempt && a.Status != AttendanceStatus.SpecialDuty),
                Rating = db.MeetingRatings.Where(r => r.MeetingId == m.Id).Select(r => new { r.Level, r.Status }).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.Select(r => new MeetingListItem(r.Id, r.Kind, r.Kind.Vietnamese(), r.Status, r.Status.Vietnamese(), r.Date, r.StartTime, r.Title, r.Topic,
            (r.Status is MeetingStatus.Held or MeetingStatus.Adopted) && r.Expected > 0 && (!memberOnly || r.Status == MeetingStatus.Adopted) ? Math.Round(100m * r.Present / r.Expected, 1) : null,
            memberOnly && r.Status != MeetingStatus.Adopted ? null : r.Rating?.Level,
            memberOnly && r.Status != MeetingStatus.Adopted ? null : r.Rating?.Status)).ToList();
    }
}

/// <summary>Orders the stored vi-VN sort keys the way the database does (bytewise).</summary>
sealed class ByteComparer : IComparer<byte[]>
{
    public static readonly ByteComparer Instance = new();
    public int Compare(byte[]? x, byte[]? y) => ((ReadOnlySpan<byte>)(x ?? [])).SequenceCompareTo(y ?? []);
}
