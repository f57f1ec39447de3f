using System.Security.Claims;
using System.Security.Cryptography;
using ChiBo.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Features.Shared;

/// <summary>
/// A write sent with an <c>Idempotency-Key</c> header, and what it answered. The row is written in the same
/// transaction as the write itself, so a key maps to exactly one committed result: a client that lost the answer
/// (a database restart, a dropped connection) and sends the same request again gets that result, not a duplicate.
/// </summary>
public class IdempotencyRecord
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 of method, path, query and body: the same key with another request is refused.</summary>
    public required string RequestHash { get; set; }
    public int Status { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }
    public DateTime CreatedAt { get; set; }
}

class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("IdempotencyRecords");
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Key).HasMaxLength(200);
        b.Property(x => x.RequestHash).HasMaxLength(64);
        b.Property(x => x.ContentType).HasMaxLength(200);
        b.Property(x => x.Location).HasMaxLength(500);
        b.HasIndex(x => new { x.UserId, x.Key }).IsUnique();
        b.HasIndex(x => x.CreatedAt);
    }
}

public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    /// <summary>Keys are kept two days: long enough for any client's retries, short enough to stay a small table.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(2);
    const int MaxStoredBody = 4 << 20;

    /// <summary>
    /// POST, PUT and DELETE under /api with the header run inside one transaction that also claims the key; the
    /// answer (below 500) is stored with it. A retry replays the stored answer with <c>Idempotent-Replayed: true</c>.
    /// </summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key) || HttpMethods.IsGet(http.Request.Method) || !http.Request.Path.StartsWithSegments("/api")
            || http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } user)
        {
            await next(http);
            return;
        }
        if (key.Length > 200)
        {
            await Problems.Invalid(Header, "Idempotency-Key dài tối đa 200 ký tự.").ExecuteAsync(http);
            return;
        }
        var hash = await HashAsync(http.Request);
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        if (await FindAsync(db, user, key) is { } done)
        {
            await ReplayAsync(http, done, hash);
            return;
        }

        await using var tx = await db.Database.BeginTransactionAsync(http.RequestAborted);
        var record = new IdempotencyRecord { UserId = user, Key = key, RequestHash = hash, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException e) when (Failures.Classify(e) == Failures.Kind.Conflict)
        {
            // The same key is being (or was just) handled by a parallel request: answer what it answered.
            await tx.RollbackAsync();
            db.ChangeTracker.Clear();
            if (await FindAsync(db, user, key) is { } parallel) { await ReplayAsync(http, parallel, hash); return; }
            // Claimed by a request still running (or one whose outcome the database has not settled yet, as when it
            // restarts): nothing was done for this attempt, so the client is told to send it again shortly.
            http.Response.Headers.RetryAfter = "1";
            await TypedResults.Problem("Yêu cầu với Idempotency-Key này đang được xử lý; hãy gửi lại sau ít giây.",
                statusCode: 503, title: Problems.Title(503)).ExecuteAsync(http);
            return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        if (http.Response.StatusCode >= 500)
        {
            await tx.RollbackAsync();
        }
        else
        {
            db.ChangeTracker.Clear();
            db.Attach(record);
            record.Status = http.Response.StatusCode;
            record.ContentType = http.Response.ContentType;
            record.Location = http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null;
            record.Body = buffer.Length <= MaxStoredBody ? buffer.ToArray() : null;
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original);
    });

    static Task<IdempotencyRecord?> FindAsync(AppDbContext db, string user, string key) =>
        db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.UserId == user && r.Key == key && r.Status != 0);

    static async Task ReplayAsync(HttpContext http, IdempotencyRecord r, string hash)
    {
        if (r.RequestHash != hash)
        {
            await TypedResults.Problem("Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy tạo khóa mới cho mỗi thao tác.",
                statusCode: 422, title: Problems.Title(422)).ExecuteAsync(http);
            return;
        }
        http.Response.StatusCode = r.Status;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (r.Location is not null) http.Response.Headers.Location = r.Location;
        if (r.ContentType is not null) http.Response.ContentType = r.ContentType;
        if (r.Body is not null) await http.Response.Body.WriteAsync(r.Body);
    }

    static async Task<string> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[81920];
        int n;
        while ((n = await request.Body.ReadAsync(chunk)) > 0) sha.AppendData(chunk, 0, n);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Forgets keys older than <see cref="Kept"/> (called by the hourly job).</summary>
    public static Task<int> PurgeAsync(AppDbContext db, DateTime now, CancellationToken ct = default) =>
        db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < now - Kept).ExecuteDeleteAsync(ct);
}
