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
}

/// <summary>The last number given per issuer, type and term; incremented inside the issuing transaction.</summary>
public class DocumentCounter
{
    public int Id { get; set; }
    public int IssuerUnitId { get; set; }
    public required string TypeCode { get; set; }
    /// <summary>The term's id, or 0 where the issuer has no term recorded.</summary>
    public int TermKey { get; set; }
    public int LastNumber { get; set; }
}
