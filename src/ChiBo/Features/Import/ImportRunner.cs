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

public record ImportError(int Line, string Message);

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
/// transaction is rolled back, so the database is exactly as before, and every bad row is reported.
/// </summary>
public class ImportRunner(AppDbContext db, TreeService tree, MemberService members, AuditRecorder audit, ImportProgress progress, TimeProvider clock)
{
    public async Task RunAsync(int jobId, byte[] content, CancellationToken ct)
    {
        var job = await db.ImportJobs.FirstAsync(j => j.Id == jobId, ct);
        audit.ActorOverride = job.Actor;
        var (rows, headerError) = CsvRows.Read(content, job.Kind == ImportKind.Units ? F.Units.Required : F.Members.Required);
        var errors = new List<ImportError>();
        if (headerError is not null) errors.Add(new ImportError(1, headerError));
        else if (rows.Count == 0) errors.Add(new ImportError(2, "Tệp không có dòng dữ liệu nào."));
        job.TotalRows = rows.Count;
        job.Status = ImportStatus.Writing;
        await db.SaveChangesAsync(ct);

        if (errors.Count == 0)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var done = 0;
            foreach (var row in rows)
            {
                var error = job.Kind == ImportKind.Units ? await UnitRowAsync(row, job.ScopeUnitId, ct) : await MemberRowAsync(row, job.ScopeUnitId, ct);
                if (error is not null) errors.Add(new ImportError(row.Line, error));
                progress.Set(jobId, ++done, rows.Count, ImportStatus.Writing);
            }
            if (errors.Count == 0) await tx.CommitAsync(ct);
            else await tx.RollbackAsync(ct);
        }

        db.ChangeTracker.Clear();
        audit.ActorOverride = job.Actor;
        await db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, errors.Count == 0 ? ImportStatus.Succeeded : ImportStatus.Failed)
            .SetProperty(j => j.ProcessedRows, errors.Count == 0 ? rows.Count : 0)
            .SetProperty(j => j.TotalRows, rows.Count)
            .SetProperty(j => j.FinishedAt, clock.GetUtcNow().UtcDateTime)
            .SetProperty(j => j.Errors, errors.Count == 0 ? null : JsonSerializer.Serialize(errors)), ct);
        progress.Clear(jobId);
    }

    async Task<string?> UnitRowAsync(CsvRow row, int scopeUnitId, CancellationToken ct)
    {
        if (!Dates.TryParseVn(row[F.Units.From], out var from)) return Bad(F.Units.From, row[F.Units.From]);
        var parentCode = row[F.Units.ParentCode];
        var parent = await db.Units.Where(u => u.Code == parentCode).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (parent is null) return $"Không có đơn vị cấp trên có mã “{parentCode}”.";
        if (!await db.IsInSubtreeAsync(scopeUnitId, parent.Value, from, ct)) return $"Đơn vị cấp trên “{parentCode}” không thuộc phạm vi quản lý của tài khoản.";
        var typeText = row[F.Units.Type] ?? "";
        var typeKey = Search.VietnameseText.Fold(typeText);
        var types = await db.UnitTypes.ToListAsync(ct);
        var type = types.FirstOrDefault(t => t.Code.Equals(typeText, StringComparison.OrdinalIgnoreCase) || Search.VietnameseText.Fold(t.Name) == typeKey);
        if (type is null) return $"Loại tổ chức “{typeText}” không có trong danh mục.";
        CellKind? kind = null;
        if (row[F.Units.CellKind] is { } k && (kind = CellKindNames.Parse(k)) is null) return $"Loại hình chi bộ “{k}” không có trong danh mục.";
        var r = await tree.CreateAsync(new TreeService.NewUnit(row[F.Units.Code] ?? "", row[F.Units.Name] ?? "", type.Code, parent, from,
            row[F.Units.Issuer], kind, row[F.Units.Place]), ct);
        return r.Error;
    }

    async Task<string?> MemberRowAsync(CsvRow row, int scopeUnitId, CancellationToken ct)
    {
        DateOnly? Optional(string header, out string? error)
        {
            error = null;
            if (row[header] is not { } text) return null;
            if (Dates.TryParseVn(text, out var d)) return d;
            error = Bad(header, text);
            return null;
        }
        var born = Optional(F.Members.DateOfBirth, out var e1); if (e1 is not null) return e1;
        if (!Dates.TryParseVn(row[F.Members.AdmittedOn], out var admitted)) return Bad(F.Members.AdmittedOn, row[F.Members.AdmittedOn]);
        var official = Optional(F.Members.OfficialOn, out var e2); if (e2 is not null) return e2;
        var joined = Optional(F.Members.JoinedOn, out var e3); if (e3 is not null) return e3;
        var sexText = Search.VietnameseText.Fold(row[F.Members.Sex] ?? "");
        Sex sex;
        if (sexText is "nam") sex = Sex.Male;
        else if (sexText is "nu") sex = Sex.Female;
        else return $"Giới tính “{row[F.Members.Sex]}” không hợp lệ (Nam hoặc Nữ).";
        var cellCode = row[F.Members.CellCode];
        var cell = await db.Units.Where(u => u.Code == cellCode).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (cell is null) return $"Không có chi bộ có mã “{cellCode}”.";
        var start = joined ?? admitted;
        if (!await db.IsInSubtreeAsync(scopeUnitId, cell.Value, start, ct)) return $"Chi bộ “{cellCode}” không thuộc phạm vi quản lý của tài khoản.";
        var r = await members.CreateAsync(new MemberService.Profile(row[F.Members.FullName] ?? "", born, sex, row[F.Members.Ethnicity],
            admitted, official, row[F.Members.PartyCard], row[F.Members.CitizenId], row[F.Members.Phone]), cell.Value, start, ct);
        return r.Error;
    }

    static string Bad(string header, string? value) => string.IsNullOrWhiteSpace(value)
        ? $"Thiếu “{header}”."
        : $"“{header}” có giá trị “{value}” không phải ngày hợp lệ (định dạng dd/MM/yyyy).";
}
