using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChiBo.Features.Documents;

/// <summary>T/M (on behalf of a collective), K/T (a deputy signs for the head), T/L (an office signs by order), or a plain signature.</summary>
public enum SignatureForm { None, OnBehalf, ForHead, ByOrder }

/// <summary>The signature block: "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ / Cao Trang Trọng". <paramref name="Note"/> prints under the position ("(Dự thảo)").</summary>
public record SignatureBlock(SignatureForm Form, string? Collective, string? Position, string? SignerName, string? HeadPosition = null, string? Note = null)
{
    public IEnumerable<string> Lines()
    {
        switch (Form)
        {
            case SignatureForm.OnBehalf: yield return $"T/M {Collective}"; break;
            case SignatureForm.ForHead: yield return $"K/T {HeadPosition}"; break;
            case SignatureForm.ByOrder: yield return $"T/L {Collective}"; break;
        }
        if (!string.IsNullOrWhiteSpace(Position)) yield return Position!;
    }

    public static string Code(SignatureForm f) => f switch { SignatureForm.OnBehalf => "T/M", SignatureForm.ForHead => "K/T", SignatureForm.ByOrder => "T/L", _ => "" };
}

/// <summary>The visible stamp of a digital signature, worded like seed 003's.</summary>
public record DigitalStamp(DateTimeOffset At, string Issuer, string Email)
{
    public override string ToString() =>
        $"{At.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)}{(At.Offset < TimeSpan.Zero ? "-" : "+")}{At.Offset:hhmm} Việt Nam {Issuer}<{Email}> đã ký lên văn bản này!";
}

/// <summary>The issuer columns: parent organization, issuer, star and number on the left; the Party's name and the place and date on the right.</summary>
public record Letterhead(string? ParentOrg, string Issuer, string? Symbol, string? Place, DateOnly? Date)
{
    /// <summary>The committee one level up, for "Kính gửi" and "Nơi nhận" of reports sent upward (not printed in the header).</summary>
    public string? UpperCommittee { get; init; }

    /// <summary>Who signs on the issuer's behalf: "Chi bộ" for a cell, "Đảng ủy" for a grassroots or commune committee, the standing committee above that.</summary>
    public string Collective => Issuer.StartsWith("Chi bộ", StringComparison.OrdinalIgnoreCase) ? "Chi bộ"
        : Issuer.StartsWith("Đảng ủy", StringComparison.OrdinalIgnoreCase) ? "Đảng ủy" : "Ban Thường vụ";
}

/// <summary>
/// A party document in the official layout (Hướng dẫn 36-HD/VPTW): letterhead, type and summary (or, for a letter, the summary
/// under the number and "Kính gửi:"), the body, then "Nơi nhận" beside the signature block, then any digital-signature stamps.
/// </summary>
public record OfficialDocument(Letterhead Head, string? TypeTitle, string? Summary, Action<Body> Content)
{
    /// <summary>Kính gửi: set for letters (Công văn) and reports addressed upward.</summary>
    public string? Addressee { get; init; }
    /// <summary>A letter carries its summary under the number instead of a title.</summary>
    public bool Letter { get; init; }
    public IReadOnlyList<string> Recipients { get; init; } = [];
    public SignatureBlock? Signature { get; init; }
    public IReadOnlyList<DigitalStamp> Stamps { get; init; } = [];
    /// <summary>Annexes after the signature (a campaign report's figures table), on a new page.</summary>
    public Action<Body>? Annex { get; init; }
}

/// <summary>
/// The one place the official layout is written. Every document the product prints — letters and conclusions from the register,
/// meeting minutes, thematic plans, group and campaign reports — goes through <see cref="Render"/> or, for a book of several
/// minutes, through <see cref="Head"/>.
/// </summary>
public static class OfficialLayout
{
    public static byte[] Render(OfficialDocument d) => Docx.Build(body => Write(body, d));

    public static void Write(Body body, OfficialDocument d)
    {
        Head(body, d.Head, d.Letter ? d.Summary : null);
        if (!d.Letter && d.TypeTitle is not null)
        {
            body.Append(Docx.P(d.TypeTitle.ToUpper(Vi), bold: true, size: 30, center: true, before: 240));
            if (!string.IsNullOrWhiteSpace(d.Summary))
                foreach (var line in d.Summary.Split('\n')) body.Append(Docx.P(line.Trim(), bold: true, center: true));
            body.Append(Docx.P("-----", center: true));
        }
        if (!string.IsNullOrWhiteSpace(d.Addressee))
            body.Append(Docx.P("Kính gửi: " + d.Addressee, center: true, before: 160));
        d.Content(body);
        Closing(body, d.Recipients, d.Signature);
        foreach (var s in d.Stamps) body.Append(Docx.P(s.ToString(), italic: true, size: 20, before: 120));
        if (d.Annex is not null)
        {
            body.Append(Docx.PageBreak());
            d.Annex(body);
        }
    }

