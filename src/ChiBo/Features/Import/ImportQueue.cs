using System.Threading.Channels;
using ChiBo.Data;
using ChiBo.Features.Accounts;

namespace ChiBo.Features.Import;

/// <summary>
/// Imports run in the background so the page stays responsive; the browser polls the progress.
/// One at a time: an import is one transaction, and two at once would only contend for the same rows.
/// </summary>
public class ImportQueue(IServiceScopeFactory scopes, ImportProgress progress, TimeProvider clock, ILogger<ImportQueue> log) : BackgroundService
{
    readonly Channel<(int JobId, byte[] Content)> _channel = Channel.CreateUnbounded<(int, byte[])>();

    public async Task<ImportJob> EnqueueAsync(AppDbContext db, UserScope scope, ImportKind kind, string fileName, byte[] content)
    {
        var job = new ImportJob
        {
            Kind = kind, Status = ImportStatus.Queued, FileName = fileName, Actor = scope.Name,
            ScopeUnitId = scope.RootUnitId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync();
        progress.Set(job.Id, 0, 0, ImportStatus.Queued);
        await _channel.Writer.WriteAsync((job.Id, content));
        return job;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (jobId, content) in _channel.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(jobId, content, stoppingToken);
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
        }
    }
}
