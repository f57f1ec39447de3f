using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Documents;

public record VerifyResult(bool Intact, string Message, int? DocumentId = null, string? Symbol = null, string? Signer = null, string? Email = null,
    DateTimeOffset? SignedAt = null, string? Thumbprint = null);

/// <summary>
/// Issuers' signing keys and signatures over a document's PDF. A signature is a detached CMS (PKCS#7) over the PDF's bytes
/// with the signing time as a signed attribute, so anyone can check it with standard tools
/// (<c>openssl cms -verify -inform DER -in doc.p7s -content doc.pdf -binary -noverify</c>); the PDF itself stays untouched
/// apart from the visible stamp rendered into it before signing. A certificate is trusted only if it is one of the keys
/// recorded here for an issuer.
/// </summary>
public class DocumentSigning(AppDbContext db, IDataProtectionProvider dataProtection, TimeProvider clock, IHttpContextAccessor http)
{
    IDataProtector Protector => dataProtection.CreateProtector("ChiBo.Documents.SigningKeys.v1");
    DateTime Now => clock.GetUtcNow().UtcDateTime;
    string Actor => http.HttpContext?.User.Identity?.Name ?? "hệ thống";

    /// <summary>A new RSA-3072 key with a self-signed certificate naming the issuer and its mailbox; earlier keys stop signing.</summary>
    public async Task<Outcome<SigningKey>> GenerateAsync(int unitId, string issuerName, string email, CancellationToken ct = default)
    {
        if (!ValidEmail(email)) return Outcome<SigningKey>.Fail("email", "Nhập địa chỉ thư điện tử của cơ quan ban hành (VD: hucattien@lamdong.gov.vn).");
        using var rsa = RSA.Create(3072);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("VN");
        subject.AddOrganizationName("Đảng Cộng sản Việt Nam");
        subject.AddCommonName(issuerName.ToUpperInvariant());
        subject.AddEmailAddress(email.Trim());
        var request = new CertificateRequest(subject.Build(), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        var san = new SubjectAlternativeNameBuilder();
        san.AddEmailAddress(email.Trim());
        request.CertificateExtensions.Add(san.Build());
        var now = clock.GetUtcNow();
        using var cert = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(5));
        return await StoreAsync(unitId, cert, rsa.ExportPkcs8PrivateKey(), email.Trim(), ct);
    }

    /// <summary>An existing key and certificate from a PKCS#12 (.pfx/.p12) file, e.g. one issued by the Government CA.</summary>
    public async Task<Outcome<SigningKey>> ImportAsync(int unitId, byte[] pfx, string? password, CancellationToken ct = default)
    {
        X509Certificate2 cert;
        try { cert = X509CertificateLoader.LoadPkcs12(pfx, password, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet); }
        catch (CryptographicException) { return Outcome<SigningKey>.Fail("file", "Không đọc được tệp khóa (.pfx/.p12): sai mật khẩu hoặc tệp hỏng."); }
        using (cert)
        {
            using var rsa = cert.GetRSAPrivateKey();
            if (rsa is null) return Outcome<SigningKey>.Fail("file", "Tệp không chứa khóa bí mật RSA đi kèm chứng thư.");
            var email = cert.GetNameInfo(X509NameType.EmailName, false);
            if (!ValidEmail(email)) return Outcome<SigningKey>.Fail("file", "Chứng thư không ghi địa chỉ thư điện tử của cơ quan ban hành.");
            if (cert.NotAfter.ToUniversalTime() <= Now) return Outcome<SigningKey>.Fail("file", $"Chứng thư đã hết hạn ngày {VnTime.Day(cert.NotAfter.ToUniversalTime()).Vn()}.");
            return await StoreAsync(unitId, cert, rsa.ExportPkcs8PrivateKey(), email, ct);
        }
    }

    async Task<Outcome<SigningKey>> StoreAsync(int unitId, X509Certificate2 cert, byte[] pkcs8, string email, CancellationToken ct)
    {
        var thumbprint = cert.GetCertHashString(HashAlgorithmName.SHA256);
        if (await db.SigningKeys.AnyAsync(k => k.Thumbprint == thumbprint, ct)) return Outcome<SigningKey>.Fail("file", "Chứng thư này đã có trong hệ thống.");
        await db.SigningKeys.Where(k => k.UnitId == unitId && k.Active).ExecuteUpdateAsync(s => s.SetProperty(k => k.Active, false), ct);
        var key = new SigningKey
        {
            UnitId = unitId, Subject = cert.Subject, Email = email, Thumbprint = thumbprint, Certificate = cert.Export(X509ContentType.Cert),
            ProtectedPrivateKey = Protector.Protect(pkcs8), NotBefore = cert.NotBefore.ToUniversalTime(), NotAfter = cert.NotAfter.ToUniversalTime(),
            Active = true, CreatedAt = Now, CreatedBy = Actor,
        };
        CryptographicOperations.ZeroMemory(pkcs8);
        db.SigningKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return Outcome<SigningKey>.Success(key);
    }

