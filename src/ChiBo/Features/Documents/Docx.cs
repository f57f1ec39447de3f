using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChiBo.Features.Documents;

/// <summary>
/// The DOCX building blocks every party document here shares: A4 page and margins, Times New Roman 13 pt
/// (Liberation Serif renders it offline), paragraphs, runs and tables. The official layout itself (letterhead, Nơi nhận,
/// signature block) is <see cref="OfficialLayout"/>.
/// </summary>
public static class Docx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Build(Action<Body> write)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            write(body);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134, Header = 709, Footer = 709 }));
            main.Document = new Document(body);
            Styles(main);
        }
        return ms.ToArray();
    }

    /// <summary>A full-width table with single borders (score sheets, figure annexes).</summary>
    public static Table Grid() => new(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
        new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));

    public static Paragraph Labelled(string label, string text, bool indent = false, bool boldLabel = false)
    {
        var p = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Both },
            new Indentation { FirstLine = indent ? "567" : "0" }, new SpacingBetweenLines { After = "60" }));
        p.Append(R(label, bold: boldLabel, italic: !boldLabel && indent), R(text));
        return p;
    }

    public static Paragraph P(string text, bool bold = false, bool italic = false, bool center = false, bool justify = false, int? size = null,
        int before = 0, bool underline = false, bool indent = false)
    {
        var props = new ParagraphProperties(new SpacingBetweenLines { Before = before.ToString(), After = "60" });
        if (indent) props.Append(new Indentation { FirstLine = "567" });
        if (center) props.Append(new Justification { Val = JustificationValues.Center });
        else if (justify) props.Append(new Justification { Val = JustificationValues.Both });
        return new Paragraph(props, R(text, bold, italic, size, underline));
    }

    public static Run R(string text, bool bold = false, bool italic = false, int? size = null, bool underline = false)
    {
        var rp = new RunProperties();
        if (bold) rp.Append(new Bold());
        if (italic) rp.Append(new Italic());
        // Schema order inside w:rPr: b, i, …, sz, …, u.
        if (size is { } s) rp.Append(new FontSize { Val = s.ToString() });
        if (underline) rp.Append(new Underline { Val = UnderlineValues.Single });
        return new Run(rp, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    public static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    static void Styles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = "26" }, new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { Line = "288", LineRule = LineSpacingRuleValues.Auto }))));
    }
}
