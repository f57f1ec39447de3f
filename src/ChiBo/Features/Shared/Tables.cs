using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChiBo.Features.Shared;

/// <summary>
/// A table (first row the header) as RFC 4180 CSV with a BOM (Excel reads the Vietnamese right) or as an XLSX sheet with
/// numbers as numbers. Text a spreadsheet would run as a formula (a summary "=HYPERLINK(…)" typed by anyone who may write
/// one) is written so it stays text: in CSV with a leading apostrophe (OWASP's rule for =, +, -, @, tab, CR), in XLSX
/// as an inline string cell, never a formula cell.
/// </summary>
public static class Tables
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(IEnumerable<object?[]> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows) sb.Append(string.Join(',', row.Select(Cell))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    static string Cell(object? v)
    {
        // Numbers and dates are the program's own and may be negative; text is what people typed.
        var s = v switch
        {
            null => "",
            double d => d.ToString("0.0", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => Neutralize(v.ToString() ?? ""),
        };
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    static readonly char[] FormulaStart = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>A text cell a spreadsheet would read as a formula gets a leading apostrophe, which shows it as the text it is.</summary>
    public static string Neutralize(string text) => text.Length > 0 && Array.IndexOf(FormulaStart, text[0]) >= 0 ? "'" + text : text;

    public static byte[] Xlsx(IEnumerable<object?[]> rows, string sheetName)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var sheetPart = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var row in rows)
                data.Append(new Row(row.Select(v => v switch
                {
                    int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i) },
                    double d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) },
                    null => new Cell(),
                    _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v.ToString() ?? "")) },
                })));
            sheetPart.Worksheet = new Worksheet(data);
            book.Workbook.AppendChild(new Sheets(new Sheet { Id = book.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        }
        return ms.ToArray();
    }
}
