using ChiBo.Features.Shared;

namespace ChiBo.Features.Members;

/// <summary>
/// What a clerk could plausibly mean for one member, in one place: a member added or edited by hand
/// (<see cref="MemberService"/>) and every line of an import, small or national (the bulk checks run the same rules on
/// both databases and on PostgreSQL's large-file path). A value no clerk would mean is refused with its field and the
/// reason, instead of being stored and counted: an admission in 2030, a card "ABC", a name a spreadsheet runs as a formula.
/// </summary>
public static class MemberRules
{
    public enum Field { FullName, DateOfBirth, Ethnicity, AdmittedOn, OfficialOn, PartyCard, CitizenId, Phone, JoinedOn }

    /// <summary>A refused value: which field and why, in Vietnamese.</summary>
    public readonly record struct Refusal(Field Field, string Message)
    {
        /// <summary>The field as the API names it (a 400's errors key).</summary>
        public string ApiName => Field switch
        {
            Field.FullName => "fullName",
            Field.DateOfBirth => "dateOfBirth",
            Field.Ethnicity => "ethnicity",
            Field.AdmittedOn => "admittedOn",
            Field.OfficialOn => "officialOn",
            Field.PartyCard => "partyCardNumber",
            Field.CitizenId => "citizenId",
            Field.Phone => "phone",
            _ => "joinedOn",
        };
    }

    /// <summary>The Communist Party of Viet Nam was founded on 03/02/1930: no admission or party life starts before it.</summary>
    public static readonly DateOnly PartyFounded = new(1930, 2, 3);

    /// <summary>
    /// Birth dates from 1900 on: the members admitted in the Party's first years were born around 1900–1912, so an
    /// earlier year is a typing error (1899 for 1989), not history.
    /// </summary>
    public static readonly DateOnly EarliestBirth = new(1900, 1, 1);

    /// <summary>Điều lệ Đảng, Điều 1: a person is admitted from the age of 18.</summary>
    public const int AdmissionAge = 18;

    /// <summary>
    /// Party card numbers (số thẻ đảng viên): digits only, 8 to 12 of them. The cards the Central Organization Commission
    /// issues carry a numeric series (the demo's cards are 8 digits, the national generator's 2-digit province code plus
    /// 9 digits); printed cards group the digits with a dot, which a clerk drops when typing. Letters ("ABC"), and fewer than
    /// 8 or more than 12 digits, are not a card anyone holds.
    /// </summary>
    public const int CardMinDigits = 8, CardMaxDigits = 12;

    /// <summary>A character that makes a spreadsheet run a cell as a formula (OWASP CSV injection) or a control character.</summary>
    public static char? FormulaStart(string? text) =>
        text is { Length: > 0 } t && (t[0] is '=' or '+' or '-' or '@' || char.IsControl(t[0])) ? t[0] : null;

    static string Shown(char c) => c switch { '\t' => "ký tự tab", '\r' or '\n' => "ký tự xuống dòng", _ when char.IsControl(c) => "ký tự điều khiển", _ => $"“{c}”" };

    /// <summary>Refuses a text field that a spreadsheet would read as a formula, or that carries a control character.</summary>
    public static string? Text(string label, string? value)
    {
        if (value is null) return null;
        if (FormulaStart(value.Trim()) is { } c)
            return $"{label} “{value.Trim()}” bắt đầu bằng {Shown(c)}: không được bắt đầu bằng =, +, -, @ (bảng tính hiểu là công thức).";
        if (value.Trim().Any(char.IsControl)) return $"{label} có ký tự điều khiển (tab, xuống dòng): hãy nhập lại.";
        return null;
    }

