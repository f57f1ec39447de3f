using System.Threading.Channels;
using ChiBo.Data;
using ChiBo.Features.Accounts;

namespace ChiBo.Features.Import;

/// <summary>
/// Imports run in the background so the page stays responsive; the browser polls the progress.
/// One at a time: an import is one transaction, and two at once would only contend for the same rows.
/// The upload waits in a temporary file rather than in memory: a national members file is over 600 MB.
/// </summary>
public class ImportQueue(IServiceScopeFactory scopes, ImportProgress progress, TimeProvider clock, ILogger<ImportQueue> log) : BackgroundService
{
    readonly Channel<(int JobId, string Path)> _channel = Channel.CreateUnbounded<(int, string)>();

    /// <summary>Stores the upload in a temporary file (deleted after the run) and queues the job; null when the upload was empty.</summary>
    public async Task<ImportJob?> EnqueueAsync(AppDbContext db, UserScope scope, ImportKind kind, string fileName, Stream content, CancellationToken ct = default)
    {
        var path = Path.Combine(Path.GetTempPath(), $"chibo-import-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
                await content.CopyToAsync(file, 1 << 16, ct);
            if (new FileInfo(path).Length == 0) { File.Delete(path); return null; }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        var job = new ImportJob
        {
            Kind = kind, Status = ImportStatus.Queued, FileName = fileName, Actor = scope.Name,
            ScopeUnitId = scope.RootUnitId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync();
        progress.Set(job.Id, 0, 0, ImportStatus.Queued);
        await _channel.Writer.WriteAsync((job.Id, path), ct);
        return job;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (jobId, path) in _channel.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(jobId, path, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Import {JobId} failed", jobId);
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var job = await db.ImportJobs.FindAsync([jobId], stoppingToken);
                if (job is not null)
                {
                    job.Status = ImportStatus.Failed;
                    job.Errors = System.Text.Json.JsonSerializer.Serialize(new[] { new ImportError(0, "Lỗi hệ thống khi nhập; không có dữ liệu nào được ghi.") });
                    await db.SaveChangesAsync(stoppingToken);
                }
                progress.Clear(jobId);
            }
            finally { File.Delete(path); }
        }
    }
}
