using ChiBo.Features.Accounts;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using Microsoft.AspNetCore.Identity;

namespace ChiBo.Data;

/// <summary>
/// The seeds' story as data: Lai Châu province with its pre-2025 shape (districts Tam Đường and
/// Phong Thổ, commune committees, village cells, an agency cell, a school's grassroots cell), and the
/// 1/7/2025 restructure applied as history: districts dissolved, communes moved under the province,
/// Bản Hon merged into Bình Lư, the town committee renamed. Deterministic, so demos and tests agree.
/// </summary>
public static class DemoData
{
    public const string Password = "ChiBo@2026";
    static readonly DateOnly Founded = new(2004, 1, 1);
    public static readonly DateOnly Reform = new(2025, 7, 1);

    public static async Task SeedAsync(IServiceProvider sp)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var tree = sp.GetRequiredService<TreeService>();
        var members = sp.GetRequiredService<MemberService>();
        await using var tx = await db.Database.BeginTransactionAsync();

        async Task<int> Make(string code, string name, string type, int? parent, string? issuer = null, CellKind? kind = null, string? place = null, DateOnly? from = null)
        {
            var r = await tree.CreateAsync(new TreeService.NewUnit(code, name, type, parent, from ?? Founded, issuer, kind, place));
            return r.Ok ? r.Value!.Id : throw new InvalidOperationException(r.Error);
        }

        var province = await Make("LC", "Tỉnh ủy Lai Châu", "TINH_UY", null, "TU", place: "Lai Châu");
        var tamDuong = await Make("LC-TD", "Huyện ủy Tam Đường", "HUYEN_UY", province, "HU", place: "Tam Đường");
        var phongTho = await Make("LC-PT", "Huyện ủy Phong Thổ", "HUYEN_UY", province, "HU", place: "Phong Thổ");
        var binhLu = await Make("LC-BL", "Đảng ủy xã Bình Lư", "DANG_UY_XA", tamDuong, "ĐU", place: "Bình Lư");
        var banHon = await Make("LC-BH", "Đảng ủy xã Bản Hon", "DANG_UY_XA", tamDuong, "ĐU", place: "Bản Hon");
        var muongSo = await Make("LC-MS", "Đảng ủy xã Mường So", "DANG_UY_XA", phongTho, "ĐU", place: "Mường So");
        var thiTran = await Make("LC-PTT", "Đảng ủy thị trấn Phong Thổ", "DANG_UY_XA", phongTho, "ĐU", place: "Phong Thổ");

        var cells = new (string Code, string Name, string Type, int Parent, CellKind Kind)[]
        {
            ("LC-BL-NK", "Chi bộ bản Nà Khum", "CHI_BO", binhLu, CellKind.Residential),
            ("LC-BL-BL", "Chi bộ bản Bình Lư", "CHI_BO", binhLu, CellKind.Residential),
            ("LC-BL-UB", "Chi bộ Cơ quan Ủy ban nhân dân xã Bình Lư", "CHI_BO", binhLu, CellKind.AdministrativeAgency),
            ("LC-BH-H1", "Chi bộ bản Hon 1", "CHI_BO", banHon, CellKind.Residential),
            ("LC-BH-NL", "Chi bộ bản Nà Luông", "CHI_BO", banHon, CellKind.Residential),
            ("LC-TD-THPT", "Chi bộ Trường THPT Tam Đường", "CHI_BO_CO_SO", tamDuong, CellKind.PublicService),
            ("LC-MS-MS", "Chi bộ bản Mường So", "CHI_BO", muongSo, CellKind.Residential),
            ("LC-MS-KL", "Chi bộ bản Khổng Lào", "CHI_BO", muongSo, CellKind.Residential),
            ("LC-PTT-K5", "Chi bộ khu 5", "CHI_BO", thiTran, CellKind.Residential),
            ("LC-PTT-YT", "Chi bộ Trạm Y tế thị trấn Phong Thổ", "CHI_BO", thiTran, CellKind.PublicService),
        };
        var cellIds = new Dictionary<string, int>();
        foreach (var c in cells)
            cellIds[c.Code] = await Make(c.Code, c.Name, c.Type, c.Parent, c.Type == "CHI_BO_CO_SO" ? "CB" : null, c.Kind);

