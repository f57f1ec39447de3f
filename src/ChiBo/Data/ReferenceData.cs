using ChiBo.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Data;

/// <summary>
/// Node types of both shapes of the tree: the one before 1/7/2025 (with the district level)
/// and the one after. Seeded once; administrators may add more.
/// </summary>
public static class ReferenceData
{
    static readonly DateOnly Old = new(1930, 2, 3);
    static readonly DateOnly Reform2025 = new(2025, 7, 1);

    public static readonly UnitType[] UnitTypes =
    [
        new() { Code = "TINH_UY", Name = "Tỉnh ủy, Thành ủy trực thuộc Trung ương", LevelRank = 1, LevelName = "Cấp tỉnh", EffectiveFrom = Old },
        new() { Code = "HUYEN_UY", Name = "Huyện ủy, Thị ủy, Thành ủy thuộc tỉnh", LevelRank = 2, LevelName = "Cấp huyện", EffectiveFrom = Old, EffectiveTo = Reform2025 },
        new() { Code = "DANG_UY_TRUC_THUOC", Name = "Đảng ủy trực thuộc Tỉnh ủy", LevelRank = 2, LevelName = "Cấp trên trực tiếp cơ sở", EffectiveFrom = Old },
        new() { Code = "DANG_UY_XA", Name = "Đảng ủy xã, phường, đặc khu", LevelRank = 3, LevelName = "Cấp cơ sở", IsGrassroots = true, EffectiveFrom = Old },
        new() { Code = "DANG_BO_CO_SO", Name = "Đảng bộ cơ sở", LevelRank = 3, LevelName = "Cấp cơ sở", IsGrassroots = true, EffectiveFrom = Old },
        new() { Code = "CHI_BO_CO_SO", Name = "Chi bộ cơ sở", LevelRank = 3, LevelName = "Cấp cơ sở", IsGrassroots = true, IsCell = true, EffectiveFrom = Old },
        new() { Code = "DANG_BO_BO_PHAN", Name = "Đảng bộ bộ phận", LevelRank = 4, LevelName = "Trong cơ sở", EffectiveFrom = Old },
        new() { Code = "CHI_BO", Name = "Chi bộ trực thuộc", LevelRank = 5, LevelName = "Chi bộ", IsCell = true, EffectiveFrom = Old },
        new() { Code = "TO_DANG", Name = "Tổ đảng", LevelRank = 6, LevelName = "Tổ đảng", EffectiveFrom = Old },
    ];

    public static async Task SeedAsync(AppDbContext db)
    {
        var existing = await db.UnitTypes.Select(t => t.Code).ToListAsync();
        foreach (var t in UnitTypes.Where(t => !existing.Contains(t.Code)))
            db.UnitTypes.Add(new UnitType
            {
                Code = t.Code, Name = t.Name, LevelRank = t.LevelRank, LevelName = t.LevelName, IsCell = t.IsCell,
                IsGrassroots = t.IsGrassroots, EffectiveFrom = t.EffectiveFrom, EffectiveTo = t.EffectiveTo,
            });
        await db.SaveChangesAsync();
    }
}
