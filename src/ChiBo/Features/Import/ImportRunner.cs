using System.Collections.Concurrent;
using System.Text.Json;
using ChiBo.Data;
using ChiBo.Features.Audit;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;
using F = ChiBo.Features.Import.ImportFormats;

namespace ChiBo.Features.Import;

/// <summary>A refused line: its number in the file, the header of the column at fault (null for the line or file as a whole), why.</summary>
public record ImportError(int Line, string Message, string? Column = null);

/// <summary>Live progress of running imports, read by the progress bar; the final state is stored in ImportJob.</summary>
public class ImportProgress
{
    readonly ConcurrentDictionary<int, (int Done, int Total, ImportStatus Status)> _live = new();
    public void Set(int id, int done, int total, ImportStatus status) => _live[id] = (done, total, status);
    public (int Done, int Total, ImportStatus Status)? Get(int id) => _live.TryGetValue(id, out var v) ? v : null;
    public void Clear(int id) => _live.TryRemove(id, out _);
}

/// <summary>
/// Runs one import: every row is checked and written inside one transaction; if any row is bad the
/// transaction is rolled back (or never opened), so the database is exactly as before, and every bad row is reported.
/// Units go row by row through TreeService (a unit may hang under one earlier in the file); members are checked for the
/// whole file at once (<see cref="MemberChecks"/>) and written in bulk (<see cref="MemberWriter"/>).
/// </summary>
public class ImportRunner(AppDbContext db, TreeService tree, AuditRecorder audit, ImportProgress progress, TimeProvider clock, IConfiguration config, ILogger<ImportRunner> log)
{
    /// <summary>A file with millions of bad lines would make an unreadable report: the first ones are listed, then a count.</summary>
    const int MaxListed = 1000;

