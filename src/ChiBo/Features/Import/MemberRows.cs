using ChiBo.Features.Members;
using ChiBo.Features.Search;
using ChiBo.Features.Shared;
using F = ChiBo.Features.Import.ImportFormats.Members;

namespace ChiBo.Features.Import;

/// <summary>
/// One member line of an import, parsed once into typed fields (a national file is 5.6 M of these, so no per-row
/// dictionary); <see cref="Error"/> holds the first thing wrong with it, in the order the row-by-row importer checked.
/// </summary>
public sealed class MemberRow
{
    public int Line;
    public required string FullName;
    public string NameKey = "";
    public byte[] SortKey = [];
    public DateOnly? DateOfBirth;
    public Sex Sex;
    public string? Ethnicity;
    public DateOnly AdmittedOn;
    public DateOnly? OfficialOn;
    public string? PartyCard;
    public string? CitizenId;
    public string? Phone;
    public required string CellCode;
    public DateOnly? JoinedOn;
    public int CellId;
    /// <summary>The first thing wrong with the line, and the header of its column (null when the line as a whole is wrong).</summary>
    public string? Error;
    public string? ErrorColumn;

    public void Refuse(string? column, string message) => (ErrorColumn, Error) = (column, message);

    /// <summary>A rule's refusal, named by its column in the file.</summary>
    public void Refuse(MemberRules.Refusal r) => Refuse(F.Header(r.Field), r.Message);

    /// <summary>Ngày bắt đầu sinh hoạt, or the admission date when the column is blank.</summary>
    public DateOnly Start => JoinedOn ?? AdmittedOn;

    public MemberService.Profile Profile() => new(FullName, DateOfBirth, Sex, Ethnicity, AdmittedOn, OfficialOn, PartyCard, CitizenId, Phone);
}

/// <summary>Reads a member file into <see cref="MemberRow"/>s with the checks that need no database (dates, sex).</summary>
public static class MemberRows
{
    public static (List<MemberRow> Rows, string? Error) Read(string path, Action<int, double> progress)
    {
        try
        {
            using var csv = CsvReader.Open(path);
            if (csv.Headers(F.Required) is { Error: { } error }) return ([], error);
            int name = csv.IndexOf(F.FullName), born = csv.IndexOf(F.DateOfBirth), sex = csv.IndexOf(F.Sex), eth = csv.IndexOf(F.Ethnicity),
                admitted = csv.IndexOf(F.AdmittedOn), official = csv.IndexOf(F.OfficialOn), card = csv.IndexOf(F.PartyCard),
                citizen = csv.IndexOf(F.CitizenId), phone = csv.IndexOf(F.Phone), cell = csv.IndexOf(F.CellCode), joined = csv.IndexOf(F.JoinedOn);
            // Names, ethnicities and cell codes repeat across a national file: one string each instead of millions.
            var shared = new Dictionary<string, string>(StringComparer.Ordinal);
            string? Shared(string? s) => s is null ? null : shared.TryGetValue(s, out var v) ? v : shared[s] = s;
            var rows = new List<MemberRow>();
            while (csv.Next())
            {
                var row = new MemberRow { Line = csv.Line, FullName = Shared(csv[name]) ?? "", CellCode = Shared(csv[cell]) ?? "", Ethnicity = Shared(csv[eth]),
                    PartyCard = csv[card], CitizenId = csv[citizen], Phone = csv[phone] };
                if ((Dates(row, csv[born], csv[admitted], csv[official], csv[joined]) ?? SexOf(row, csv[sex])) is { } bad) row.Refuse(bad.Column, bad.Message);
                rows.Add(row);
                if (rows.Count % 50_000 == 0) progress(rows.Count, csv.Fraction);
            }
            return (rows, null);
        }
        catch (System.Text.DecoderFallbackException) { return ([], CsvRows.NotUtf8); }
    }

    static (string Column, string Message)? Dates(MemberRow row, string? born, string? admitted, string? official, string? joined)
    {
        if (!Optional(F.DateOfBirth, born, out row.DateOfBirth, out var e)) return (F.DateOfBirth, e!);
        if (!TryDate(admitted, out row.AdmittedOn)) return (F.AdmittedOn, Bad(F.AdmittedOn, admitted));
        if (!Optional(F.OfficialOn, official, out row.OfficialOn, out e)) return (F.OfficialOn, e!);
        if (!Optional(F.JoinedOn, joined, out row.JoinedOn, out e)) return (F.JoinedOn, e!);
        return null;
    }

    static bool Optional(string header, string? text, out DateOnly? date, out string? error)
    {
        (date, error) = (null, null);
        if (text is null) return true;
        if (TryDate(text, out var d)) { date = d; return true; }
        error = Bad(header, text);
        return false;
    }

    /// <summary>
    /// dd/MM/yyyy read by hand (four dates a row, 22 M at national size, where TryParseExact's format matching showed up in
    /// the profile); anything else goes through <see cref="Shared.Dates.TryParseVn"/>, so the accepted forms are unchanged.
    /// </summary>
    static bool TryDate(string? text, out DateOnly date)
    {
        if (text is { Length: 10 } t && t[2] == '/' && t[5] == '/' && Digits(t, 0, 2) is var d and > 0 && Digits(t, 3, 2) is var m and >= 1 and <= 12
            && Digits(t, 6, 4) is var y and >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            date = new DateOnly(y, m, d);
            return true;
        }
        return Shared.Dates.TryParseVn(text, out date);
    }

    static int Digits(string s, int start, int length)
    {
        var n = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return -1;
            n = n * 10 + (s[i] - '0');
        }
        return n;
    }

    static (string Column, string Message)? SexOf(MemberRow row, string? text)
    {
        // Most files spell it exactly; only other spellings pay for the accent folding.
        var folded = text is "Nam" ? "nam" : text is "Nữ" ? "nu" : VietnameseText.Fold(text ?? "");
        if (folded is "nam") row.Sex = Sex.Male;
        else if (folded is "nu") row.Sex = Sex.Female;
        else return (F.Sex, $"Giới tính “{text}” không hợp lệ (Nam hoặc Nữ).");
        return null;
    }

    public static string Bad(string header, string? value) => string.IsNullOrWhiteSpace(value)
        ? $"Thiếu “{header}”."
        : $"“{header}” có giá trị “{value}” không phải ngày hợp lệ (định dạng dd/MM/yyyy).";
}
