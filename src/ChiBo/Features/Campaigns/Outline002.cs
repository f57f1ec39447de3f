using ChiBo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Campaigns;

/// <summary>Seed 002's Đề cương (I–V) as the built-in outline, with its statistics wired to the sections that ask for them.</summary>
public static class Outline002
{
    public const string Name = "Đề cương báo cáo tổng kết 10 năm thực hiện Chỉ thị số 10-CT/TW (Kế hoạch của Ban Thường vụ Tỉnh ủy, 2017)";

    static readonly (string Number, string Title, string? Guidance, Statistic Statistic)[] Sections =
    [
        ("I", "Đặc điểm, tình hình chi bộ, đảng bộ", null, Statistic.None),
        ("II", "Kết quả nâng cao chất lượng sinh hoạt chi bộ trước khi có Chỉ thị số 10-CT/TW và từ khi có Chỉ thị số 10-CT/TW, Hướng dẫn số 09-HD/BTCTW của Ban Tổ chức Trung ương", null, Statistic.None),
        ("II.1", "Nhận thức của chi bộ, đảng viên về ý nghĩa và tầm quan trọng của việc nâng cao chất lượng sinh hoạt chi bộ trước khi có Chỉ thị 10-CT/TW", null, Statistic.None),
        ("II.2", "Thực trạng và tình hình chất lượng sinh hoạt chi bộ từ khi có Chỉ thị số 10-CT/TW",
            "Nêu rõ thực trạng và tình hình từ khi có Chỉ thị số 10-CT/TW, việc thực hiện các văn bản chỉ đạo của Ban Tổ chức Trung ương và Ban Thường vụ Tỉnh ủy về đổi mới, nâng cao chất lượng sinh hoạt chi bộ.", Statistic.RatingDistribution),
        ("II.3", "Đánh giá các nội dung trong quá trình tổ chức sinh hoạt chi bộ", null, Statistic.None),
        ("II.3.a", "Về công tác chuẩn bị và tổ chức điều hành sinh hoạt chi bộ", null, Statistic.None),
        ("II.3.b", "Nền nếp sinh hoạt chi bộ", "Ngoài các yêu cầu, nội dung theo quy định cần đánh giá rõ tỷ lệ trung bình việc duy trì đảng số tham gia sinh hoạt chi bộ trong năm.", Statistic.AttendanceRate),
        ("II.3.c", "Nội dung sinh hoạt chi bộ", "Đánh giá rõ tất cả các nội dung trong một buổi sinh hoạt chi bộ, trong đó nội dung nào tập trung nhiều nhất.", Statistic.TopTopic),
        ("II.3.d", "Nội dung sinh hoạt chuyên đề của chi bộ", "Trung bình mỗi năm sinh hoạt được mấy chuyên đề và chuyên đề nào được các đảng viên của chi bộ tập trung góp ý và có hiệu quả nhất.", Statistic.ThematicPerCell),
        ("II.4", "Các nội dung đóng góp ý kiến của các đồng chí trong cấp ủy và đảng viên trong sinh hoạt chi bộ, hội nghị tổng kết nội dung này", null, Statistic.None),
        ("III", "Đánh giá chung", null, Statistic.None),
        ("III.1", "Ưu điểm và nguyên nhân", null, Statistic.None),
        ("III.2", "Khuyết điểm, hạn chế và nguyên nhân", null, Statistic.None),
        ("III.3", "Khó khăn, vướng mắc", null, Statistic.None),
        ("III.4", "Bài học kinh nghiệm", null, Statistic.None),
        ("IV", "Phương hướng, mục tiêu, nhiệm vụ và giải pháp thực hiện trong thời gian tới", null, Statistic.None),
        ("V", "Đề xuất, kiến nghị nhằm tháo gỡ những khó khăn để nâng cao chất lượng sinh hoạt chi bộ hiện nay", null, Statistic.None),
    ];

    public static async Task SeedAsync(AppDbContext db)
    {
        if (await db.ReportOutlines.AnyAsync(o => o.BuiltIn)) return;
        var o = new ReportOutline { Name = Name, BuiltIn = true };
        var i = 0;
        foreach (var (n, t, g, s) in Sections) o.Sections.Add(new OutlineSection { Number = n, Title = t, Guidance = g, Statistic = s, Order = ++i });
        db.ReportOutlines.Add(o);
        await db.SaveChangesAsync();
    }
}
