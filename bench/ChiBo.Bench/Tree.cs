using ChiBo.Features.Organization;
using ChiBo.Features.Search;

namespace ChiBo.Bench;

/// <summary>A unit already written; Path holds its ancestors' ids from the root down to itself (what its closure rows say).</summary>
public sealed record UnitRef(int Id, string Code, string Name, int[] Path, CellKind? Kind, string? Place);

/// <summary>
/// Writes nodes the way TreeService.CreateAsync does: the unit, its first name, a closure row to itself and one to every
/// ancestor (depth = distance), and a Created event naming the parent.
/// </summary>
public sealed class Tree(Context ctx)
{
    public UnitRef Add(string code, string name, string typeCode, UnitRef? parent, string? issuer = null, CellKind? kind = null, string? place = null)
    {
        var t = ctx.Tables;
        var id = ctx.Ids.Next("Units");
        t["Units"].Row().I(id).S(code).S(name).S(VietnameseText.Fold(name)).S(issuer).S(place).I(ctx.TypeIds[typeCode])
            .S(kind?.ToString()).D(Context.TreeFrom).D(null).I(0);
        t["UnitNames"].Row().I(ctx.Ids.Next("UnitNames")).I(id).S(name).S(issuer).D(Context.TreeFrom).D(null);
        int[] path = parent is null ? [id] : [.. parent.Path, id];
        for (var i = 0; i < path.Length; i++)
            t["UnitClosures"].Row().L(ctx.Ids.NextLong("UnitClosures")).I(path[i]).I(id).I(path.Length - 1 - i).D(Context.TreeFrom).D(null);
        t["UnitEvents"].Row().I(ctx.Ids.Next("UnitEvents")).I(id).S(nameof(UnitEventKind.Created)).D(Context.TreeFrom).I(parent?.Id)
            .S(null).S(name).S(null);
        return new UnitRef(id, code, name, path, kind, place);
    }

    /// <summary>One province: the provincial committee, its four committees directly under it, the communes and the other grassroots organizations.</summary>
    public UnitRef Province(UnitRef root, Province p, Random rng, double scale, Action<UnitRef, UnitRef, Watcher?> cell, Func<UnitRef, Watcher?> commune)
    {
        var share = p.Weight / Names.Provinces.Sum(x => x.Weight);
        var isCity = p.City;
        var prov = Add(p.Code, $"{(isCity ? "Thành ủy" : "Tỉnh ủy")} {p.Name}", "TINH_UY", root, "TU", place: p.Name);
        var level = isCity ? "thành phố" : "tỉnh";
        var shortName = p.Name.Replace("TP ", "");
        var party = Add($"{p.Code}-D1", $"Đảng ủy các cơ quan Đảng {level} {shortName}", "DANG_UY_TRUC_THUOC", prov, "ĐU", place: shortName);
        var gov = Add($"{p.Code}-D2", $"Đảng ủy Ủy ban nhân dân {level} {shortName}", "DANG_UY_TRUC_THUOC", prov, "ĐU", place: shortName);
        var army = Add($"{p.Code}-D3", $"Đảng ủy Quân sự {level} {shortName}", "DANG_UY_TRUC_THUOC", prov, "ĐU", place: shortName);
        var police = Add($"{p.Code}-D4", $"Đảng ủy Công an {level} {shortName}", "DANG_UY_TRUC_THUOC", prov, "ĐU", place: shortName);

        // Stochastic rounding keeps totals linear in --scale while every province keeps at least one commune.
        int Round(double x) => (int)Math.Floor(x) + (rng.NextDouble() < x - Math.Floor(x) ? 1 : 0);
        var communes = Math.Max(1, Round(3321 * scale * share));
        var others = Round(48700 * scale * share);

        var used = new HashSet<string>();
        string UniquePlace()
        {
            for (var i = 0; ; i++)
            {
                var name = Names.Place(rng);
                if (used.Add(name) || i > 20) return name;
            }
        }
        for (var c = 0; c < communes; c++)
        {
            var zone = communes >= 10 && c < p.SpecialZones.Length;
            var place = zone ? p.SpecialZones[c] : UniquePlace();
            var kindWord = zone ? "đặc khu" : rng.NextDouble() < (isCity ? 0.6 : 0.15) ? "phường" : "xã";
            var com = Add($"{p.Code}-X{c + 1:D3}", $"Đảng ủy {kindWord} {place}", "DANG_UY_XA", prov, "ĐU", place: place);
            var monitor = commune(com);
            var n = 25 + rng.Next(41);
            var agencies = Math.Max(2, n / 5);
            for (var i = 0; i < n; i++)
            {
                var (name, kind) = i < agencies ? CommuneAgency(i, kindWord, place, rng) : (Village(p, kindWord, i - agencies + 1, rng), CellKind.Residential);
                var u = Add($"{com.Code}-{i + 1:D2}", name, "CHI_BO", com, kind: kind);
                cell(u, com, monitor);
            }
        }

        for (var g = 0; g < others; g++)
        {
            var kind = PickKind(rng);
            var parent = kind switch
            {
                CellKind.ArmedForces => rng.NextDouble() < 0.6 ? army : police,
                CellKind.AdministrativeAgency => rng.NextDouble() < 0.4 ? party : gov,
                _ => gov,
            };
            var bigOrg = rng.NextDouble() < 0.41;
            var orgName = Organization(kind, parent == police, rng);
            var code = $"{parent.Code}-{g + 1:D4}";
            if (!bigOrg)
            {
                var u = Add(code, $"Chi bộ {orgName}", "CHI_BO_CO_SO", parent, "CB", kind);
                cell(u, parent, null);
                continue;
            }
            var org = Add(code, $"Đảng bộ {orgName}", "DANG_BO_CO_SO", parent, "ĐU", place: shortName);
            var parts = SubUnits(kind, parent == police);
            var n = 2 + rng.Next(6);
            for (var i = 0; i < n; i++)
            {
                var sub = parts[i % parts.Length] + (i >= parts.Length ? $" {i / parts.Length + 1}" : "");
                var u = Add($"{code}-{i + 1:D2}", $"Chi bộ {sub}", "CHI_BO", org, kind: kind);
                cell(u, org, null);
            }
        }
        return prov;
    }

