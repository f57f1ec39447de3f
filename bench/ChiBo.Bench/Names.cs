namespace ChiBo.Bench;

/// <summary>A 2025 province: code for unit codes, weight (≈ population, millions) for sizing, region for names.</summary>
public record Province(int No, string Code, string Name, double Weight, Region Region, bool City, string[] SpecialZones);

public enum Region { NorthMountain, North, Central, Highlands, South }

/// <summary>Word lists the generator draws from. Frequencies are rough national shares, enough for realistic search and sorting.</summary>
public static class Names
{
    static readonly string[] None = [];

    /// <summary>The 34 provincial-level units from 1/7/2025 (Nghị quyết 202/2025/QH15).</summary>
    public static readonly Province[] Provinces =
    [
        new(1, "HNI", "Hà Nội", 8.7, Region.North, true, None),
        new(2, "HUE", "Huế", 1.2, Region.Central, true, None),
        new(3, "LCU", "Lai Châu", 0.5, Region.NorthMountain, false, None),
        new(4, "DBN", "Điện Biên", 0.6, Region.NorthMountain, false, None),
        new(5, "SLA", "Sơn La", 1.3, Region.NorthMountain, false, None),
        new(6, "LSN", "Lạng Sơn", 0.8, Region.NorthMountain, false, None),
        new(7, "QNH", "Quảng Ninh", 1.4, Region.North, false, ["Vân Đồn", "Cô Tô"]),
        new(8, "THA", "Thanh Hóa", 3.7, Region.North, false, None),
        new(9, "NAN", "Nghệ An", 3.4, Region.Central, false, None),
        new(10, "HTH", "Hà Tĩnh", 1.3, Region.Central, false, None),
        new(11, "CBG", "Cao Bằng", 0.5, Region.NorthMountain, false, None),
        new(12, "TQG", "Tuyên Quang", 1.9, Region.NorthMountain, false, None),
        new(13, "LCI", "Lào Cai", 1.8, Region.NorthMountain, false, None),
        new(14, "TNN", "Thái Nguyên", 1.8, Region.North, false, None),
        new(15, "PTO", "Phú Thọ", 4.0, Region.North, false, None),
        new(16, "BNH", "Bắc Ninh", 3.6, Region.North, false, None),
        new(17, "HYN", "Hưng Yên", 3.6, Region.North, false, None),
        new(18, "HPG", "Hải Phòng", 4.7, Region.North, true, ["Bạch Long Vĩ", "Cát Hải"]),
        new(19, "NBH", "Ninh Bình", 4.4, Region.North, false, None),
        new(20, "QTI", "Quảng Trị", 1.9, Region.Central, false, ["Cồn Cỏ"]),
        new(21, "DNG", "Đà Nẵng", 3.1, Region.Central, true, ["Hoàng Sa"]),
        new(22, "QNI", "Quảng Ngãi", 2.2, Region.Central, false, ["Lý Sơn"]),
        new(23, "GLA", "Gia Lai", 3.6, Region.Highlands, false, None),
        new(24, "KHA", "Khánh Hòa", 2.2, Region.Central, false, ["Trường Sa"]),
        new(25, "LDG", "Lâm Đồng", 3.9, Region.Highlands, false, ["Phú Quý"]),
        new(26, "DLK", "Đắk Lắk", 3.3, Region.Highlands, false, None),
        new(27, "HCM", "TP Hồ Chí Minh", 14.0, Region.South, true, ["Côn Đảo"]),
        new(28, "DNI", "Đồng Nai", 4.5, Region.South, false, None),
        new(29, "TNH", "Tây Ninh", 3.3, Region.South, false, None),
        new(30, "CTO", "Cần Thơ", 4.2, Region.South, true, None),
        new(31, "VLG", "Vĩnh Long", 4.3, Region.South, false, None),
        new(32, "DTP", "Đồng Tháp", 4.4, Region.South, false, None),
        new(33, "CMU", "Cà Mau", 2.6, Region.South, false, None),
        new(34, "AGG", "An Giang", 4.9, Region.South, false, ["Phú Quốc", "Kiên Hải", "Thổ Châu"]),
    ];

