using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Syndicator.Testing;

/// <summary>Small real attachments made in the test: PDF pages (PdfPig's builder) and DOCX paragraphs (Open XML SDK).</summary>
public static class TestDocuments
{
    /// <summary>A PDF with one page per entry, each line of it a line of text (ASCII: the standard Helvetica font).</summary>
    public static byte[] Pdf(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            for (var i = 0; i < lines.Length; i++)
            {
                page.AddText(lines[i], 12, new PdfPoint(50, 780 - 20 * i), font);
            }
        }

        return builder.Build();
    }

    /// <summary>A DOCX whose body holds these paragraphs.</summary>
    public static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => (OpenXmlElement)new Paragraph(new Run(new Text(p))))));
            main.Document.Save();
        }

        return stream.ToArray();
    }
}