        // Members: 22–34 a cell, names drawn deterministically.
        var rng = new Random(2017);
        var roster = new Dictionary<string, List<int>>();
        var card = 40_100_000;
        foreach (var c in cells)
        {
            var list = roster[c.Code] = [];
            var size = 22 + rng.Next(13);
            for (var i = 0; i < size; i++)
            {
                var female = rng.Next(100) < 38;
                var name = Names.Make(rng, female);
                // The secretary of Nà Khum is named in the README's search example.
                if (c.Code == "LC-BL-NK" && i == 0) (name, female) = ("Nguyễn Văn Thắng", false);
                var born = new DateOnly(1950 + rng.Next(52), 1 + rng.Next(12), 1 + rng.Next(28));
                var admitted = Later(born.AddYears(19 + rng.Next(12)), new DateOnly(2005, 1, 1), rng);
                if (admitted > new DateOnly(2026, 6, 1)) admitted = new DateOnly(2025, 3, 1 + rng.Next(27));
                // A few recent admissions are still probationary (12 months).
                var probationary = i == size - 1 || (i == size - 2 && rng.Next(2) == 0);
                if (probationary) admitted = new DateOnly(2026, 1 + rng.Next(8), 1 + rng.Next(27));
                DateOnly? official = probationary ? null : admitted.AddYears(1);
                var joined = admitted < Founded ? Founded : admitted;
                var r = await members.CreateAsync(new MemberService.Profile(name, born, female ? Sex.Female : Sex.Male,
                    c.Kind == CellKind.Residential && rng.Next(3) > 0 ? (rng.Next(2) == 0 ? "Thái" : "Giáy") : "Kinh",
                    admitted, official, (card++).ToString(), "0" + (11_000_000_000L + rng.NextInt64(999_999_999)).ToString()[..11],
                    "09" + rng.Next(10_000_000, 99_999_999)), cellIds[c.Code], joined);
                list.Add(r.Value!.Id);
            }
            await members.AssignPositionAsync(list[0], Position.Secretary, Founded.AddYears(10));
            await members.AssignPositionAsync(list[1], Position.DeputySecretary, Founded.AddYears(10));
        }

        // Older members exempt for age or health; a militia member on special duty.
        await members.ExemptAsync(roster["LC-BL-NK"][5], ExemptionKind.Exempt, new DateOnly(2022, 12, 20), new DateOnly(2023, 1, 1), null, "Tuổi cao, sức khỏe yếu");
        await members.ExemptAsync(roster["LC-MS-MS"][4], ExemptionKind.Exempt, new DateOnly(2021, 6, 1), new DateOnly(2021, 6, 1), null, "Sức khỏe yếu");
        await members.ExemptAsync(roster["LC-BL-BL"][6], ExemptionKind.SpecialDuty, new DateOnly(2026, 2, 25), new DateOnly(2026, 3, 1), new DateOnly(2026, 12, 1), "Tham gia nhiệm vụ quốc phòng");

        // Transfers (chuyển sinh hoạt đảng) before and after the restructure.
        await members.TransferAsync(roster["LC-BL-NK"][7], cellIds["LC-BL-UB"], new DateOnly(2024, 3, 15), "Chuyển công tác về UBND xã");
        await members.TransferAsync(roster["LC-BH-H1"][8], cellIds["LC-BL-NK"], new DateOnly(2026, 4, 10), "Chuyển nơi cư trú");
        await members.TransferAsync(roster["LC-TD-THPT"][9], cellIds["LC-PTT-YT"], new DateOnly(2023, 9, 1), "Chuyển công tác");

