using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChiBo.Features.Meetings;

/// <summary>
/// The keyed digests (HMAC-SHA256) of a book. Unlike <see cref="MinutesHash"/>, which anyone can recompute, these need
/// a key that is not in the database row. Each value is written in one fixed form — times to the second, amounts to
/// the column's two decimals — because PostgreSQL keeps microseconds and rounds numeric(6,2) while SQLite keeps what it
/// was given: the seal must come out the same from what either database gives back.
/// </summary>
public static class SealCodes
{
    public static MinutesBook BookOf(MeetingKind kind) => kind == MeetingKind.Committee ? MinutesBook.Committee : MinutesBook.Cell;

    public static IQueryable<Meeting> InBook(this IQueryable<Meeting> q, MinutesBook book) =>
        book == MinutesBook.Committee ? q.Where(m => m.Kind == MeetingKind.Committee) : q.Where(m => m.Kind != MeetingKind.Committee);

    /// <summary>The minutes as adopted (what <see cref="MinutesHash"/> covers), at their place in the book, chained to the ones before.</summary>
    public static string Minutes(byte[] key, Meeting m) =>
        Mac(key, "minutes", MinutesHash.Canonical(m), m.CellId, BookOf(m.Kind).ToString(), m.BookSeq, m.PrevSeal, T(m.AdoptedAt));

    public static string Addendum(byte[] key, string minutesSeal, MinutesAddendum a) =>
        Mac(key, "addendum", minutesSeal, a.MeetingId, a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Text,
            T(a.CreatedAt), a.CreatedBy, T(a.SignedAt), a.SignedBy, a.ContentHash);

    /// <summary>
    /// What may still change after adoption: who signed and when, which addenda there are (by their own seals, which
    /// cover their text) and the rating with its scores, votes and confirmation.
    /// </summary>
    public static string Record(byte[] key, Meeting m, IEnumerable<MinutesAddendum> addenda, MeetingRating? r) =>
        Mac(key, "record", m.Seal, T(m.ChairSignedAt), m.ChairSignedBy, T(m.SecretarySignedAt), m.SecretarySignedBy,
            addenda.Select(a => a.Seal ?? "").Order(StringComparer.Ordinal).ToArray(),
            r is null ? null : new object?[]
            {
                r.RuleSetId, D(r.Total), r.Level.ToString(), r.Capped, r.Status.ToString(), r.ProposedBy, T(r.ProposedAt), r.ProposalNote,
                r.VotesFor, r.VotesAgainst, T(r.VotedAt), r.VotesRecordedBy, r.ConfirmedBy, T(r.ConfirmedAt), r.ConfirmationNote,
                r.Scores.OrderBy(s => s.CriterionId).ThenBy(s => s.Points).Select(s => new object?[] { s.CriterionId, D(s.Points), s.Automatic, s.Basis }).ToArray(),
            });

    public static string Head(byte[] key, MinutesBookHead h) => Mac(key, "head", h.CellId, h.Book.ToString(), h.Count, h.LastSeal);

    public static bool Same(string? stored, string computed) =>
        stored is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(computed));

    // A JSON array keeps the parts apart unambiguously; the first part names what is sealed, so one kind of seal never stands for another.
    static string Mac(byte[] key, params object?[] parts) => Convert.ToHexStringLower(HMACSHA256.HashData(key, JsonSerializer.SerializeToUtf8Bytes(parts)));
    static string? T(DateTime? t) => t?.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    static string D(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
}
