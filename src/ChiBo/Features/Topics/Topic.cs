using ChiBo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Topics;

/// <summary>
/// A thematic topic (chủ đề sinh hoạt chuyên đề) in the taxonomy the organization board keeps.
/// Meetings, agenda items and remarks are tagged with topics so reports can count them (seed 002's outline asks).
/// </summary>
public class Topic
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int? ParentId { get; set; }
    /// <summary>The board that added it; null for the built-in groups.</summary>
    public int? OwnerUnitId { get; set; }
    public bool Active { get; set; } = true;
    public int Order { get; set; }
}

public static class TopicSeed
{
    /// <summary>Seed 003's five topic groups.</summary>
    public static readonly (string Code, string Name)[] Groups =
    [
        ("CD1", "Nâng cao chất lượng thực hiện nhiệm vụ chuyên môn của cán bộ, công chức, viên chức"),
        ("CD2", "Cải cách hành chính trong cơ quan, đơn vị"),
        ("CD3", "Dân vận khéo; xây dựng khu dân cư kiểu mẫu, nông thôn mới, đô thị văn minh"),
        ("CD4", "Tạo nguồn phát triển đảng viên mới"),
        ("CD5", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với xây dựng, chỉnh đốn Đảng"),
    ];

    public static async Task SeedAsync(AppDbContext db)
    {
        if (await db.Topics.AnyAsync()) return;
        var i = 0;
        foreach (var (code, name) in Groups) db.Topics.Add(new Topic { Code = code, Name = name, Order = ++i });
        await db.SaveChangesAsync();
    }
}
