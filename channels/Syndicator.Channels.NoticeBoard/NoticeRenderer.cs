using System.Diagnostics;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Syndicator.Channels.NoticeBoard;

/// <summary>A notice made: the PDF, its pages, and whether text was left to the original.</summary>
/// <param name="Pdf">The notice.</param>
/// <param name="Pages">Its pages.</param>
/// <param name="Cut">True when text was left to the original (a bound or the deadline).</param>
/// <param name="Missing">Code points set that the fonts have no glyph for (printed as boxes).</param>
internal sealed record RenderedNotice(byte[] Pdf, int Pages, bool Cut, IReadOnlyCollection<int> Missing);

/// <summary>
/// Sets a <see cref="NoticeContent"/> as an A4 PDF: the header (organisation · 政府信息公开) and "第 N 页 共 M 页" on every
/// page; on the first the title, large and centred, and the metadata table; then the body (paragraphs indented by two
/// characters) and the closing lines (organisation, 张贴日期, 张贴至). Lines are broken by <see cref="LineBreaker"/>.
/// Bounded: at most <see cref="NoticeBoardChannelOptions.MaxPages"/> pages, and a deadline
/// (<see cref="NoticeBoardChannelOptions.RenderTimeout"/>); text that does not fit either is left out and the notice
/// says "其余内容见原文".
/// </summary>
internal sealed class NoticeRenderer(NoticeTypeface typeface, NoticeBoardChannelOptions options)
{
    /// <summary>The line a cut notice carries where its text stops.</summary>
    internal const string RestInOriginal = "（篇幅所限，其余内容见原文。）";

    private const double BodySize = 16;
    private const double BodyLine = BodySize * 1.75;
    private readonly NoticeFont _header = new(typeface, 10.5);
    private readonly NoticeFont _title = new(typeface, 22);
    private readonly NoticeFont _table = new(typeface, 12);
    private readonly NoticeFont _body = new(typeface, BodySize);
    private readonly NoticeFont _heading = new(typeface, 17);

    public RenderedNotice Render(NoticeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var clock = Stopwatch.StartNew();
        bool InTime() => clock.Elapsed < options.RenderTimeout;

        using var document = new PdfDocument();
        document.Info.Title = content.Title;
        document.Info.Author = content.Organisation;
        document.Info.Creator = "Syndicator";
        var missing = new SortedSet<int>();
        document.RenderEvents.RenderTextEvent += (_, e) => missing.UnionWith(
            e.CodePointGlyphIndexPairs.Where(p => p.GlyphIndex == 0 && Rune.IsValid(p.CodePoint) && !Rune.IsWhiteSpace(new Rune(p.CodePoint)) && !Rune.IsControl(new Rune(p.CodePoint)))
                .Select(p => p.CodePoint));
        var closing = BodyLine * (content.DisplayUntil is null ? 4 : 5);
        var cut = content.Body.Truncated;
        using (var pages = new NoticePages(document, options.MaxPages, closing, (g, p) => Header(g, p, content.Organisation)))
        {
            cut |= !Lines(pages, content.Title, _title, _title.Size * 1.5, XLineAlignment.Center, InTime);
            pages.Y += BodyLine / 2;
            cut = cut || !Table(pages, content.Metadata, InTime);
            pages.Y += BodyLine / 2;
            foreach (var block in content.Body.Blocks)
            {
                if (cut)
                {
                    break;
                }

                var font = block.Kind == BlockKind.Heading ? _heading : _body;
                var indent = block.Kind == BlockKind.Paragraph ? 2 * font.Size : 0;
                cut |= !Lines(pages, block.Text, font, BodyLine, XLineAlignment.Near, InTime, indent);
            }

            pages.Room(closing, useReserve: true);
            if (cut)
            {
                Line(pages, RestInOriginal, _body, XLineAlignment.Near);
            }

            pages.Y += BodyLine;
            Line(pages, content.Organisation, _body, XLineAlignment.Far);
            Line(pages, $"张贴日期：{NoticeContent.Chinese(content.PostedOn)}", _body, XLineAlignment.Far);
            if (content.DisplayUntil is { } until)
            {
                Line(pages, $"张贴至：{NoticeContent.Chinese(until)}", _body, XLineAlignment.Far);
            }
        }

        Footers(document);
        var count = document.PageCount;
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return new RenderedNotice(stream.ToArray(), count, cut, missing);
    }

    /// <summary>Sets <paramref name="text"/> line by line; false when it ran out of pages or time before the end.</summary>
    private static bool Lines(NoticePages pages, string text, NoticeFont font, double height, XLineAlignment align, Func<bool> inTime, double indent = 0)
    {
        var lines = LineBreaker.Break(text, pages.Width, t => font.Measure(pages.Graphics, t), indent);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!inTime() || !pages.Room(height))
            {
                return false;
            }

            var x = NoticePages.Left + (i == 0 ? indent : 0);
            font.Draw(pages.Graphics, lines[i], x, pages.Y, pages.Width - (x - NoticePages.Left), align);
            pages.Y += height;
        }

        return true;
    }

    private static void Line(NoticePages pages, string text, NoticeFont font, XLineAlignment align)
    {
        font.Draw(pages.Graphics, text, NoticePages.Left, pages.Y, pages.Width, align);
        pages.Y += BodyLine;
    }

    /// <summary>The metadata table: label and value in bordered rows; values wrap.</summary>
    private bool Table(NoticePages pages, IReadOnlyList<KeyValuePair<string, string>> rows, Func<bool> inTime)
    {
        const double label = 72;
        const double pad = 4;
        var line = _table.Size * 1.5;
        foreach (var (name, value) in rows)
        {
            var width = pages.Width - label - 2 * pad;
            var lines = LineBreaker.Break(value, width, t => _table.Measure(pages.Graphics, t));
            var height = (lines.Count * line) + (2 * pad);
            if (!inTime() || !pages.Room(height))
            {
                return false;
            }

            var g = pages.Graphics;
            g.DrawRectangle(XPens.Black, NoticePages.Left, pages.Y, label, height);
            g.DrawRectangle(XPens.Black, NoticePages.Left + label, pages.Y, pages.Width - label, height);
            _table.Draw(g, name, NoticePages.Left, pages.Y + pad, label, XLineAlignment.Center);
            for (var i = 0; i < lines.Count; i++)
            {
                _table.Draw(g, lines[i], NoticePages.Left + label + pad, pages.Y + pad + (i * line), width);
            }

            pages.Y += height;
        }

        return true;
    }

    private void Header(XGraphics g, PdfPage page, string organisation)
    {
        var width = page.Width.Point - NoticePages.Left - NoticePages.Left;
        var y = NoticePages.Top - 40;
        _header.Draw(g, $"{organisation}　政府信息公开", NoticePages.Left, y, width, XLineAlignment.Center);
        g.DrawLine(XPens.Black, NoticePages.Left, y + 18, page.Width.Point - NoticePages.Left, y + 18);
    }

    private void Footers(PdfDocument document)
    {
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            _header.Draw(g, $"第 {i + 1} 页 共 {document.PageCount} 页", 0, page.Height.Point - 60, page.Width.Point, XLineAlignment.Center);
        }
    }
}
