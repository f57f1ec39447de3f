namespace ChiBo.Features.Documents;

/// <summary>A type of party document and its abbreviation in the number (Quy định 66-QĐ/TW): CV, KL, KH, NQ, …</summary>
public class DocumentType
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
}

/// <summary>An issuer's term (nhiệm kỳ): numbers restart at 01 per document type in each term.</summary>
public class IssuerTerm
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public required string Name { get; set; }
    public DateOnly From { get; set; }
    /// <summary>Exclusive end: the day after the next congress closes.</summary>
    public DateOnly? To { get; set; }
}

public enum DocumentStatus { Draft, Issued, Withdrawn }

/// <summary>
/// A document in an issuer's register: drafted, then issued with the next number of its type in the issuer's term
/// ("Số 824-CV/HU"); a withdrawn draft never takes a number. Documents from outside the product are entered with theirs.
/// </summary>
public class PartyDocument
{
    public int Id { get; set; }
    public int IssuerUnitId { get; set; }
    public required string TypeCode { get; set; }
    public int? TermId { get; set; }
    /// <summary>
    /// The issuer's body that issues it when not the committee itself: "UBKT" for its inspection commission, which keeps its own
    /// register ("01-TB/UBKTĐU") beside the committee's ("01-TB/ĐU") and heads its documents with the committee's name.
    /// </summary>
    public string? Office { get; set; }
    public int? Number { get; set; }
    /// <summary>"824-CV/HU": number, type and issuer as printed.</summary>
    public string? Symbol { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public required string Summary { get; set; }
    public string? Place { get; set; }
    public string? Body { get; set; }
    public DocumentStatus Status { get; set; }
    /// <summary>Entered from outside the product with its own number (seed 003's 18-KL/TW, for instance).</summary>
    public bool External { get; set; }
    public string? ExternalIssuer { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; }

    // The layout's parts (seed 004): header lines as printed when entered from outside, "Kính gửi", "Nơi nhận", the signature block.
    /// <summary>The header's first line ("Đảng bộ tỉnh Lai Châu") as printed; for the product's own documents it comes from the tree.</summary>
    public string? HeaderParent { get; set; }
    /// <summary>The issuer's line ("Huyện ủy Tam Đường") as printed on an external document.</summary>
    public string? HeaderIssuer { get; set; }
    public string? Addressee { get; set; }
    /// <summary>Nơi nhận, one recipient a line.</summary>
    public string? Recipients { get; set; }
    public SignatureForm SignatureForm { get; set; }
    /// <summary>The collective for T/M and T/L ("Ban Thường vụ"), the head's position for K/T ("Bí thư").</summary>
    public string? SignerFor { get; set; }
    public string? SignerPosition { get; set; }
    public string? SignerName { get; set; }
    /// <summary>The product record this document prints (a thematic plan, a campaign conclusion, minutes…), rendered by that record's own code.</summary>
    public string? SourceKind { get; set; }
    public int? SourceId { get; set; }
}

public static class DocumentStatusText
{
    /// <summary>The register's status column: an issued document entered from outside is "Văn bản đến".</summary>
    public static string RegisterStatus(this PartyDocument d) =>
        d.Status switch { DocumentStatus.Draft => "Dự thảo", DocumentStatus.Withdrawn => "Đã hủy", _ => d.External ? "Văn bản đến" : "Đã ban hành" };
}

public enum LinkKind { Implements, Follows }

/// <summary>"1066-KL/HU implements 59-KH/TU": one edge of the chain of documents; the register walks it both ways.</summary>
public class DocumentLink
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public int TargetId { get; set; }
    public LinkKind Kind { get; set; }
}

/// <summary>
/// An issuer's signing key: an X.509 certificate and its private key, the key stored only as ASP.NET Data Protection ciphertext
/// (the key ring is the deployment's secret). Generated here or imported from a PKCS#12 file.
/// </summary>
public class SigningKey
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public required string Subject { get; set; }
    public required string Email { get; set; }
    public required string Thumbprint { get; set; }
    public required byte[] Certificate { get; set; }
    public required byte[] ProtectedPrivateKey { get; set; }
    public DateTime NotBefore { get; set; }
    public DateTime NotAfter { get; set; }
    public bool Active { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

/// <summary>A signed PDF of a document: the bytes as signed, their SHA-256, and the detached CMS (PKCS#7) signature over them.</summary>
public class DocumentSignature
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public int KeyId { get; set; }
    public DateTime SignedAt { get; set; }
    public string? SignedBy { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Pdf { get; set; }
    public required byte[] Cms { get; set; }
}

/// <summary>The last number given per issuer, type and term; incremented inside the issuing transaction.</summary>
public class DocumentCounter
{
    public int Id { get; set; }
    public int IssuerUnitId { get; set; }
    /// <summary>"" for the committee's own register, "UBKT" for its inspection commission's.</summary>
    public string Office { get; set; } = "";
    public required string TypeCode { get; set; }
    /// <summary>The term's id, or 0 where the issuer has no term recorded.</summary>
    public int TermKey { get; set; }
    public int LastNumber { get; set; }
}

/// <summary>The product records that print as register documents, and the type each is numbered under.</summary>
public static class SourceKinds
{
    public const string Minutes = "meeting-minutes";
    public const string ThematicPlan = "thematic-plan";
    public const string GroupReport = "group-report";
    public const string CampaignReport = "campaign-report";
    public const string CampaignConclusion = "campaign-conclusion";
    /// <summary>An inspection's conclusion notice (Thông báo kết luận kiểm tra, giám sát).</summary>
    public const string Inspection = "inspection";

    public static string TypeOf(string kind) => kind switch
    {
        Minutes => "BB", ThematicPlan => "KH", GroupReport => "BC", CampaignReport => "BC", CampaignConclusion => "KL", Inspection => "TB",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static readonly string[] All = [Minutes, ThematicPlan, GroupReport, CampaignReport, CampaignConclusion, Inspection];
}
