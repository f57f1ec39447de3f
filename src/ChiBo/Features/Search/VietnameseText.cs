using System.Globalization;
using System.Text;

namespace ChiBo.Features.Search;

public static class VietnameseText
{
    static readonly CompareInfo Collation = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>Orders unit names in memory the Vietnamese way (short lists: children of a node).</summary>
    public static readonly StringComparer NameComparer = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);

    /// <summary>
    /// Accent-free lower-case key: "Nguyễn Văn Đức" → "nguyen van duc". Stored beside every searchable
    /// name so one indexed column answers accent-insensitive search on SQLite and PostgreSQL alike.
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastSpace = true;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = ch switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(ch) };
            if (char.IsWhiteSpace(c))
            {
                if (!lastSpace) sb.Append(' ');
                lastSpace = true;
                continue;
            }
            sb.Append(c);
            lastSpace = false;
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// Bytes that sort like the vi-VN collation (An, Ánh, Ấn, Bình, Dũng, Đức), comparable bytewise,
    /// so ORDER BY works the same on SQLite (no ICU) and PostgreSQL. Given name first, as Vietnamese
    /// lists are sorted. If the ICU version changes, keys must be recomputed (sort order only).
    /// </summary>
    public static byte[] PersonSortKey(string fullName)
    {
        var parts = fullName.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var given = parts.Length > 0 ? parts[^1] : "";
        return Collation.GetSortKey(given + " " + fullName.Trim(), CompareOptions.None).KeyData;
    }
}
