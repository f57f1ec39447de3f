using System.Text;
using System.Text.RegularExpressions;

namespace ChiBo.Features.Documents;

/// <summary>
/// The three source documents (seeds 002–004), read from their text as shipped and turned into register entries with their
/// numbers, issuers, dates, recipients, text and signers — the round trip the documents issue asks for — plus the documents
/// they implement, so seed 003's chain (1066-KL/HU → 59-KH/TU → 18-KL/TW → 10-CT/TW) exists in the register.
/// </summary>
public static partial class SeedDocuments
{
    public record Seed(string Key, ExternalInput Input, string[] Implements);

    /// <summary>The documents the seeds cite, entered by number only (issuer, date, summary as the seeds quote them).</summary>
    public static IEnumerable<Seed> Cited(int registerUnitId) =>
    [
        new("10-CT/TW", new ExternalInput("10-CT/TW", "CT", new DateOnly(2007, 3, 30), "Về nâng cao chất lượng sinh hoạt chi bộ", "Ban Bí thư", registerUnitId), []),
        new("18-KL/TW", new ExternalInput("18-KL/TW", "KL", new DateOnly(2017, 9, 22),
            "Về tiếp tục đẩy mạnh thực hiện Chỉ thị số 10-CT/TW của Ban Bí thư khóa X \"Về nâng cao chất lượng sinh hoạt chi bộ\" trong tình hình mới", "Ban Bí thư", registerUnitId), ["10-CT/TW"]),
        new("59-KH/TU", new ExternalInput("59-KH/TU", "KH", new DateOnly(2018, 8, 10), "Thực hiện Kết luận số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư",
            "Ban Thường vụ Tỉnh ủy Lâm Đồng", registerUnitId), ["18-KL/TW"]),
    ];

    /// <summary>Seed 004, the district letter: every part as printed.</summary>
    public static Seed Letter824(int registerUnitId)
    {
        var text = Read("004_cong-van-824-CV-HU.txt");
        return new("824-CV/HU", new ExternalInput("824-CV/HU", "CV", new DateOnly(2023, 1, 10), "Tiếp tục lãnh đạo, chỉ đạo\nnâng cao chất lượng sinh hoạt chi bộ",
            "Huyện ủy Tam Đường", registerUnitId, HeaderParent: "Đảng bộ tỉnh Lai Châu", Place: "Tam Đường", Addressee: "Các chi, đảng bộ cơ sở.",
            Body: Reflow(Between(text, "Kính gửi:", "Nơi nhận:", skipFirstLine: true)), Recipients: Recipients(Between(text, "Nơi nhận:", "T/M")),
            SignatureForm: SignatureForm.OnBehalf, SignerFor: "Ban Thường vụ", SignerPosition: "Phó Bí thư", SignerName: LastLine(text)), ["18-KL/TW"]);
    }

    /// <summary>Seed 003, the district conclusion after the five-year review (its two signature stamps belong to the original file).</summary>
    public static Seed Conclusion1066(int registerUnitId)
    {
        var text = Read("003_ket-luan-1066-KL-HU.txt");
        var signer = text[..text.IndexOf("2023-08-11T", StringComparison.Ordinal)];
        return new("1066-KL/HU", new ExternalInput("1066-KL/HU", "KL", new DateOnly(2023, 8, 11),
            "Hội nghị sơ kết 05 năm thực hiện Kế hoạch số 59-KH/TU,\nngày 10/8/2018 của Ban Thường vụ Tỉnh ủy", "Huyện ủy Cát Tiên", registerUnitId,
            HeaderParent: "Đảng bộ tỉnh Lâm Đồng", Place: "Cát Tiên", Body: Reflow(Between(text, "-----", "Nơi nhận:", skipFirstLine: true)),
            Recipients: Recipients(Between(text, "Nơi nhận:", "T/M")), SignatureForm: SignatureForm.OnBehalf, SignerFor: "Huyện ủy", SignerPosition: "Bí thư",
            SignerName: LastLine(signer)), ["59-KH/TU"]);
    }