    public Task<SigningKey?> ActiveKeyAsync(int unitId, CancellationToken ct = default) =>
        db.SigningKeys.Where(k => k.UnitId == unitId && k.Active && k.NotAfter > Now).OrderByDescending(k => k.Id).FirstOrDefaultAsync(ct);

    /// <summary>A detached CMS signature over the bytes, with the signing time signed too.</summary>
    public byte[] Sign(SigningKey key, byte[] content, DateTimeOffset at)
    {
        var pkcs8 = Protector.Unprotect(key.ProtectedPrivateKey);
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
            using var publicCert = X509CertificateLoader.LoadCertificate(key.Certificate);
            using var cert = publicCert.CopyWithPrivateKey(rsa);
            var cms = new SignedCms(new ContentInfo(content), detached: true);
            var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, cert) { IncludeOption = X509IncludeOption.EndCertOnly, DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1") };
            signer.SignedAttributes.Add(new Pkcs9SigningTime(at.UtcDateTime));
            cms.ComputeSignature(signer);
            return cms.Encode();
        }
        finally { CryptographicOperations.ZeroMemory(pkcs8); }
    }

    /// <summary>Checks a CMS signature over the bytes and that its certificate is an issuer's key recorded here.</summary>
    public async Task<VerifyResult> VerifyAsync(byte[] content, byte[] signature, CancellationToken ct = default)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        try { cms.Decode(signature); }
        catch (CryptographicException) { return new VerifyResult(false, "Chữ ký không đọc được (không phải chữ ký CMS/PKCS#7)."); }
        var info = cms.SignerInfos.Count == 1 ? cms.SignerInfos[0] : null;
        var cert = info?.Certificate;
        if (info is null || cert is null) return new VerifyResult(false, "Chữ ký không kèm chứng thư của người ký.");
        try { info.CheckSignature(verifySignatureOnly: true); }
        catch (CryptographicException)
        {
            return new VerifyResult(false, "Văn bản KHÔNG còn nguyên vẹn: nội dung đã bị thay đổi sau khi ký.", Signer: cert.GetNameInfo(X509NameType.SimpleName, false));
        }
        var thumbprint = cert.GetCertHashString(HashAlgorithmName.SHA256);
        var key = await db.SigningKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Thumbprint == thumbprint, ct);
        var at = info.SignedAttributes.OfType<CryptographicAttributeObject>().SelectMany(a => a.Values.OfType<AsnEncodedData>())
            .Select(v => v is Pkcs9SigningTime t ? (DateTime?)t.SigningTime : v.Oid?.Value == "1.2.840.113549.1.9.5" ? new Pkcs9SigningTime(v.RawData).SigningTime : null)
            .FirstOrDefault(t => t is not null);
        DateTimeOffset? signedAt = at is { } u ? new DateTimeOffset(DateTime.SpecifyKind(u, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(7)) : null;
        var signer = cert.GetNameInfo(X509NameType.SimpleName, false);
        if (key is null)
            return new VerifyResult(false, "Chữ ký đúng về mặt kỹ thuật nhưng chứng thư không phải khóa ký của cơ quan ban hành nào trong hệ thống.", Signer: signer, SignedAt: signedAt, Thumbprint: thumbprint);
        return new VerifyResult(true, "Văn bản còn nguyên vẹn, chữ ký hợp lệ.", Signer: signer, Email: key.Email, SignedAt: signedAt, Thumbprint: thumbprint);
    }

    /// <summary>A PDF on its own: found among the signed PDFs by its SHA-256, then its stored signature is checked against it.</summary>
    public async Task<VerifyResult> VerifyPdfAsync(byte[] pdf, byte[]? signature = null, CancellationToken ct = default)
    {
        var sha = Convert.ToHexString(SHA256.HashData(pdf));
        var stored = await db.DocumentSignatures.AsNoTracking().Where(s => s.Sha256 == sha).OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        if (signature is null && stored is null)
            return new VerifyResult(false, "Tệp không khớp với văn bản nào đã ký trên hệ thống: văn bản đã bị thay đổi hoặc không do hệ thống ký.");
        var result = await VerifyAsync(pdf, signature ?? stored!.Cms, ct);
        if (stored is null) return result;
        var symbol = await db.PartyDocuments.Where(d => d.Id == stored.DocumentId).Select(d => d.Symbol).FirstOrDefaultAsync(ct);
        return result with { DocumentId = stored.DocumentId, Symbol = symbol };
    }

    static bool ValidEmail(string? email) => !string.IsNullOrWhiteSpace(email) && System.Text.RegularExpressions.Regex.IsMatch(email.Trim(), @"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$");
}
