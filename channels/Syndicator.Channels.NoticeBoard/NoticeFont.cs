using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Syndicator.Channels.NoticeBoard;

/// <summary>
/// One size of the notice's type, set in two fonts: the CJK font for CJK characters and marks (U+2E80 and above), the
/// Latin font for everything below (letters, digits, “”‘’…—). Droid Sans Fallback has no Latin glyphs (only U+0020
/// below U+2E80, its character map shows), so a text in one font would print boxes for every digit.
/// </summary>
internal sealed class NoticeFont
{
    /// <summary>Below this code point the Latin font sets the character.</summary>
    internal const int CjkStart = 0x2E80;

    private static readonly XPdfFontOptions Embedding = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);
    private readonly XFont _cjk;
    private readonly XFont _latin;

    public NoticeFont(NoticeTypeface typeface, double size)
    {
        _cjk = new XFont(typeface.Cjk, size, XFontStyleEx.Regular, Embedding);
        _latin = new XFont(typeface.Latin, size, XFontStyleEx.Regular, Embedding);
        Size = size;
    }

    public double Size { get; }

    public double Measure(XGraphics graphics, string text) => Runs(text).Sum(r => graphics.MeasureString(r.Text, r.Font).Width);

    /// <summary>Sets <paramref name="text"/> in the box from <paramref name="x"/>, <paramref name="y"/> (top), aligned in <paramref name="width"/>.</summary>
    public void Draw(XGraphics graphics, string text, double x, double y, double width, XLineAlignment align = XLineAlignment.Near)
    {
        var runs = Runs(text).Select(r => (r.Text, r.Font, Width: graphics.MeasureString(r.Text, r.Font).Width)).ToList();
        var total = runs.Sum(r => r.Width);
        var left = align switch
        {
            XLineAlignment.Center => x + ((width - total) / 2),
            XLineAlignment.Far => x + width - total,
            _ => x,
        };
        foreach (var (run, font, w) in runs)
        {
            graphics.DrawString(run, font, XBrushes.Black, left, y + Size, XStringFormats.BaseLineLeft);
            left += w;
        }
    }

    private IEnumerable<(string Text, XFont Font)> Runs(string text)
    {
        var run = new StringBuilder();
        XFont? current = null;
        foreach (var rune in text.EnumerateRunes())
        {
            var font = rune.Value < CjkStart ? _latin : _cjk;
            if (font != current && run.Length > 0)
            {
                yield return (run.ToString(), current!);
                run.Clear();
            }

            current = font;
            run.Append(rune.ToString());
        }

        if (run.Length > 0)
        {
            yield return (run.ToString(), current!);
        }
    }
}

/// <summary>The family names of the two fonts a notice is set in (see <see cref="NoticeFonts.Register"/>).</summary>
internal sealed record NoticeTypeface(string Cjk, string Latin);
