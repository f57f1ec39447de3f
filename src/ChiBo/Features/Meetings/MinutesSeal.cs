using ChiBo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Meetings;

/// <summary>
/// Seals a cell's book (sổ họp). At adoption the minutes take the next place in their book and a keyed seal over their
/// content, that place and the previous minutes' seal; the book's head moves to them. Each legitimate write afterwards
/// (a signature, an addendum, a rating step) re-seals the record in the same save — after checking that the stored
/// record is still as sealed, so a save can never bless an edit made behind the product's back.
/// </summary>
public class MinutesSeal(AppDbContext db, SealKeys keys, MinutesIntegrity integrity)
{
    const string BrokenBook = "Sổ họp của chi bộ đã bị sửa ngoài hệ thống (đầu sổ không khớp niêm phong): chưa thông qua được biên bản mới. Báo quản trị hệ thống kiểm tra bằng lệnh verify.";

    /// <summary>Makes the first key if there is none yet; before changing anything, since making it saves.</summary>
    public async Task EnsureKeyAsync(CancellationToken ct = default) => await keys.ActiveAsync(ct);

    /// <summary>Seals minutes being adopted (content final, not yet saved). Null when done, otherwise why they cannot be adopted.</summary>
    public async Task<string?> AdoptAsync(Meeting m, CancellationToken ct = default)
    {
        var (keyId, key) = await keys.ActiveAsync(ct);
        if (key is null) return SealKeys.Unreadable(keyId);
        var head = await HeadAsync(m.CellId, SealCodes.BookOf(m.Kind), keyId, ct);
        if (head is null) return BrokenBook;
        Place(m, head, keyId, key);
        m.RecordSeal = SealCodes.Record(key, m, [], null);
        return null;
    }

    /// <summary>Before a legitimate write to adopted minutes: null when the stored record is as sealed, otherwise the refusal.</summary>
    public async Task<string?> RefusalAsync(int meetingId, CancellationToken ct = default)
    {
        var problems = await integrity.StoredProblemsAsync(meetingId, ct);
        return problems.Count == 0 ? null
            : "Biên bản không khớp với bản đã niêm phong (" + string.Join(" ", problems) + "): không ghi thêm được. Báo quản trị hệ thống kiểm tra bằng lệnh verify.";
    }

    /// <summary>An addendum as it will be saved, written or signed.</summary>
    public async Task SealAddendumAsync(Meeting m, MinutesAddendum a, CancellationToken ct = default)
    {
        if (m.Seal is not null && m.SealKeyId is { } id && await keys.OpenAsync(id, ct) is { } key) a.Seal = SealCodes.Addendum(key, m.Seal, a);
    }

    /// <summary>Re-seals the record after signatures or addenda changed (the rating is read as stored).</summary>
    public async Task ResealAsync(Meeting m, CancellationToken ct = default) =>
        await ResealAsync(m, await db.MeetingRatings.AsNoTracking().Include(r => r.Scores).FirstOrDefaultAsync(r => r.MeetingId == m.Id, ct), ct);

    /// <summary>Re-seals the record with the rating as it will be saved (its scores loaded).</summary>
    public async Task ResealAsync(Meeting m, MeetingRating? rating, CancellationToken ct = default)
    {
        if (m.Seal is null || m.SealKeyId is not { } id || await keys.OpenAsync(id, ct) is not { } key) return;
        await db.MinutesAddenda.Where(a => a.MeetingId == m.Id).LoadAsync(ct);
        m.RecordSeal = SealCodes.Record(key, m, db.MinutesAddenda.Local.Where(a => a.MeetingId == m.Id), rating);
    }

