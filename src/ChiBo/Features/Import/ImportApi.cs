using System.Text.Json;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Import;

public record ImportJobDto(int Id, string Kind, string Status, string FileName, int TotalRows, int ProcessedRows, int Percent, List<ImportError> Errors);

public static class ImportApi
{
    /// <summary>A national members file (5.6 M rows) is about 650 MB; Kestrel's default body limit is 30 MB.</summary>
    public const long MaxBytes = 1024L * 1024 * 1024;
    const string TooLarge = "Tệp trống hoặc quá lớn (tối đa 1 GB).";

    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddSingleton<ImportProgress>();
        services.AddSingleton<ImportQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportQueue>());
        services.AddScoped<ImportRunner>();
        return services;
    }

    /// <summary>The job as the progress bar shows it; the caller has checked <see cref="ImportAccess"/>.</summary>
    public static async Task<ImportJobDto?> StatusAsync(AppDbContext db, ImportProgress progress, int id)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id);
        if (job is null) return null;
        var live = progress.Get(id);
        var (done, total, status) = live ?? (job.ProcessedRows, job.TotalRows, job.Status);
        var errors = job.Errors is null ? [] : JsonSerializer.Deserialize<List<ImportError>>(job.Errors) ?? [];
        var percent = status == ImportStatus.Succeeded ? 100 : total == 0 ? 0 : done * 100 / total;
        return new ImportJobDto(job.Id, job.Kind.ToString(), status.ToString(), job.FileName, total, done, percent, errors);
    }

    public static RouteGroupBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/imports").WithTags("Nhập dữ liệu").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.CommitteeStaff));

        // The body is the CSV itself (Content-Type: text/csv), so API clients need no multipart form.
        g.MapPost("/{kind}", async Task<Results<Accepted<ImportJobDto>, ValidationProblem>> (string kind, HttpRequest request, UserScope scope, AppDbContext db, ImportQueue queue, ImportProgress progress) =>
        {
            if (!Enum.TryParse<ImportKind>(kind, ignoreCase: true, out var k))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = ["Loại dữ liệu nhập phải là “units” hoặc “members”."] });
            if (request.ContentLength > MaxBytes) return TooLargeProblem();
            ImportJob? job;
            // Streamed to a temporary file by the queue: the body is never held in memory whole.
            try { job = await queue.EnqueueAsync(db, scope, k, request.Headers["X-File-Name"].FirstOrDefault() ?? $"{kind}.csv", request.Body, request.HttpContext.RequestAborted); }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { return TooLargeProblem(); }
            if (job is null) return TooLargeProblem();
            var dto = await StatusAsync(db, progress, job.Id);
            return TypedResults.Accepted($"/api/v1/imports/{job.Id}", dto!);
        }).RequireOwnNode(UnitNeed.Manage)
            .Accepts<string>("text/csv").WithMetadata(new RequestSizeLimitAttribute(MaxBytes))
            .WithSummary("Nhập đơn vị hoặc đảng viên từ CSV (tất cả hoặc không gì cả)");

        g.MapGet("/{id:int}", async Task<Results<Ok<ImportJobDto>, NotFound>> (int id, AppDbContext db, ImportProgress progress) =>
            await StatusAsync(db, progress, id) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound())
            .Require<ImportAccess, ImportNeed>(ImportNeed.Read)
            .WithSummary("Tiến độ và kết quả một lần nhập");
        return g;
    }

    static ValidationProblem TooLargeProblem() => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [TooLarge] });
}
