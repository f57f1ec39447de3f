namespace ChiBo.Features.Meetings;

/// <summary>
/// A book checked as a chain: each sealed minutes names the seal of the one before it, the head names how many there
/// are and the last one's seal. A deletion in the middle shows at the next minutes, a deletion at the end at the new
/// last one (or at the book when none is left), a repeated or reordered position at the minutes concerned.
/// </summary>
public sealed class BookChain
{
    public record Link(int MeetingId, int Seq, string? PrevSeal, string? Seal);

    public const string MissingBefore = "Chuỗi sổ họp bị đứt: thiếu biên bản trước buổi này.";
    public const string ReplacedBefore = "Chuỗi sổ họp bị đứt: biên bản trước buổi này đã bị thay đổi.";

    readonly Dictionary<int, List<string>> _byMeeting = [];
    /// <summary>Problems of a book with no minutes left to show them on.</summary>
    public List<string> Book { get; } = [];
    public IReadOnlyDictionary<int, List<string>> ByMeeting => _byMeeting;
    public IReadOnlyList<string> For(int meetingId) => _byMeeting.GetValueOrDefault(meetingId) ?? [];

    void Add(int meetingId, string problem)
    {
        if (!_byMeeting.TryGetValue(meetingId, out var list)) _byMeeting[meetingId] = list = [];
        list.Add(problem);
    }

    public static BookChain Of(IReadOnlyList<Link> links, MinutesBookHead? head, bool headValid)
    {
        var c = new BookChain();
        var bySeq = links.GroupBy(l => l.Seq).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var l in links)
        {
            if (bySeq[l.Seq].Count > 1) c.Add(l.MeetingId, $"Sổ họp có {bySeq[l.Seq].Count} biên bản cùng số thứ tự {l.Seq}: sổ đã bị sửa ngoài hệ thống.");
            if (l.Seq <= 1) continue;
            if (!bySeq.TryGetValue(l.Seq - 1, out var before)) c.Add(l.MeetingId, MissingBefore);
            else if (!before.Any(b => b.Seal == l.PrevSeal)) c.Add(l.MeetingId, ReplacedBefore);
        }
        var last = links.OrderBy(l => l.Seq).LastOrDefault();
        void AtEnd(string problem) { if (last is null) c.Book.Add(problem); else c.Add(last.MeetingId, problem); }
        if (head is null)
        {
            if (last is not null) AtEnd("Sổ họp mất bản ghi đầu sổ: sổ đã bị sửa ngoài hệ thống.");
            return c;
        }
        if (!headValid) AtEnd("Đầu sổ họp đã bị sửa ngoài hệ thống.");
        else if (head.Count > (last?.Seq ?? 0))
            AtEnd(last is null ? $"Sổ họp ghi {head.Count} biên bản đã thông qua nhưng không còn biên bản nào: biên bản đã bị xóa ngoài hệ thống."
                : $"Chuỗi sổ họp bị đứt: thiếu biên bản sau buổi này (đầu sổ ghi {head.Count} biên bản, buổi này là biên bản số {last.Seq}).");
        else if (head.Count < last!.Seq)
            foreach (var l in links.Where(l => l.Seq > head.Count)) c.Add(l.MeetingId, $"Biên bản mang số thứ tự {l.Seq} nhưng đầu sổ chỉ ghi {head.Count} biên bản: sổ đã bị sửa ngoài hệ thống.");
        else if (head.LastSeal != last.Seal) AtEnd("Biên bản cuối sổ không khớp với đầu sổ họp: sổ đã bị sửa ngoài hệ thống.");
        return c;
    }
}