    /// <summary>The profile's values, "today" being the caller's (the clock of the request or of the import).</summary>
    public static Refusal? Check(MemberService.Profile p, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(p.FullName)) return new(Field.FullName, "Họ và tên không được để trống.");
        if (p.FullName.Trim().Length > 150) return new(Field.FullName, "Họ và tên quá dài (tối đa 150 ký tự).");
        if (Text("Họ và tên", p.FullName) is { } name) return new(Field.FullName, name);
        if (p.Ethnicity is { } eth && eth.Trim().Length > 50) return new(Field.Ethnicity, "Dân tộc quá dài (tối đa 50 ký tự).");
        if (Text("Dân tộc", p.Ethnicity) is { } e) return new(Field.Ethnicity, e);
        if (p.DateOfBirth is { } b)
        {
            if (b < EarliestBirth) return new(Field.DateOfBirth, $"Ngày sinh {b.Vn()} trước năm 1900: hãy kiểm tra lại.");
            if (b > today) return new(Field.DateOfBirth, Future("Ngày sinh", b, today));
        }
        if (p.AdmittedOn < PartyFounded) return new(Field.AdmittedOn, BeforeParty("Ngày vào Đảng", p.AdmittedOn));
        if (p.AdmittedOn > today) return new(Field.AdmittedOn, Future("Ngày vào Đảng", p.AdmittedOn, today));
        if (p.OfficialOn is { } o && o < p.AdmittedOn) return new(Field.OfficialOn, "Ngày chính thức không được trước ngày vào Đảng.");
        if (p.OfficialOn is { } o2 && o2 > today) return new(Field.OfficialOn, Future("Ngày chính thức", o2, today));
        if (p.DateOfBirth is { } born && p.AdmittedOn < born.AddYears(AdmissionAge)) return new(Field.AdmittedOn, "Đảng viên phải đủ 18 tuổi khi vào Đảng.");
        if (Card(p.PartyCardNumber) is { } card) return new(Field.PartyCard, card);
        if (p.CitizenId?.Trim() is { Length: > 0 } c && (c.Length != 12 || !c.All(char.IsAsciiDigit))) return new(Field.CitizenId, "Số CCCD phải gồm đúng 12 chữ số.");
        if (p.Phone?.Trim() is { Length: > 0 } ph && (ph.Length is < 9 or > 12 || !ph.All(char.IsAsciiDigit))) return new(Field.Phone, "Số điện thoại phải gồm 9 đến 12 chữ số.");
        return null;
    }

    /// <summary>Ngày bắt đầu sinh hoạt in a cell: not before the Party, not in the future (a transfer is recorded once it happened).</summary>
    public static Refusal? Start(DateOnly start, DateOnly today)
    {
        if (start < PartyFounded) return new(Field.JoinedOn, BeforeParty("Ngày bắt đầu sinh hoạt", start));
        if (start > today) return new(Field.JoinedOn, Future("Ngày bắt đầu sinh hoạt", start, today));
        return null;
    }

    /// <summary>The real reason a start date falls outside the cell's life (founded on <paramref name="from"/>, ended on <paramref name="to"/>).</summary>
    public static string? CellLife(string cellName, DateOnly from, DateOnly? to, DateOnly start) =>
        start < from ? $"Ngày bắt đầu sinh hoạt {start.Vn()} trước ngày thành lập {cellName} ({from.Vn()})."
        : to is { } end && start >= end ? $"Ngày bắt đầu sinh hoạt {start.Vn()} từ ngày {cellName} đã thôi hoạt động ({end.Vn()}) trở đi."
        : null;

    static string? Card(string? card)
    {
        if (card?.Trim() is not { Length: > 0 } c) return null;
        if (!c.All(char.IsAsciiDigit) || c.Length is < CardMinDigits or > CardMaxDigits)
            return $"Số thẻ đảng “{c}” không đúng định dạng: gồm {CardMinDigits} đến {CardMaxDigits} chữ số, không có chữ, dấu chấm hay khoảng trắng.";
        return null;
    }

    static string Future(string label, DateOnly d, DateOnly today) => $"{label} {d.Vn()} ở sau ngày hôm nay ({today.Vn()}).";
    static string BeforeParty(string label, DateOnly d) => $"{label} {d.Vn()} trước ngày thành lập Đảng ({PartyFounded.Vn()}).";
}
