using ChiBo.Data;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Meetings;

/// <summary>What one check of a meeting found: the problems in Vietnamese, and which addenda no longer match their seal.</summary>
public record IntegrityCheck(List<string> Problems, HashSet<int> TamperedAddenda)
{
    public bool Intact => Problems.Count == 0;
}

/// <summary>
/// Re-checks adopted minutes against their seals on every read: the content, each addendum, what changed legitimately
/// after adoption (signatures, rating), and the minutes' place in their book. The messages are what pages, exports and
/// <c>verify</c> show.
/// </summary>
public class MinutesIntegrity(AppDbContext db, SealKeys keys)
{
    public const string ContentChanged = "Nội dung biên bản đã bị sửa ngoài hệ thống.";
    public const string HashChanged = "Mã kiểm tra SHA-256 đã lưu bị sửa ngoài hệ thống (nội dung vẫn khớp bản niêm phong).";
    public const string RecordChanged = "Chữ ký hoặc xếp loại đã bị sửa ngoài hệ thống (hoặc một phụ lục đã bị xóa).";
    public const string NotSealed = "Biên bản đã thông qua nhưng không có niêm phong của hệ thống.";
    public const string StatusChanged = "Trạng thái biên bản đã bị sửa ngoài hệ thống (biên bản đã thông qua và niêm phong).";
    public static string AddendumChanged(MinutesAddendum a) => $"Phụ lục ngày {a.Date.Vn()} đã bị sửa ngoài hệ thống.";

    /// <summary>Minutes that belong in a book: adopted, or carrying a seal (whatever their status now says).</summary>
    public static bool InBook(Meeting m) => m.Status == MeetingStatus.Adopted || m.Seal is not null || m.BookSeq is not null;

    /// <summary>Everything wrong with one meeting (its graph and addenda loaded): its own seals, then its place in its book.</summary>
    public async Task<IntegrityCheck> CheckAsync(Meeting m, MeetingRating? rating, CancellationToken ct = default)
    {
        var check = await OwnAsync(m, rating, ct);
        if (m.BookSeq is not null) check.Problems.AddRange((await BookAsync(m.CellId, SealCodes.BookOf(m.Kind), ct)).For(m.Id));
        return check;
    }

    /// <summary>The stored record of a meeting, read afresh: empty when it is as sealed (or not in a book at all).</summary>
    public async Task<List<string>> StoredProblemsAsync(int meetingId, CancellationToken ct = default)
    {
        var m = await db.Meetings.AsNoTracking().Include(x => x.Agenda).ThenInclude(a => a.Remarks).Include(x => x.Attendance).Include(x => x.Votes)
            .Include(x => x.Addenda).AsSplitQuery().FirstAsync(x => x.Id == meetingId, ct);
        var rating = await db.MeetingRatings.AsNoTracking().Include(r => r.Scores).FirstOrDefaultAsync(r => r.MeetingId == meetingId, ct);
        return (await OwnAsync(m, rating, ct)).Problems;
    }

    /// <summary>The record's own seals: content, each addendum, and the record of signatures, addenda and rating.</summary>
    public async Task<IntegrityCheck> OwnAsync(Meeting m, MeetingRating? rating, CancellationToken ct = default)
    {
        var check = new IntegrityCheck([], []);
        if (!InBook(m)) return check;
        var p = check.Problems;
        if (m.Status != MeetingStatus.Adopted) p.Add(StatusChanged);
        var hashMatches = m.ContentHash == MinutesHash.Compute(m);
        if (m.Seal is null || m.BookSeq is null || m.SealKeyId is not { } keyId)
        {
            // Never sealed: minutes that failed the one-time sealing of older records, or seals removed behind the product's back.
            if (!hashMatches) p.Add(ContentChanged);
            foreach (var a in m.Addenda.Where(a => m.ContentHash is null || a.ContentHash != MinutesHash.Compute(a, m.ContentHash)).OrderBy(a => a.Date))
            {
                check.TamperedAddenda.Add(a.Id);
                p.Add(AddendumChanged(a));
            }
            p.Add(NotSealed);
            return check;
        }
        if (await keys.OpenAsync(keyId, ct) is not { } key)
        {
            p.Add(SealKeys.Unreadable(keyId));
            return check;
        }
        if (!SealCodes.Same(m.Seal, SealCodes.Minutes(key, m))) p.Add(ContentChanged);
        else if (!hashMatches) p.Add(HashChanged);
        foreach (var a in m.Addenda.OrderBy(a => a.Date).ThenBy(a => a.Id))
        {
            if (SealCodes.Same(a.Seal, SealCodes.Addendum(key, m.Seal, a))) continue;
            check.TamperedAddenda.Add(a.Id);
            p.Add(AddendumChanged(a));
        }
        if (!SealCodes.Same(m.RecordSeal, SealCodes.Record(key, m, m.Addenda, rating))) p.Add(RecordChanged);
        return check;
    }

    /// <summary>A book's links and head as stored, checked as a chain.</summary>
    public async Task<BookChain> BookAsync(int cellId, MinutesBook book, CancellationToken ct = default)
    {
        var links = await db.Meetings.AsNoTracking().Where(x => x.CellId == cellId && x.BookSeq != null).InBook(book)
            .Select(x => new BookChain.Link(x.Id, x.BookSeq!.Value, x.PrevSeal, x.Seal)).ToListAsync(ct);
        var head = await db.MinutesBookHeads.AsNoTracking().FirstOrDefaultAsync(h => h.CellId == cellId && h.Book == book, ct);
        return BookChain.Of(links, head, head is not null && await HeadValidAsync(head, ct));
    }

    public async Task<bool> HeadValidAsync(MinutesBookHead head, CancellationToken ct = default) =>
        await keys.OpenAsync(head.KeyId, ct) is { } key && SealCodes.Same(head.Seal, SealCodes.Head(key, head));
}