    public static readonly (string Name, int Weight)[] Families =
    [
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 30), ("Huỳnh", 21), ("Phan", 45), ("Vũ", 22), ("Võ", 17),
        ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10), ("Lý", 5), ("Đinh", 6), ("Trương", 6), ("Đào", 5),
        ("Lương", 4), ("Mai", 4), ("Tạ", 3), ("Cao", 3), ("Hà", 4), ("Lò", 3), ("Tòng", 2), ("Vi", 2), ("Nông", 3), ("Lưu", 3), ("Triệu", 2),
    ];

    public static readonly string[] MaleMiddle = ["Văn", "Văn", "Văn", "Hữu", "Đức", "Công", "Quang", "Minh", "Thanh", "Xuân", "Ngọc", "Đình", "Trọng", "Mạnh", "Quốc", "Tuấn", "Thế", "Anh", "Bá", "Duy"];
    public static readonly string[] FemaleMiddle = ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh", "Phương", "Hồng", "Bích", "Thúy", "Diệu", "Hải", "Mỹ"];

    public static readonly string[] MaleGiven =
    [
        "An", "Anh", "Bảo", "Bình", "Cường", "Chiến", "Công", "Dũng", "Duy", "Dương", "Đạt", "Đức", "Giang", "Hải", "Hiếu", "Hiển", "Hòa", "Hoàng",
        "Hùng", "Huy", "Hưng", "Khải", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Lực", "Mạnh", "Minh", "Nam", "Nghĩa", "Nhân", "Phong", "Phúc",
        "Phương", "Quang", "Quân", "Quý", "Quyết", "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thịnh", "Thông", "Tiến", "Toàn", "Trung", "Trường",
        "Tú", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Hậu", "Lộc", "Thuận",
    ];

    public static readonly string[] FemaleGiven =
    [
        "An", "Anh", "Ánh", "Bích", "Châu", "Chi", "Diệp", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Huệ", "Hương",
        "Hường", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Sen", "Tâm",
        "Thảo", "Thơ", "Thu", "Thủy", "Thúy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Xuân", "Yến", "Lý", "Nhàn", "Đào",
    ];

    /// <summary>Syllables of place names: communes, villages, schools are named from two of them.</summary>
    public static readonly string[] PlaceSyllables =
    [
        "An", "Bình", "Tân", "Phú", "Hòa", "Thạnh", "Long", "Mỹ", "Phước", "Đông", "Tây", "Nam", "Bắc", "Trung", "Hưng", "Thịnh", "Quang", "Minh",
        "Thanh", "Sơn", "Hải", "Lâm", "Kim", "Ngọc", "Hà", "Yên", "Vĩnh", "Đại", "Xuân", "Thủy", "Cẩm", "Đức", "Hợp", "Tiến", "Lạc", "Phong",
        "Hồng", "Thái", "Định", "Lộc", "Tường", "Khánh", "Hiệp", "Thuận", "Lợi", "Đồng", "Tam", "Hoàng", "Liên", "Châu",
    ];

    public static readonly string[] MountainVillages = ["Nà", "Pá", "Huổi", "Nậm", "Phiêng", "Co", "Tà", "Lũng", "Khuổi", "Bó", "Mường", "Sìn", "Pò", "Nà Khum", "Hon", "Lếch"];

    public static readonly (string Name, int Weight)[] Ethnicities =
    [
        ("Kinh", 850), ("Tày", 20), ("Thái", 18), ("Mường", 15), ("Khmer", 12), ("Hoa", 6), ("Nùng", 10), ("H'Mông", 8), ("Dao", 6), ("Gia Rai", 4), ("Ê Đê", 4),
    ];

    public static readonly string[] Subjects = ["Toán", "Ngữ văn", "Khoa học tự nhiên", "Khoa học xã hội", "Ngoại ngữ", "Thể dục - Nghệ thuật"];
    public static readonly string[] Departments = ["Văn phòng", "Phòng Tổ chức - Hành chính", "Phòng Kế hoạch - Tài chính", "Phòng Nghiệp vụ", "Phòng Thanh tra", "Phòng Kỹ thuật"];
    public static readonly string[] Agencies =
    [
        "Sở Tài chính", "Sở Xây dựng", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Nội vụ", "Sở Tư pháp", "Sở Công Thương", "Sở Nông nghiệp và Môi trường",
        "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch", "Thanh tra tỉnh", "Văn phòng UBND tỉnh", "Kho bạc Nhà nước khu vực", "Thuế tỉnh",
    ];
    public static readonly string[] Industries = ["Xây dựng", "Thương mại", "Vận tải", "Chế biến nông sản", "Cơ khí", "May mặc", "Điện lực", "Cấp nước", "Môi trường đô thị", "Dược phẩm"];

    public static T Pick<T>(this Random rng, T[] items) => items[rng.Next(items.Length)];

    public static string Weighted(this Random rng, (string Name, int Weight)[] items, int total)
    {
        var x = rng.Next(total);
        foreach (var (name, w) in items) { if (x < w) return name; x -= w; }
        return items[0].Name;
    }

    public static readonly int FamilyTotal = Families.Sum(f => f.Weight);
    public static readonly int EthnicTotal = Ethnicities.Sum(f => f.Weight);

    public static string Place(Random rng) => rng.Pick(PlaceSyllables) + " " + rng.Pick(PlaceSyllables);
}