    /// <summary>
    /// At start-up. The first start with sealing makes the key and seals the minutes adopted before it; later starts never
    /// seal old minutes again, since unsealed adopted minutes are then minutes that failed that first check or whose seals
    /// were removed behind the product's back — sealing them would bless the edit.
    /// </summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        if (await db.MinutesSealKeys.AnyAsync(ct)) return;
        var neverSealed = !await db.Meetings.AnyAsync(m => m.Seal != null, ct) && !await db.MinutesBookHeads.AnyAsync(ct);
        await keys.ActiveAsync(ct);
        if (neverSealed) await SealUnsealedAsync(null, ct);
    }

    /// <summary>
    /// Adopted minutes without a seal (made before books were sealed), in book order, each only if its stored SHA-256
    /// still matches; an addendum likewise. The others stay unsealed and every check reports them. Returns how many were sealed.
    /// </summary>
    public async Task<int> SealUnsealedAsync(IReadOnlyCollection<int>? cellIds, CancellationToken ct = default)
    {
        var (keyId, key) = await keys.ActiveAsync(ct);
        if (key is null) return 0;
        var books = await db.Meetings.Where(m => m.Status == MeetingStatus.Adopted && m.Seal == null && (cellIds == null || cellIds.Contains(m.CellId)))
            .Select(m => new { m.CellId, Committee = m.Kind == MeetingKind.Committee }).Distinct().ToListAsync(ct);
        var count = 0;
        foreach (var b in books)
        {
            var book = b.Committee ? MinutesBook.Committee : MinutesBook.Cell;
            var head = await HeadAsync(b.CellId, book, keyId, ct);
            if (head is null) continue;
            var meetings = await db.Meetings.Where(m => m.CellId == b.CellId && m.Status == MeetingStatus.Adopted && m.Seal == null).InBook(book)
                .Include(x => x.Agenda).ThenInclude(a => a.Remarks).Include(x => x.Attendance).Include(x => x.Votes).Include(x => x.Addenda)
                .AsSplitQuery().OrderBy(m => m.Date).ThenBy(m => m.StartTime).ThenBy(m => m.Id).ToListAsync(ct);
            var ids = meetings.Select(m => m.Id).ToList();
            var ratings = await db.MeetingRatings.AsNoTracking().Include(r => r.Scores).Where(r => ids.Contains(r.MeetingId)).ToDictionaryAsync(r => r.MeetingId, ct);
            foreach (var m in meetings.Where(m => m.ContentHash == MinutesHash.Compute(m)))
            {
                Place(m, head, keyId, key);
                foreach (var a in m.Addenda.Where(a => a.ContentHash == MinutesHash.Compute(a, m.ContentHash!))) a.Seal = SealCodes.Addendum(key, m.Seal!, a);
                m.RecordSeal = SealCodes.Record(key, m, m.Addenda, ratings.GetValueOrDefault(m.Id));
                count++;
            }
            await db.SaveChangesAsync(ct);
            // One book at a time: a national database's minutes are never all tracked at once.
            db.ChangeTracker.Clear();
        }
        return count;
    }

    /// <summary>The book's head to append to (tracked; new for a book never sealed), or null when it is not as sealed.</summary>
    async Task<MinutesBookHead?> HeadAsync(int cellId, MinutesBook book, int keyId, CancellationToken ct)
    {
        var head = await db.MinutesBookHeads.FirstOrDefaultAsync(h => h.CellId == cellId && h.Book == book, ct)
            ?? db.MinutesBookHeads.Local.FirstOrDefault(h => h.CellId == cellId && h.Book == book);
        if (head is not null) return await integrity.HeadValidAsync(head, ct) ? head : null;
        // A book whose head is gone while it holds sealed minutes was tampered with: appending would hide it.
        if (await db.Meetings.Where(m => m.CellId == cellId && m.BookSeq != null).InBook(book).AnyAsync(ct)) return null;
        head = new MinutesBookHead { CellId = cellId, Book = book, KeyId = keyId, Seal = "" };
        db.MinutesBookHeads.Add(head);
        return head;
    }

    static void Place(Meeting m, MinutesBookHead head, int keyId, byte[] key)
    {
        m.SealKeyId = keyId;
        m.BookSeq = head.Count + 1;
        m.PrevSeal = head.LastSeal;
        m.Seal = SealCodes.Minutes(key, m);
        head.Count = m.BookSeq.Value;
        head.LastSeal = m.Seal;
        head.KeyId = keyId;
        head.Seal = SealCodes.Head(key, head);
    }
}
