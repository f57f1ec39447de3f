using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using ChiBo.Features.Search;

namespace ChiBo.Bench;

/// <summary>A generated member, kept only while its cell's meetings are being made.</summary>
public sealed class Person
{
    public int Id;
    public required string FullName;
    public Sex Sex;
    public DateOnly Born;
    public DateOnly Admitted;
    public DateOnly? Official;
    public DateOnly JoinedCell;
    public bool Exempt;
}

/// <summary>Members of one cell: profile, membership, positions, exemptions, and the import CSV line.</summary>
public sealed class People(Context ctx)
{
    // Full names repeat (≈ 30 × 20 × 60 combinations), so the folded key and the ICU sort key are computed once per name.
    readonly Dictionary<string, (string Key, byte[] Sort)> _keys = [];
    readonly List<Person> _cell = [];

    public List<Person> MakeCell(UnitRef cell, Province p, Random rng)
    {
        _cell.Clear();
        var size = 7 + rng.Next(15) + rng.Next(14);
        for (var i = 0; i < size; i++) _cell.Add(Make(cell, p, rng));
        var active = _cell.Where(m => !m.Exempt && m.Official is not null).ToList();
        // The secretary and (in cells of ten or more) a deputy hold positions from the tree's date on.
        if (active.Count > 0) Assign(active[0], cell, Features.Members.Position.Secretary);
        if (active.Count > 1 && _cell.Count >= 10) Assign(active[1], cell, Features.Members.Position.DeputySecretary);
        return _cell;
    }

    void Assign(Person m, UnitRef cell, Position position)
    {
        if (!ctx.TreeOnly) ctx.Tables["MemberPositions"].Row().I(ctx.Ids.Next("MemberPositions")).I(m.Id).I(cell.Id).S(position.ToString()).D(Context.TreeFrom).D(null);
    }

    Person Make(UnitRef cell, Province p, Random rng)
    {
        var female = rng.NextDouble() < (cell.Kind is CellKind.ArmedForces ? 0.12 : cell.Kind is CellKind.PublicService ? 0.6 : 0.38);
        var sex = female ? Sex.Female : Sex.Male;
        var family = rng.Weighted(Names.Families, Names.FamilyTotal);
        var name = female
            ? $"{family} {rng.Pick(Names.FemaleMiddle)} {rng.Pick(Names.FemaleGiven)}"
            : $"{family} {rng.Pick(Names.MaleMiddle)} {rng.Pick(Names.MaleGiven)}";
        var roll = rng.NextDouble();
        var exempt = roll < 0.02;
        var probationary = !exempt && roll < 0.05;
        var (minAge, maxAge) = cell.Kind switch
        {
            _ when exempt => (75, 92),
            _ when probationary => (20, 34),
            CellKind.Residential => (26, 85),
            CellKind.ArmedForces => (22, 50),
            _ => (24, 60),
        };
        var age = minAge + rng.Next(maxAge - minAge + 1);
        var born = Context.AgeBase.AddYears(-age).AddDays(-rng.Next(365));
        DateOnly admitted;
        DateOnly? official;
        if (probationary)
        {
            // Admitted after the tree's date: they join the roll (and the attendance lists) from that day on.
            admitted = Context.TreeFrom.AddDays(30 + rng.Next(150));
            official = null;
        }
        else
        {
            var earliest = born.AddYears(18);
            var latest = new DateOnly(2024, 6, 30);
            var span = Math.Max(1, latest.DayNumber - earliest.DayNumber);
            admitted = earliest.AddDays(Math.Min(span - 1, (int)(span * Math.Pow(rng.NextDouble(), 1.6))));
            official = admitted.AddYears(1).AddDays(rng.Next(45));
        }
        var m = new Person
        {
            Id = ctx.Ids.Next("Members"), FullName = name, Sex = sex, Born = born, Admitted = admitted, Official = official, Exempt = exempt,
            JoinedCell = admitted > Context.TreeFrom ? admitted : Context.TreeFrom,
        };
        if (!_keys.TryGetValue(name, out var keys)) _keys[name] = keys = (VietnameseText.Fold(name), VietnameseText.PersonSortKey(name));
        var ethnicity = Ethnicity(p.Region, rng);
        var card = $"{p.No:D2}{m.Id:D9}";
        var century = (born.Year >= 2000 ? 2 : 0) + (female ? 1 : 0);
        var citizen = $"0{p.No:D2}{century}{born.Year % 100:D2}{m.Id % 1_000_000:D6}";
        var phone = $"09{(uint)(m.Id * 2654435761u) % 100_000_000:D8}";
        DateOnly decided = default;
        if (exempt) decided = new DateOnly(2015, 1, 1).AddDays(rng.Next(3800));
        ctx.Csv?.WriteLine(string.Join(',', name, Vn(born), female ? "Nữ" : "Nam", ethnicity, Vn(admitted), official is { } o ? Vn(o) : "",
            card, citizen, phone, cell.Code, Vn(m.JoinedCell)));
        // --tree-only: the member exists only in the CSV, for the import benchmark to load through the product.
        if (ctx.TreeOnly) return m;
        ctx.Tables["Members"].Row().I(m.Id).S(name).S(keys.Key).Bytes(keys.Sort).D(born).S(sex.ToString()).S(ethnicity).D(admitted).D(official)
            .S(card).S(citizen).S(phone).D(null).I(0);
        ctx.Tables["Memberships"].Row().I(ctx.Ids.Next("Memberships")).I(m.Id).I(cell.Id).D(m.JoinedCell).D(null).S(null);
        if (exempt)
        {
            ctx.Tables["Exemptions"].Row().I(ctx.Ids.Next("Exemptions")).I(m.Id).S(nameof(ExemptionKind.Exempt)).D(decided).D(decided).D(null)
                .S("Tuổi cao, sức khỏe yếu");
        }
        return m;
    }

    static string Ethnicity(Region region, Random rng) => region switch
    {
        Region.NorthMountain => rng.NextDouble() < 0.45 ? "Kinh" : rng.Pick(["Thái", "Tày", "H'Mông", "Nùng", "Dao", "Giáy"]),
        Region.Highlands => rng.NextDouble() < 0.8 ? "Kinh" : rng.Pick(["Ê Đê", "Gia Rai", "Ba Na", "Cơ Ho", "Mạ"]),
        Region.South => rng.NextDouble() < 0.92 ? "Kinh" : rng.Pick(["Khmer", "Hoa", "Chăm"]),
        _ => rng.NextDouble() < 0.96 ? "Kinh" : rng.Pick(["Mường", "Thái", "Tày"]),
    };

    static string Vn(DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The import file's header, in ImportFormats.Members' names and order.</summary>
    public static string CsvHeader
    {
        get
        {
            const string sep = ",";
            return string.Join(sep, Features.Import.ImportFormats.Members.FullName, Features.Import.ImportFormats.Members.DateOfBirth,
                Features.Import.ImportFormats.Members.Sex, Features.Import.ImportFormats.Members.Ethnicity, Features.Import.ImportFormats.Members.AdmittedOn,
                Features.Import.ImportFormats.Members.OfficialOn, Features.Import.ImportFormats.Members.PartyCard, Features.Import.ImportFormats.Members.CitizenId,
                Features.Import.ImportFormats.Members.Phone, Features.Import.ImportFormats.Members.CellCode, Features.Import.ImportFormats.Members.JoinedOn);
        }
    }
}
