using ChiBo.Data;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Meetings;

public record IntegrityIssue(int CellId, string Cell, MinutesBook Book, int? MeetingId, DateOnly? Date, string Problem);

public record IntegrityReport(int Books, int Minutes, int Addenda, List<IntegrityIssue> Issues)
{
    public bool Clean => Issues.Count == 0;
}

/// <summary>
/// <c>dotnet run --project src/ChiBo -- verify [--unit ID]</c>: every book of the subtree (the whole database without
/// --unit) checked minutes by minutes, addendum by addendum, link by link and head by head, with one line per problem.
/// </summary>
public static class VerifyCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        int? unitId = null;
        var at = Array.IndexOf(args, "--unit");
        if (at >= 0)
        {
            if (at + 1 >= args.Length || !int.TryParse(args[at + 1], out var id))
            {
                output.WriteLine("Cách dùng: verify [--unit MÃ_SỐ_ĐƠN_VỊ]");
                return 2;
            }
            unitId = id;
        }
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (unitId is { } u && !await db.Units.AnyAsync(x => x.Id == u, ct))
        {
            output.WriteLine($"Không có đơn vị mã số {u}.");
            return 2;
        }
        var report = await VerifyAsync(db, scope.ServiceProvider.GetRequiredService<MinutesIntegrity>(), unitId, ct);
        foreach (var i in report.Issues) output.WriteLine(Line(i));
        output.WriteLine($"Đã kiểm tra {report.Books} sổ họp, {report.Minutes} biên bản, {report.Addenda} phụ lục: " +
            (report.Clean ? "không phát hiện sai lệch." : $"{report.Issues.Count} lỗi."));
        return report.Clean ? 0 : 1;
    }

    public static string Line(IntegrityIssue i) =>
        $"LỖI · {i.Cell} · {(i.Book == MinutesBook.Committee ? "sổ họp chi ủy" : "sổ họp chi bộ")}" +
        (i.MeetingId is { } id ? $" · ngày {i.Date?.Vn()} · buổi sinh hoạt mã {id}" : "") + $": {i.Problem}";

    /// <summary>The books of the cells under <paramref name="unitId"/> (every cell it ever held), or of every cell.</summary>
    public static async Task<IntegrityReport> VerifyAsync(AppDbContext db, MinutesIntegrity integrity, int? unitId, CancellationToken ct = default)
    {
        var under = unitId is { } u ? db.UnitClosures.Where(c => c.AncestorId == u).Select(c => c.DescendantId) : null;
        var withMinutes = db.Meetings.Where(m => m.Status == MeetingStatus.Adopted || m.BookSeq != null || m.Seal != null).Select(m => m.CellId);
        var cells = withMinutes.Union(db.MinutesBookHeads.Select(h => h.CellId));
        if (under is not null) cells = cells.Where(c => under.Contains(c));
        var cellIds = await cells.Distinct().OrderBy(c => c).ToListAsync(ct);
        var issues = new List<IntegrityIssue>();
        int books = 0, minutes = 0, addenda = 0;
        foreach (var cellId in cellIds)
        {
            var name = await db.Units.Where(x => x.Id == cellId).Select(x => x.Name + " (" + x.Code + ")").FirstAsync(ct);
            foreach (var book in Enum.GetValues<MinutesBook>())
            {
                // One book at a time keeps a national database's check within memory.
                var meetings = await db.Meetings.AsNoTracking().Where(m => m.CellId == cellId && (m.Status == MeetingStatus.Adopted || m.BookSeq != null || m.Seal != null))
                    .InBook(book).Include(x => x.Agenda).ThenInclude(a => a.Remarks).Include(x => x.Attendance).Include(x => x.Votes).Include(x => x.Addenda)
                    .AsSplitQuery().OrderBy(m => m.BookSeq).ThenBy(m => m.Date).ToListAsync(ct);
                var chain = await integrity.BookAsync(cellId, book, ct);
                if (meetings.Count == 0 && chain.Book.Count == 0 && !await db.MinutesBookHeads.AnyAsync(h => h.CellId == cellId && h.Book == book, ct)) continue;
                books++;
                var ids = meetings.Select(m => m.Id).ToList();
                var ratings = await db.MeetingRatings.AsNoTracking().Include(r => r.Scores).Where(r => ids.Contains(r.MeetingId)).ToDictionaryAsync(r => r.MeetingId, ct);
                foreach (var m in meetings)
                {
                    minutes++;
                    addenda += m.Addenda.Count;
                    var own = await integrity.OwnAsync(m, ratings.GetValueOrDefault(m.Id), ct);
                    foreach (var p in own.Problems.Concat(chain.For(m.Id))) issues.Add(new IntegrityIssue(cellId, name, book, m.Id, m.Date, p));
                }
                issues.AddRange(chain.Book.Select(p => new IntegrityIssue(cellId, name, book, null, null, p)));
            }
        }
        return new IntegrityReport(books, minutes, addenda, issues);
    }
}
