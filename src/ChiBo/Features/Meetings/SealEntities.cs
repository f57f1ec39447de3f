namespace ChiBo.Features.Meetings;

/// <summary>A cell keeps two books: the cell's (sổ họp chi bộ) and its committee's (sổ họp chi ủy, committee meetings).</summary>
public enum MinutesBook { Cell, Committee }

/// <summary>
/// An HMAC-SHA256 key that seals minutes. The raw key never reaches the database: the row holds it encrypted by
/// ASP.NET Data Protection, whose key ring lives outside the database, so someone who can write the database still
/// cannot re-seal what they changed. Earlier keys stay to check what they sealed; new seals use the active one.
/// </summary>
public class MinutesSealKey
{
    public int Id { get; set; }
    public required byte[] ProtectedKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool Active { get; set; }
}

/// <summary>
/// The head of one book (đầu sổ): how many minutes were adopted in it and the last one's seal, itself sealed, so a
/// deleted last (or any) minutes or a reordered book shows.
/// </summary>
public class MinutesBookHead
{
    public int CellId { get; set; }
    public MinutesBook Book { get; set; }
    public int Count { get; set; }
    public string? LastSeal { get; set; }
    public int KeyId { get; set; }
    public required string Seal { get; set; }
    public int Version { get; set; }
}
