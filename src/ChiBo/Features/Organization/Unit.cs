namespace ChiBo.Features.Organization;

/// <summary>
/// A party organization: a node of the tree. Where it sits in the tree over time lives in
/// <see cref="UnitClosure"/>; its names over time in <see cref="UnitName"/>.
/// Name and IssuerCode here are the current ones, kept for cheap display.
/// </summary>
public class Unit
{
    public int Id { get; set; }
    /// <summary>Stable external code used by imports and links (e.g. LC-TD-BL-NK).</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string NameKey { get; set; }
    /// <summary>Short issuer symbol for documents: TU, HU, ĐU, CB.</summary>
    public string? IssuerCode { get; set; }
    /// <summary>Place written in documents' date line ("Tam Đường, ngày ...").</summary>
    public string? Place { get; set; }
    public int UnitTypeId { get; set; }
    public UnitType? UnitType { get; set; }
    public CellKind? CellKind { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>Exclusive end: the day the unit stopped existing (merged, split, dissolved).</summary>
    public DateOnly? EffectiveTo { get; set; }
    public int Version { get; set; }

    public bool ExistsOn(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is null || EffectiveTo > date);
}

/// <summary>A name a unit carried over a period (renames keep history).</summary>
public class UnitName
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public required string Name { get; set; }
    public string? IssuerCode { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
}

/// <summary>
/// Temporal closure table: one row per (ancestor, descendant) pair and the period it held.
/// Why a closure table rather than a parent pointer or a materialized path:
/// "the subtree under X on date D" and "is Y inside X's subtree" are the questions asked on every
/// request (authorization) and by every roll-up; with a closure table both are a single indexed
/// range lookup on (AncestorId, DescendantId/ValidFrom), no recursion, identical on SQLite and
/// PostgreSQL. History is kept by closing rows (ValidTo) instead of deleting them, so the tree as
/// of any date is the rows valid on that date. Cost: about depth × nodes rows (≈ 1.5M at national
/// scale with a depth of 5), and a move rewrites the rows of the moved subtree only.
/// </summary>
public class UnitClosure
{
    public long Id { get; set; }
    public int AncestorId { get; set; }
    public int DescendantId { get; set; }
    public int Depth { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
}

public enum UnitEventKind { Created, Renamed, Moved, Merged, Split, Dissolved }

/// <summary>The history of the tree as a person reads it: "Huyện ủy Tam Đường dissolved on 01/07/2025".</summary>
public class UnitEvent
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public UnitEventKind Kind { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The other party: new parent of a move, target of a merge, source or part of a split.</summary>
    public int? RelatedUnitId { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string? Decision { get; set; }
}
