using System.Text;

namespace ChiBo.Features.Import;

/// <summary>One data row of an uploaded CSV, addressed by its Vietnamese header, with its line number in the file.</summary>
public record CsvRow(int Line, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[string header] => Cells.TryGetValue(header, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>
/// RFC 4180 reader (quotes, doubled quotes, line breaks inside quotes) that keeps the line on which each
/// record starts, so an error can name the line a person sees in their spreadsheet or editor.
/// Written here because the CsvHelper version on the package mirror changed its API; this is all we need.
/// </summary>
public static class CsvRows
{
    public static (List<CsvRow> Rows, string? Error) Read(byte[] content, IReadOnlyList<string> requiredHeaders)
    {
        string body;
        try { body = new UTF8Encoding(false, true).GetString(content); }
        catch (DecoderFallbackException) { return ([], "Tệp không phải UTF-8. Hãy lưu tệp CSV với mã hóa UTF-8."); }
        body = body.TrimStart('\uFEFF');
        var firstLine = body.Split('\n', 2)[0];
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var records = Parse(body, delimiter);
        if (records.Count == 0) return ([], "Tệp trống: không có dòng tiêu đề.");
        var headers = records[0].Fields.Select(h => h.Trim()).ToArray();
        var missing = requiredHeaders.Where(h => !headers.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0) return ([], $"Thiếu cột: {string.Join(", ", missing.Select(m => $"“{m}”"))}.");
        var rows = new List<CsvRow>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < headers.Length; i++) cells[headers[i]] = i < fields.Count ? fields[i] : "";
            rows.Add(new CsvRow(line, cells));
        }
        return (rows, null);
    }

    static List<(int Line, List<string> Fields)> Parse(string text, char delimiter)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        int line = 1, start = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            if (c == '"' && field.Length == 0) { quoted = true; any = true; }
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); any = true; }
            else if (c == '\r') { }
            else if (c == '\n')
            {
                if (any || field.Length > 0) { fields.Add(field.ToString()); records.Add((start, fields)); }
                fields = []; field.Clear(); any = false; line++; start = line;
            }
            else { field.Append(c); any = true; }
        }
        if (any || field.Length > 0) { fields.Add(field.ToString()); records.Add((start, fields)); }
        return records;
    }
}
