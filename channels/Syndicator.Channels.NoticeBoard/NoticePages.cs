using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Syndicator.Channels.NoticeBoard;

/// <summary>
/// The pages of a notice as they are filled from the top: A4 with the margins of Chinese official documents (top 37 mm,
/// bottom 35 mm, left 28 mm, right 26 mm), the header on every page, at most <c>maxPages</c> pages. On the last page
/// the bottom <c>reserve</c> is kept for the closing lines, so they always fit.
/// </summary>
internal sealed class NoticePages : IDisposable
{
    private const double Mm = 72 / 25.4;
    internal const double Left = 28 * Mm;
    internal const double Top = 37 * Mm;
    private const double Bottom = 35 * Mm;
    private const double Right = 26 * Mm;

    private readonly PdfDocument _document;
    private readonly int _maxPages;
    private readonly double _reserve;
    private readonly Action<XGraphics, PdfPage> _header;

    public NoticePages(PdfDocument document, int maxPages, double reserve, Action<XGraphics, PdfPage> header)
    {
        _document = document;
        _maxPages = maxPages;
        _reserve = reserve;
        _header = header;
        NewPage();
    }

    /// <summary>Where the next line goes, from the page's top.</summary>
    public double Y { get; set; }

    public XGraphics Graphics { get; private set; } = null!;

    public double Width => Graphics.PageSize.Width - Left - Right;

    public int Count => _document.PageCount;

    /// <summary>
    /// Makes room for <paramref name="height"/> below <see cref="Y"/>, on a new page when this one is full and a page is
    /// left; false when no room is left (only the reserve on the last page), or <paramref name="useReserve"/> is false.
    /// </summary>
    public bool Room(double height, bool useReserve = false)
    {
        if (Y + height <= Limit(useReserve))
        {
            return true;
        }

        if (Count >= _maxPages)
        {
            return false;
        }

        NewPage();
        return Y + height <= Limit(useReserve);
    }

    public void Dispose() => Graphics.Dispose();

    private double Limit(bool useReserve) =>
        Graphics.PageSize.Height - Bottom - (Count >= _maxPages && !useReserve ? _reserve : 0);

    private void NewPage()
    {
        Graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        Graphics = XGraphics.FromPdfPage(page);
        _header(Graphics, page);
        Y = Top;
    }
}