    static CellKind PickKind(Random rng) => rng.Next(100) switch
    {
        < 40 => CellKind.PublicService,
        < 55 => CellKind.AdministrativeAgency,
        < 65 => CellKind.StateEnterprise,
        < 85 => CellKind.PrivateEnterprise,
        < 90 => CellKind.ForeignEnterprise,
        _ => CellKind.ArmedForces,
    };

    static (string, CellKind) CommuneAgency(int i, string kindWord, string place, Random rng) => i switch
    {
        0 => ($"Chi bộ Cơ quan Đảng - Đoàn thể {kindWord}", CellKind.AdministrativeAgency),
        1 => ($"Chi bộ Cơ quan Ủy ban nhân dân {kindWord}", CellKind.AdministrativeAgency),
        2 => ($"Chi bộ Công an {kindWord}", CellKind.ArmedForces),
        3 => ($"Chi bộ Quân sự {kindWord}", CellKind.ArmedForces),
        4 => ($"Chi bộ Trạm Y tế {kindWord} {place}", CellKind.PublicService),
        5 => ($"Chi bộ Trường Mầm non {place}", CellKind.PublicService),
        6 => ($"Chi bộ Trường Tiểu học {place}", CellKind.PublicService),
        7 => ($"Chi bộ Trường THCS {place}", CellKind.PublicService),
        8 => ($"Chi bộ Hợp tác xã {Names.Place(rng)}", CellKind.Other),
        _ => ($"Chi bộ Công ty TNHH {rng.Pick(Names.Industries)} {Names.Place(rng)}", CellKind.PrivateEnterprise),
    };

    static string Village(Province p, string kindWord, int n, Random rng) => (kindWord, p.Region) switch
    {
        ("phường", _) => rng.NextDouble() < 0.5 ? $"Chi bộ khu phố {n}" : $"Chi bộ tổ dân phố {n}",
        (_, Region.NorthMountain) => $"Chi bộ bản {rng.Pick(Names.MountainVillages)} {rng.Pick(Names.PlaceSyllables)}",
        (_, Region.South) => $"Chi bộ ấp {Names.Place(rng)}",
        (_, Region.Highlands) => rng.NextDouble() < 0.3 ? $"Chi bộ buôn {Names.Place(rng)}" : $"Chi bộ thôn {n}",
        _ => $"Chi bộ thôn {Names.Place(rng)}",
    };

    static string Organization(CellKind kind, bool police, Random rng) => kind switch
    {
        CellKind.PublicService => rng.Next(4) switch
        {
            0 => $"Trường THPT {Names.Place(rng)}",
            1 => $"Bệnh viện Đa khoa khu vực {Names.Place(rng)}",
            2 => $"Trung tâm Y tế khu vực {Names.Place(rng)}",
            _ => $"Trường Cao đẳng {rng.Pick(Names.Industries)} {Names.Place(rng)}",
        },
        CellKind.AdministrativeAgency => rng.NextDouble() < 0.5 ? rng.Pick(Names.Agencies) : $"Ban Quản lý dự án khu vực {Names.Place(rng)}",
        CellKind.StateEnterprise => $"Công ty TNHH MTV {rng.Pick(Names.Industries)} {Names.Place(rng)}",
        CellKind.PrivateEnterprise => $"Công ty Cổ phần {rng.Pick(Names.Industries)} {Names.Place(rng)}",
        CellKind.ForeignEnterprise => $"Công ty TNHH {rng.Pick(Names.Industries)} {Names.Place(rng)} Việt Nam",
        _ => police ? $"Phòng {rng.Pick(PolicePhong)}" : $"Ban Chỉ huy Phòng thủ khu vực {rng.Next(1, 9)}",
    };

    static readonly string[] PolicePhong = ["Cảnh sát giao thông", "Cảnh sát hình sự", "An ninh kinh tế", "Cảnh sát PCCC và CNCH", "Cảnh sát kinh tế", "Quản lý xuất nhập cảnh"];

    static string[] SubUnits(CellKind kind, bool police) => kind switch
    {
        CellKind.PublicService => ["Tổ Toán", "Tổ Ngữ văn", "Khoa Nội", "Khoa Ngoại", "Phòng Hành chính - Tổng hợp", "Tổ Khoa học tự nhiên"],
        CellKind.ArmedForces => police ? ["Đội Tổng hợp", "Đội Nghiệp vụ 1", "Đội Nghiệp vụ 2", "Đội Tuần tra"] : ["Đại đội 1", "Đại đội 2", "Đại đội 3", "Cơ quan"],
        CellKind.AdministrativeAgency => Names.Departments,
        _ => ["Phòng Tổ chức - Hành chính", "Phòng Kế toán", "Phân xưởng 1", "Phân xưởng 2", "Phòng Kinh doanh", "Phòng Kỹ thuật"],
    };
}