    /// <summary>The letterhead: two borderless columns so the Party's name sits level with the issuer (as in seeds 002–004).</summary>
    public static void Head(Body body, Letterhead h, string? letterSummary = null)
    {
        var left = new TableCell(new TableCellProperties(new TableCellWidth { Width = "2100", Type = TableWidthUnitValues.Pct }));
        if (!string.IsNullOrWhiteSpace(h.ParentOrg)) left.Append(Docx.P(h.ParentOrg.ToUpper(Vi), center: true, size: 26));
        left.Append(Docx.P(h.Issuer.ToUpper(Vi), bold: true, center: true, size: 26));
        left.Append(Docx.P("*", center: true));
        left.Append(Docx.P(h.Symbol is { } s ? $"Số {s}" : "Số       -…/…", center: true, size: 26));
        if (!string.IsNullOrWhiteSpace(letterSummary))
            foreach (var line in letterSummary.Split('\n')) left.Append(Docx.P(line.Trim(), italic: true, center: true, size: 24));
        var right = new TableCell(new TableCellProperties(new TableCellWidth { Width = "2900", Type = TableWidthUnitValues.Pct }),
            Docx.P("ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, center: true, size: 28, underline: true),
            Docx.P(""),
            Docx.P(PlaceAndDate(h.Place, h.Date), italic: true, center: true, size: 26));
        body.Append(Borderless(new TableRow(left, right)));
    }

    /// <summary>"Nơi nhận" on the left, the signature block on the right, level with each other.</summary>
    static void Closing(Body body, IReadOnlyList<string> recipients, SignatureBlock? sig)
    {
        if (recipients.Count == 0 && sig is null) return;
        var left = new TableCell(new TableCellProperties(new TableCellWidth { Width = "2300", Type = TableWidthUnitValues.Pct }));
        if (recipients.Count > 0)
        {
            left.Append(Docx.P("Nơi nhận:", bold: true, underline: true, size: 24, before: 240));
            foreach (var r in recipients) left.Append(Docx.P("- " + r.Trim().TrimStart('-', ' '), size: 22));
        }
        else left.Append(Docx.P(""));
        var right = new TableCell(new TableCellProperties(new TableCellWidth { Width = "2700", Type = TableWidthUnitValues.Pct }));
        if (sig is not null)
        {
            var first = true;
            foreach (var line in sig.Lines())
            {
                right.Append(Docx.P(line.ToUpper(Vi), bold: true, center: true, before: first ? 240 : 0));
                first = false;
            }
            if (first) right.Append(Docx.P("", before: 240));
            right.Append(Docx.P(sig.Note ?? "", italic: true, center: true, size: 22));
            right.Append(Docx.P(""));
            right.Append(Docx.P(sig.SignerName ?? "", bold: true, center: true, before: 480));
        }
        else right.Append(Docx.P(""));
        body.Append(Borderless(new TableRow(left, right)));
    }

    /// <summary>"Tam Đường, ngày 10 tháng 01 năm 2023": day below 10 and months 1–2 take a leading zero (36-HD/VPTW).</summary>
    public static string PlaceAndDate(string? place, DateOnly? date)
    {
        var prefix = string.IsNullOrWhiteSpace(place) ? "" : place + ", ";
        if (date is not { } d) return prefix + "ngày     tháng     năm 20…";
        var day = d.Day < 10 ? $"0{d.Day}" : d.Day.ToString(CultureInfo.InvariantCulture);
        var month = d.Month < 3 ? $"0{d.Month}" : d.Month.ToString(CultureInfo.InvariantCulture);
        return $"{prefix}ngày {day} tháng {month} năm {d.Year}";
    }

    /// <summary>The party organization a committee leads, as the header's first line names it: "Tỉnh ủy Lai Châu" → "Đảng bộ tỉnh Lai Châu".</summary>
    public static string PartyBodyOf(string committeeName)
    {
        (string Committee, string Body)[] forms =
        [
            ("Tỉnh ủy ", "Đảng bộ tỉnh "), ("Thành ủy ", "Đảng bộ thành phố "), ("Huyện ủy ", "Đảng bộ huyện "), ("Thị ủy ", "Đảng bộ thị xã "),
            ("Quận ủy ", "Đảng bộ quận "), ("Đảng ủy ", "Đảng bộ "),
        ];
        foreach (var (c, b) in forms)
            if (committeeName.StartsWith(c, StringComparison.OrdinalIgnoreCase)) return b + committeeName[c.Length..];
        return committeeName;
    }

    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    static Table Borderless(TableRow row) => new(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
        new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
            new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })), row);
}
