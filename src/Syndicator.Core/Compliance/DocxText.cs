using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Syndicator.Core.Compliance;

/// <summary>
/// A DOCX body's paragraphs (table cells included), streamed with <see cref="OpenXmlReader"/> rather than loaded as a
/// tree, after <see cref="ZipBudget"/> has measured the file; stops at the paragraph and character bounds and the
/// deadline. A paragraph nested in another (a text box) is a paragraph of its own.
/// </summary>
internal static class DocxText
{
    public static LocatedText Read(byte[] content, AttachmentBudget budget)
    {
        ZipBudget.Measure(content, budget);
        var o = budget.Options;
        using var stream = new MemoryStream(content, writable: false);
        var settings = new OpenSettings { MaxCharactersInPart = o.MaxDecodedBytes };
        using var document = WordprocessingDocument.Open(stream, isEditable: false, settings);
        if (document.MainDocumentPart is not { } main)
        {
            return new LocatedText("");
        }

        var paragraphs = new List<(int Number, StringBuilder Text)>();
        var open = new Stack<StringBuilder>();
        var count = 0;
        using var reader = OpenXmlReader.Create(main);
        while (reader.Read())
        {
            if ((count & 0xFF) == 0)
            {
                budget.Tick();
            }

            if (reader.ElementType == typeof(Paragraph) && reader.IsStartElement)
            {
                if (++count > o.MaxParagraphs)
                {
                    throw new AttachmentLimitException(nameof(o.MaxParagraphs), o.MaxParagraphs, $"it has more than {o.MaxParagraphs:N0} paragraphs");
                }

                var text = new StringBuilder();
                paragraphs.Add((count, text));
                open.Push(text);
                budget.Tick();
            }
            else if (reader.ElementType == typeof(Paragraph) && reader.IsEndElement)
            {
                open.TryPop(out _);
            }
            else if (reader.IsStartElement && typeof(OpenXmlLeafTextElement).IsAssignableFrom(reader.ElementType))
            {
                var text = reader.GetText();
                budget.Characters(text.Length);
                if (open.TryPeek(out var paragraph))
                {
                    paragraph.Append(text);
                }
            }
        }

        return LocatedText.Join(paragraphs.Select(p => ($"paragraph {p.Number}", p.Text.ToString())).ToList());
    }
}
