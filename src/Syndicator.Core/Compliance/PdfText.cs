using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Syndicator.Core.Compliance;

/// <summary>
/// A PDF's text per page with PdfPig, after <see cref="PdfBudget"/> has measured the file; the page count is checked
/// before the first page is read, and the characters and the deadline after each page.
/// </summary>
internal static class PdfText
{
    public static LocatedText Read(byte[] content, AttachmentBudget budget)
    {
        PdfBudget.Measure(content, budget);
        var o = budget.Options;
        using var pdf = PdfDocument.Open(content);
        if (pdf.NumberOfPages > o.MaxPages)
        {
            throw new AttachmentLimitException(nameof(o.MaxPages), o.MaxPages, $"it has {pdf.NumberOfPages:N0} pages, more than {o.MaxPages:N0}");
        }

        var pages = new List<(string, string)>();
        for (var number = 1; number <= pdf.NumberOfPages; number++)
        {
            budget.Tick();
            var text = PageText(pdf.GetPage(number));
            budget.Characters(text.Length);
            pages.Add(($"page {number}", text));
        }

        return LocatedText.Join(pages);
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
}