    /// <summary>Seed 002, the provincial plan; the copy carries neither its number nor its header, so it is entered as "…-KH/TU" and its date is the year's.</summary>
    public static Seed Plan002(int registerUnitId)
    {
        var text = Read("002_ke-hoach-tong-ket-10-CT-TW.txt");
        var main = text[..text.IndexOf("ĐỀ CƯƠNG BÁO CÁO", StringComparison.Ordinal)];
        var summaryEnd = main.IndexOf("**", main.IndexOf("**", StringComparison.Ordinal) + 2, StringComparison.Ordinal) + 2;
        return new("KH/TU-2017", new ExternalInput("-KH/TU", "KH", new DateOnly(2017, 1, 1),
            "Tổng kết 10 năm thực hiện Chỉ thị số 10-CT/TW, ngày 30/3/2007\ncủa Ban Bí thư về nâng cao chất lượng sinh hoạt chi bộ", "Tỉnh ủy", registerUnitId,
            Body: Reflow(Between(main[summaryEnd..], "", "Nơi nhận:").Replace("*TM*", "")), Recipients: Recipients(Between(main, "Nơi nhận:", "T/M")),
            SignatureForm: SignatureForm.OnBehalf, SignerFor: "Ban Thường vụ", SignerPosition: "Phó Bí thư", SignerName: LastLine(main)), ["10-CT/TW"]);
    }

    static string Read(string name)
    {
        using var s = typeof(SeedDocuments).Assembly.GetManifestResourceStream("Seeds." + name)
            ?? throw new InvalidOperationException($"Seed {name} is not embedded.");
        using var r = new StreamReader(s, Encoding.UTF8);
        return r.ReadToEnd().Replace("\r", "");
    }

    static string Between(string text, string start, string end, bool skipFirstLine = false)
    {
        var a = start.Length == 0 ? 0 : text.IndexOf(start, StringComparison.Ordinal);
        if (a < 0) throw new InvalidOperationException($"'{start}' not found in seed.");
        if (skipFirstLine) a = text.IndexOf('\n', a) + 1;
        else a += start.Length;
        var b = text.IndexOf(end, a, StringComparison.Ordinal);
        return text[a..(b < 0 ? text.Length : b)];
    }

    static string LastLine(string text) => text.Split('\n').Select(l => l.Trim().Trim('*').Trim()).Last(l => l.Length > 0);

    static string Recipients(string block) =>
        string.Join('\n', block.Split('\n').Select(l => l.Trim().Trim('*')).Where(l => l.StartsWith('-')).Select(l => l.TrimStart('-', ' ')));

    /// <summary>
    /// Joins the hard-wrapped lines of a PDF's text back into paragraphs: a new paragraph starts at a heading ("I.", "1.", "-")
    /// or after a line that ends a sentence; a word broken at "01-" joins without a space. Emphasis marks (*…*) are dropped.
    /// </summary>
    public static string Reflow(string block)
    {
        var paragraphs = new List<StringBuilder>();
        foreach (var raw in block.Split('\n'))
        {
            var line = Regex.Replace(raw, @"\*+", "").Trim();
            if (line.Length == 0) continue;
            var last = paragraphs.LastOrDefault();
            var prev = last?.ToString() ?? "";
            if (last is null || StartsParagraph().IsMatch(line) || prev.EndsWith('.') || prev.EndsWith(':') || prev.EndsWith(';') || prev.EndsWith('!'))
                paragraphs.Add(new StringBuilder(line));
            else if (prev.EndsWith('-')) last.Append(line);
            else last.Append(' ').Append(line);
        }
        return string.Join('\n', paragraphs.Select(p => p.ToString()));
    }

    [GeneratedRegex(@"^([IVX]+\.|\d+\.|-\s|\+\s)")]
    private static partial Regex StartsParagraph();
}
