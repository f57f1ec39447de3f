using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChiBo.Features.Meetings;

/// <summary>
/// SHA-256 over a canonical JSON of what the minutes say (times, people, attendance, agenda, remarks,
/// conclusions, resolution, votes). Stored at adoption and recomputed on every read, so any change made
/// behind the product's back (a direct SQL edit) shows as "không khớp" — unless whoever edited also recomputed it, which
/// anyone can: the keyed seal of the book (<see cref="SealCodes"/>) is what an edit cannot fake.
/// </summary>
public static class MinutesHash
{
    static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Compute(Meeting m) => Sha256(Canonical(m));

    /// <summary>The documented canonical JSON the hash is taken over (and the book's seal too, see <see cref="SealCodes"/>).</summary>
    public static string Canonical(Meeting m)
    {
        var canonical = new
        {
            m.Id, m.CellId, Kind = m.Kind.ToString(), Date = m.Date.ToString("yyyy-MM-dd"), m.Place, m.Title, m.TopicId,
            Started = m.StartedAt?.ToString("HH:mm"), Ended = m.EndedAt?.ToString("HH:mm"), m.ChairId, m.MinutesSecretaryId, m.Guests,
            Attendance = m.Attendance.OrderBy(a => a.MemberId).Select(a => new { a.MemberId, Status = a.Status.ToString(), Reason = a.Reason?.ToString(), a.ReasonText, a.Note, a.Official }),
            Agenda = m.Agenda.OrderBy(a => a.Order).Select(a => new
            {
                a.Order, Section = a.Section.ToString(), a.Title, a.TopicId, a.Conclusion,
                Remarks = a.Remarks.OrderBy(r => r.Order).Select(r => new { r.Order, r.MemberId, r.SpeakerName, r.Text, r.TopicId }),
            }),
            m.Resolution,
            Votes = m.Votes.OrderBy(v => v.MemberId).Select(v => new { v.MemberId, Choice = v.Choice.ToString(), v.Opinion }),
            m.ReadBack,
        };
        return JsonSerializer.Serialize(canonical, Options);
    }

    /// <summary>An addendum's hash chains to the minutes' hash it corrects.</summary>
    public static string Compute(MinutesAddendum a, string minutesHash) =>
        Sha256(JsonSerializer.Serialize(new { a.MeetingId, Date = a.Date.ToString("yyyy-MM-dd"), a.Text, minutesHash }, Options));

    static string Sha256(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
}
