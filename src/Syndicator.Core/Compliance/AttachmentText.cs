using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Syndicator.Core.Items;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Syndicator.Core.Compliance;

/// <summary>
/// The text of an attachment, read once: PDF (PdfPig, per page), DOCX (Open XML SDK, per paragraph), plain text (per
/// line) and HTML. Any other type, or a file that cannot be read, gives a note instead.
/// </summary>
public static class AttachmentText
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The text, or null with the reason it could not be read.</summary>
    public static (LocatedText? Text, string? Note) Read(MediaFile file)
    {
        var extension = Path.GetExtension(file.Name).ToLowerInvariant();
        try
        {
            return (file.MediaType, extension) switch
            {
                ("application/pdf", _) or (_, ".pdf") => (Pdf(file.Content), null),
                (Docx, _) or (_, ".docx") => (Word(file.Content), null),
                ("text/html", _) or (_, ".html" or ".htm") => (new LocatedText(HtmlText.Of(Utf8(file.Content))), null),
                ("text/plain", _) or (_, ".txt") => (Lines(Utf8(file.Content)), null),
                _ => (null, $"Not checked: '{file.MediaType}' is not a type the compliance checks read (PDF, DOCX, TXT, HTML); check it by hand."),
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A damaged or encrypted file is not a reason to refuse the item; the operator is told it was not checked.
            return (null, $"Not checked: the file could not be read as {file.MediaType} ({ex.GetType().Name}); check it by hand.");
        }
    }

    private static LocatedText Pdf(byte[] content)
    {
        using var pdf = PdfDocument.Open(content);
        return LocatedText.Join(pdf.GetPages().Select(p => ($"page {p.Number}", PageText(p))).ToList());
    }

    /// <summary>
    /// A page's letters in content order, with a line break where the baseline moves and a space where a gap opens, so
    /// that separate numbers in a table never join and lines keep their starts.
    /// </summary>
    private static string PageText(Page page)
    {
        var text = new System.Text.StringBuilder();
        Letter? previous = null;
        foreach (var letter in page.Letters)
        {
            if (previous is not null)
            {
                if (Math.Abs(letter.StartBaseLine.Y - previous.StartBaseLine.Y) > Math.Max(1, previous.PointSize * 0.3))
                {
                    text.Append('\n');
                }
                else if (letter.StartBaseLine.X - previous.EndBaseLine.X > Math.Max(1, previous.PointSize * 0.25))
                {
                    text.Append(' ');
                }
            }

            text.Append(letter.Value);
            previous = letter;
        }

        return text.ToString();
    }

    private static LocatedText Word(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var paragraphs = document.MainDocumentPart?.Document?.Body?.Descendants<Paragraph>() ?? [];
        return LocatedText.Join(paragraphs.Select((p, i) => ($"paragraph {i + 1}", p.InnerText)).ToList());
    }

    private static LocatedText Lines(string text) =>
        LocatedText.Join(text.Split('\n').Select((line, i) => ($"line {i + 1}", line.TrimEnd('\r'))));

    private static string Utf8(byte[] content) => new System.Text.UTF8Encoding(false).GetString(content).TrimStart('\uFEFF');
}
