using System.Security.Cryptography;
using ChiBo.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Meetings;

/// <summary>
/// The HMAC keys of the books, kept like the documents' signing keys (<see cref="Documents.DocumentSigning"/>): the row holds
/// Data Protection ciphertext, the key ring that opens it stays outside the database. Scoped: a request opens a key once.
/// </summary>
public class SealKeys(AppDbContext db, IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const string Purpose = "ChiBo.MinutesSeal.v1";
    readonly Dictionary<int, byte[]?> _open = [];
    IDataProtector Protector => dataProtection.CreateProtector(Purpose);

    /// <summary>The key new seals are made with, made on first use. Call before changing anything: making it saves.</summary>
    public async Task<(int Id, byte[]? Key)> ActiveAsync(CancellationToken ct = default)
    {
        var id = await db.MinutesSealKeys.Where(k => k.Active).OrderByDescending(k => k.Id).Select(k => (int?)k.Id).FirstOrDefaultAsync(ct);
        return id is { } i ? (i, await OpenAsync(i, ct)) : await RotateAsync(ct);
    }

    /// <summary>A new key for the seals made from now on; the earlier ones keep checking what they sealed.</summary>
    public async Task<(int Id, byte[]? Key)> RotateAsync(CancellationToken ct = default)
    {
        var raw = RandomNumberGenerator.GetBytes(32);
        await db.MinutesSealKeys.Where(k => k.Active).ExecuteUpdateAsync(s => s.SetProperty(k => k.Active, false), ct);
        var key = new MinutesSealKey { ProtectedKey = Protector.Protect(raw), CreatedAt = clock.GetUtcNow().UtcDateTime, Active = true };
        db.MinutesSealKeys.Add(key);
        await db.SaveChangesAsync(ct);
        _open[key.Id] = raw;
        return (key.Id, raw);
    }

    /// <summary>The raw key, or null when the row is gone or the key ring that protected it is not this server's.</summary>
    public async Task<byte[]?> OpenAsync(int id, CancellationToken ct = default)
    {
        if (_open.TryGetValue(id, out var known)) return known;
        var sealedKey = await db.MinutesSealKeys.AsNoTracking().Where(k => k.Id == id).Select(k => k.ProtectedKey).FirstOrDefaultAsync(ct);
        byte[]? raw = null;
        if (sealedKey is not null)
            try { raw = Protector.Unprotect(sealedKey); }
            catch (CryptographicException) { raw = null; }
        return _open[id] = raw;
    }

    public static string Unreadable(int id) =>
        $"Không mở được khóa niêm phong số {id} (khóa bảo vệ dữ liệu của máy chủ không có hoặc đã đổi): không kiểm tra được biên bản.";
}
