using System.Text;

namespace ChiBo.Features.Import;

/// <summary>One data row of an uploaded CSV, addressed by its Vietnamese header, with its line number in the file.</summary>
public record CsvRow(int Line, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[string header] => Cells.TryGetValue(header, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>
/// RFC 4180 reading for the small unit files: every row as a dictionary by header. Member files can be national-size
/// (hundreds of MB), so they go through <see cref="CsvReader"/> record by record instead of through this.
/// </summary>
public static class CsvRows
{
    public const string NotUtf8 = "Tệp không phải UTF-8. Hãy lưu tệp CSV với mã hóa UTF-8.";
    public const string Empty = "Tệp trống: không có dòng tiêu đề.";

    public static (List<CsvRow> Rows, string? Error) Read(string path, IReadOnlyList<string> requiredHeaders)
    {
        try
        {
            using var csv = CsvReader.Open(path);
            if (csv.Headers(requiredHeaders) is { Error: { } error }) return ([], error);
            var rows = new List<CsvRow>();
            while (csv.Next())
            {
                var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < csv.HeaderNames.Count; i++) cells[csv.HeaderNames[i]] = csv.Field(i) ?? "";
                rows.Add(new CsvRow(csv.Line, cells));
            }
            return (rows, null);
        }
        catch (DecoderFallbackException) { return ([], NotUtf8); }
    }

    /// <summary>Human-readable "missing columns" message, or null when every required header is there.</summary>
    public static string? Missing(IReadOnlyList<string> headers, IReadOnlyList<string> required)
    {
        var missing = required.Where(h => !headers.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        return missing.Count == 0 ? null : $"Thiếu cột: {string.Join(", ", missing.Select(m => $"“{m}”"))}.";
    }
}

/// <summary>
/// Streaming RFC 4180 reader (quotes, doubled quotes, line breaks inside quotes) that keeps the line on which each record
/// starts, so an error names the line a person sees in their editor. Written here because the CsvHelper version on the
/// package mirror changed its API. Reads a 64 K buffer at a time: a 600 MB file is never held whole in memory.
/// Invalid UTF-8 throws <see cref="DecoderFallbackException"/> while reading.
/// </summary>
public sealed class CsvReader : IDisposable
{
    readonly TextReader _reader;
    readonly char _delimiter;
    readonly char[] _buffer = new char[1 << 16];
    int _pos, _len, _line = 1;
    readonly List<string> _fields = [];
    readonly StringBuilder _field = new();

    public int Line { get; private set; }
    public IReadOnlyList<string> HeaderNames { get; private set; } = [];
    Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    CsvReader(TextReader reader, char delimiter) => (_reader, _delimiter) = (reader, delimiter);

    public static CsvReader Open(string path)
    {
        // The delimiter is whichever of ';' and ',' the header line uses more (spreadsheets in vi-VN save with ';').
        string first;
        using (var peek = new StreamReader(path, Strict)) first = peek.ReadLine() ?? "";
        var delimiter = first.Count(c => c == ';') > first.Count(c => c == ',') ? ';' : ',';
        return new CsvReader(new StreamReader(path, Strict, false, 1 << 16), delimiter);
    }

    static readonly UTF8Encoding Strict = new(false, true);

    /// <summary>Reads the header line; the error is the Vietnamese message for line 1.</summary>
    public (bool Ok, string? Error) Headers(IReadOnlyList<string> required)
    {
        if (!NextRecord()) return (false, CsvRows.Empty);
        if (_fields.Count > 0) _fields[0] = _fields[0].TrimStart('\uFEFF');
        HeaderNames = _fields.Select(h => h.Trim()).ToArray();
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = HeaderNames.Count - 1; i >= 0; i--) _index[HeaderNames[i]] = i;
        var missing = CsvRows.Missing(HeaderNames, required);
        return (missing is null, missing);
    }

    /// <summary>How far through the file the reader is (0–1), for the progress bar while a large file is parsed.</summary>
    public double Fraction => _reader is StreamReader { BaseStream: { CanSeek: true, Length: > 0 } s } ? (double)s.Position / s.Length : 0;

    public int IndexOf(string header) => _index.TryGetValue(header, out var i) ? i : -1;

    /// <summary>The raw field (untrimmed), or null past the end of a short record.</summary>
    public string? Field(int i) => i >= 0 && i < _fields.Count ? _fields[i] : null;

    /// <summary>The trimmed value of a column, null when the column is absent or the cell blank (as <see cref="CsvRow"/>).</summary>
    public string? this[int i] => Field(i) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    /// <summary>The next data record, skipping blank ones.</summary>
    public bool Next()
    {
        while (NextRecord())
            if (!_fields.TrueForAll(string.IsNullOrWhiteSpace)) return true;
        return false;
    }

    bool NextRecord()
    {
        _fields.Clear();
        _field.Clear();
        bool quoted = false, any = false;
        Line = _line;
        while (true)
        {
            if (_pos == _len)
            {
                _len = _reader.Read(_buffer, 0, _buffer.Length);
                _pos = 0;
                if (_len == 0)
                {
                    if (!any && _field.Length == 0) return false;
                    _fields.Add(_field.ToString());
                    return true;
                }
            }
            var c = _buffer[_pos++];
            if (quoted)
            {
                if (c == '"')
                {
                    if (Peek() == '"') { _field.Append('"'); _pos++; }
                    else quoted = false;
                }
                else { if (c == '\n') _line++; _field.Append(c); }
                continue;
            }
            if (c == '"' && _field.Length == 0) { quoted = true; any = true; }
            else if (c == _delimiter) { _fields.Add(_field.ToString()); _field.Clear(); any = true; }
            else if (c == '\r') { }
            else if (c == '\n')
            {
                _line++;
                if (any || _field.Length > 0) { _fields.Add(_field.ToString()); return true; }
                Line = _line;
            }
            else { _field.Append(c); any = true; }
        }
    }

    int Peek()
    {
        if (_pos == _len)
        {
            _len = _reader.Read(_buffer, 0, _buffer.Length);
            _pos = 0;
            if (_len == 0) return -1;
        }
        return _buffer[_pos];
    }

    public void Dispose() => _reader.Dispose();
}
