namespace ChiBo.Features.Import;

public enum ImportKind { Units, Members }
public enum ImportStatus { Queued, Validating, Writing, Succeeded, Failed }

/// <summary>One CSV import: all rows are written in one transaction, or none are.</summary>
public class ImportJob
{
    public int Id { get; set; }
    public ImportKind Kind { get; set; }
    public ImportStatus Status { get; set; }
    public required string FileName { get; set; }
    public required string Actor { get; set; }
    public int ScopeUnitId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    /// <summary>JSON list of {line, message}: a bad row named by its line number in the file.</summary>
    public string? Errors { get; set; }
}