    public async Task RunAsync(int jobId, string path, CancellationToken ct)
    {
        var job = await db.ImportJobs.FirstAsync(j => j.Id == jobId, ct);
        audit.ActorOverride = job.Actor;
        job.Status = ImportStatus.Validating;
        await db.SaveChangesAsync(ct);
        var (count, errors) = job.Kind == ImportKind.Units ? await UnitsAsync(job, path, ct) : await MembersAsync(job, path, ct);
        if (errors.Count > MaxListed)
            errors = [.. errors.Take(MaxListed), new ImportError(errors[MaxListed].Line, $"Còn {errors.Count - MaxListed:N0} dòng lỗi khác không liệt kê ở đây.")];

        db.ChangeTracker.Clear();
        audit.ActorOverride = job.Actor;
        await db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, errors.Count == 0 ? ImportStatus.Succeeded : ImportStatus.Failed)
            .SetProperty(j => j.ProcessedRows, errors.Count == 0 ? count : 0)
            .SetProperty(j => j.TotalRows, count)
            .SetProperty(j => j.FinishedAt, clock.GetUtcNow().UtcDateTime)
            .SetProperty(j => j.Errors, errors.Count == 0 ? null : JsonSerializer.Serialize(errors)), ct);
        progress.Clear(jobId);
    }

    static List<ImportError> Header(string? error, int rows) =>
        error is not null ? [new ImportError(1, error)] : rows == 0 ? [new ImportError(2, "Tệp không có dòng dữ liệu nào.")] : [];

    async Task<(int, List<ImportError>)> UnitsAsync(ImportJob job, string path, CancellationToken ct)
    {
        var (rows, headerError) = CsvRows.Read(path, F.Units.Required);
        var errors = Header(headerError, rows.Count);
        if (errors.Count > 0) return (rows.Count, errors);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var done = 0;
        foreach (var row in rows)
        {
            if (await UnitRowAsync(row, job.ScopeUnitId, ct) is { } error) errors.Add(new ImportError(row.Line, error.Message, error.Column));
            progress.Set(job.Id, ++done, rows.Count, ImportStatus.Writing);
        }
        if (errors.Count == 0) await tx.CommitAsync(ct);
        else await tx.RollbackAsync(ct);
        return (rows.Count, errors);
    }

    /// <summary>
    /// The progress bar over one scale of the file's rows: reading the file is the first quarter, the checks the second,
    /// writing the second half.
    /// </summary>
    async Task<(int, List<ImportError>)> MembersAsync(ImportJob job, string path, CancellationToken ct)
    {
        // A large file (a national load) takes PostgreSQL's bulk paths: numbers checked through a temporary table, and
        // the members' indexes rebuilt after the COPY when the file is at least as large as the table. 0 = always (tests).
        var largeFrom = config.GetValue("Import:LargeFileRows", 100_000);
        var phase = System.Diagnostics.Stopwatch.StartNew();
        var (rows, headerError) = MemberRows.Read(path, (n, fraction) =>
            progress.Set(job.Id, n / 4, fraction > 0 ? (int)(n / fraction) : n, ImportStatus.Validating));
        var errors = Header(headerError, rows.Count);
        if (errors.Count > 0) return (rows.Count, errors);
        var total = rows.Count;
        var read = phase.Elapsed;
        progress.Set(job.Id, total / 4, total, ImportStatus.Validating);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await MemberChecks.RunAsync(db, rows, job.ScopeUnitId, Today, largeFrom, n => progress.Set(job.Id, total / 4 + n / 4, total, ImportStatus.Validating), ct);
        errors = [.. rows.Where(r => r.Error is not null).Select(r => new ImportError(r.Line, r.Error!, r.ErrorColumn))];
        var checkedIn = phase.Elapsed - read;
        if (errors.Count > 0) return (total, errors);
        await MemberWriter.WriteAsync(db, rows, largeFrom, n => progress.Set(job.Id, total / 2 + n / 2, total, ImportStatus.Writing),
            step => log.LogInformation("Import {JobId}: {Step}", job.Id, step), ct);
        await MemberWriter.AuditAsync(db, job, rows, clock.GetUtcNow().UtcDateTime, ct);
        var written = phase.Elapsed - read - checkedIn;
        await tx.CommitAsync(ct);
        // Where the time goes at national size, for the benchmark and for whoever runs a large import.
        log.LogInformation("Import {JobId}: {Rows} members read in {Read:0.0} s, checked in {Checked:0.0} s, written in {Written:0.0} s, committed in {Commit:0.0} s",
            job.Id, total, read.TotalSeconds, checkedIn.TotalSeconds, written.TotalSeconds, (phase.Elapsed - read - checkedIn - written).TotalSeconds);
        return (total, errors);
    }

    /// <summary>The import's "today", from the app's clock in Viet Nam: a later date is refused.</summary>
    DateOnly Today => Accounts.VnTime.Day(clock.GetUtcNow().UtcDateTime);

    /// <summary>A unit line; the error names its column. Names and codes a spreadsheet would run as formulas are refused.</summary>
    async Task<(string? Column, string Message)?> UnitRowAsync(CsvRow row, int scopeUnitId, CancellationToken ct)
    {
        foreach (var header in new[] { F.Units.Code, F.Units.Name, F.Units.ParentCode, F.Units.Issuer, F.Units.Place })
            if (MemberRules.Text($"“{header}”", row[header]) is { } text) return (header, text);
        if (!Dates.TryParseVn(row[F.Units.From], out var from)) return (F.Units.From, Bad(F.Units.From, row[F.Units.From]));
        if (from < MemberRules.PartyFounded) return (F.Units.From, $"Ngày thành lập {from.Vn()} trước ngày thành lập Đảng ({MemberRules.PartyFounded.Vn()}).");
        if (from > Today) return (F.Units.From, $"Ngày thành lập {from.Vn()} ở sau ngày hôm nay ({Today.Vn()}).");
        var parentCode = row[F.Units.ParentCode];
        var p = await db.Units.Where(u => u.Code == parentCode).Select(u => new { u.Id, u.Name, u.EffectiveFrom, u.EffectiveTo }).FirstOrDefaultAsync(ct);
        if (p is null) return (F.Units.ParentCode, $"Không có đơn vị cấp trên có mã “{parentCode}”.");
        if (!await db.IsInSubtreeAsync(scopeUnitId, p.Id, from, ct))
        {
            // The real reason for a parent the account holds today but that did not exist yet (or any more) on that date.
            if (await db.IsInSubtreeAsync(scopeUnitId, p.Id, Today, ct) && (from < p.EffectiveFrom || p.EffectiveTo <= from))
                return (F.Units.From, from < p.EffectiveFrom ? $"Ngày thành lập {from.Vn()} trước ngày thành lập {p.Name} ({p.EffectiveFrom.Vn()})."
                    : $"Ngày thành lập {from.Vn()} từ ngày {p.Name} đã thôi hoạt động ({p.EffectiveTo.Vn()}) trở đi.");
            return (F.Units.ParentCode, $"Đơn vị cấp trên “{parentCode}” không thuộc phạm vi quản lý của tài khoản.");
        }
        int? parent = p.Id;
        var typeText = row[F.Units.Type] ?? "";
        var typeKey = Search.VietnameseText.Fold(typeText);
        var types = await db.UnitTypes.ToListAsync(ct);
        var type = types.FirstOrDefault(t => t.Code.Equals(typeText, StringComparison.OrdinalIgnoreCase) || Search.VietnameseText.Fold(t.Name) == typeKey);
        if (type is null) return (F.Units.Type, $"Loại tổ chức “{typeText}” không có trong danh mục.");
        CellKind? kind = null;
        if (row[F.Units.CellKind] is { } k && (kind = CellKindNames.Parse(k)) is null) return (F.Units.CellKind, $"Loại hình chi bộ “{k}” không có trong danh mục.");
        var r = await tree.CreateAsync(new TreeService.NewUnit(row[F.Units.Code] ?? "", row[F.Units.Name] ?? "", type.Code, parent, from,
            row[F.Units.Issuer], kind, row[F.Units.Place]), ct);
        return r.Error is null ? null : (UnitColumn(r.Field), r.Error);
    }

    /// <summary>The column of a tree rule's refusal (TreeService names its fields as the API does).</summary>
    static string? UnitColumn(string? field) => field switch
    {
        "code" => F.Units.Code,
        "name" => F.Units.Name,
        "typeCode" => F.Units.Type,
        "parentId" => F.Units.ParentCode,
        "from" => F.Units.From,
        "issuerCode" => F.Units.Issuer,
        "cellKind" => F.Units.CellKind,
        "place" => F.Units.Place,
        _ => null,
    };

    static string Bad(string header, string? value) => MemberRows.Bad(header, value);
}