        // 1/7/2025: the district level goes away.
        const string decision = "Quyết định sắp xếp tổ chức đảng theo Nghị quyết 60-NQ/TW";
        await tree.MergeAsync([banHon], binhLu, Reform, decision);
        await tree.MoveAsync(binhLu, province, Reform, decision);
        await tree.MoveAsync(cellIds["LC-TD-THPT"], binhLu, Reform, decision);
        await tree.MoveAsync(muongSo, province, Reform, decision);
        await tree.MoveAsync(thiTran, province, Reform, decision);
        await tree.RenameAsync(thiTran, "Đảng ủy xã Phong Thổ", "ĐU", Reform, decision);
        await tree.DissolveAsync(tamDuong, Reform, decision);
        await tree.DissolveAsync(phongTho, Reform, decision);

        // Demo accounts, one per role.
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        async Task Account(string user, string fullName, int unit, string role, int? member = null)
        {
            var u = new AppUser { UserName = user, FullName = fullName, UnitId = unit, MemberId = member, Email = user + "@chibo.local", EmailConfirmed = true };
            var r = await users.CreateAsync(u, Password);
            if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(u, role);
        }
        var nk = roster["LC-BL-NK"];
        await Account("admin", "Quản trị hệ thống", province, Roles.Admin);
        await Account("btc.tinh", "Ban Tổ chức Tỉnh ủy Lai Châu", province, Roles.CommitteeStaff);
        await Account("vp.binhlu", "Văn phòng Đảng ủy xã Bình Lư", binhLu, Roles.CommitteeStaff);
        await Account("bithu.nakhum", await NameOf(db, nk[0]), cellIds["LC-BL-NK"], Roles.CellSecretary, nk[0]);
        await Account("dangvien.nakhum", await NameOf(db, nk[2]), cellIds["LC-BL-NK"], Roles.Member, nk[2]);
        await Account("bithu.muongso", await NameOf(db, roster["LC-MS-MS"][0]), cellIds["LC-MS-MS"], Roles.CellSecretary, roster["LC-MS-MS"][0]);
        await Account("theodoi.binhlu", "Lò Văn Quyết", binhLu, Roles.MonitoringMember);
        await Account("totruong.binhlu", "Tòng Văn Hải", binhLu, Roles.MonitoringMember);
        await tx.CommitAsync();
        // A year of meetings through the services: on by default (the demo needs it), off for tests that make their own.
        if (sp.GetRequiredService<IConfiguration>().GetValue("Demo:Meetings", true))
        {
            await DemoMeetings.SeedAsync(sp);
            await DemoMonitoring.SeedAsync(sp);
            await DemoDocuments.SeedAsync(sp);
            await DemoAppraisals.SeedAsync(sp);
            await DemoPractices.SeedAsync(sp);
            await DemoInspections.SeedAsync(sp);
            await DemoCampaigns.SeedAsync(sp);
        }
    }

    static async Task<string> NameOf(AppDbContext db, int memberId) => (await db.Members.FindAsync(memberId))!.FullName;

    static DateOnly Later(DateOnly a, DateOnly floor, Random rng) => a > floor ? a : floor.AddDays(rng.Next(3000));
}

/// <summary>Plausible Vietnamese names (Kinh, Thái, Giáy family names of the northwest).</summary>
static class Names
{
    static readonly string[] Family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò", "Tòng", "Lường", "Sần", "Vàng", "Giàng", "Tẩn", "Đèo", "Lý", "Ngô", "Dương"];
    static readonly string[] MiddleMale = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thành", "Công"];
    static readonly string[] MiddleFemale = ["Thị", "Thị", "Thu", "Ngọc", "Thanh", "Hồng"];
    static readonly string[] GivenMale = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hùng", "Khánh", "Long", "Mạnh", "Nam", "Phúc", "Quân", "Sơn", "Thắng", "Tiến", "Toàn", "Trung", "Tuấn", "Việt", "Vinh", "Ấn", "Ánh"];
    static readonly string[] GivenFemale = ["Anh", "Ánh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Liên", "Mai", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thủy", "Trang", "Yến"];

    public static string Make(Random rng, bool female) =>
        $"{Family[rng.Next(Family.Length)]} {(female ? MiddleFemale : MiddleMale)[rng.Next(6)]} {(female ? GivenFemale : GivenMale)[rng.Next(female ? GivenFemale.Length : GivenMale.Length)]}";
}
