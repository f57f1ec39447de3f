namespace ChiBo.Features.Organization;

/// <summary>
/// A kind of node in the party tree (Tỉnh ủy, Huyện ủy, Đảng ủy xã, Chi bộ, Tổ đảng...).
/// Kept as data because the shape of the tree changed on 1/7/2025 (the district level went away)
/// and will change again; the code never switches on a type's code.
/// </summary>
public class UnitType
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>Rank of the level this type sits at (1 = Trung ương/tỉnh, larger = lower). Display and statistics only.</summary>
    public int LevelRank { get; set; }
    public required string LevelName { get; set; }
    /// <summary>The node holds meetings as a cell (chi bộ, chi bộ cơ sở).</summary>
    public bool IsCell { get; set; }
    /// <summary>A grassroots organization (đảng bộ cơ sở or chi bộ cơ sở).</summary>
    public bool IsGrassroots { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
}
