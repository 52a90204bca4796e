using System.Diagnostics;
using Xunit.Abstractions;

namespace Syndicator.Channels.NoticeBoard.Tests;

public sealed class NoticeRendererTests(ITestOutputHelper output)
{
    [Fact]
    public void Render_BureauNotice_PdfTextHoldsTitleIndexNumberBodyLabelsAndPostingDate()
    {
        var notice = Notices.Render(Notices.Item(), Notices.Options());

        var pages = Notices.Pages(notice.Pdf);
        var text = Text(pages);
        Assert.Contains(Notices.Normalise(Notices.Title), text, StringComparison.Ordinal);
        Assert.Contains(Notices.IndexNumber, text, StringComparison.Ordinal);
        Assert.All(Notices.Paragraphs, p => Assert.Contains(Notices.Normalise(p), text, StringComparison.Ordinal));
        Assert.All(["索引号", "发布机构", "成文日期", "文号", "主题分类", "体裁分类", "有效性", "公开方式", "公开范围", "主题词"],
            label => Assert.Contains(label, text, StringComparison.Ordinal));
        Assert.Contains("桐水〔2026〕42号", text, StringComparison.Ordinal);
        Assert.Contains("1.严格落实相关政策要求。", text, StringComparison.Ordinal);
        Assert.Contains("张贴日期：2026年12月4日", text, StringComparison.Ordinal);
        Assert.Contains("张贴至：2027年1月3日", text, StringComparison.Ordinal);
        Assert.All(pages, (p, i) => Assert.Contains($"第{i + 1}页共{pages.Count}页", p, StringComparison.Ordinal));
        Assert.All(pages, p => Assert.StartsWith("桐乡市水利局　政府信息公开".Replace("　", "", StringComparison.Ordinal), p, StringComparison.Ordinal));
        Assert.DoesNotContain(NoticeRenderer.RestInOriginal, text, StringComparison.Ordinal);
        Assert.False(notice.Cut);
    }

    [Fact]
    public void Render_BureauNotice_EveryLetterInsideTheMargins()
    {
        const double mm = 72 / 25.4;
        var notice = Notices.Render(Notices.Item(), Notices.Options());

        using var document = UglyToad.PdfPig.PdfDocument.Open(notice.Pdf);
        foreach (var page in document.GetPages())
        {
            // A4, left margin 28 mm, right 26 mm; a closing mark may overhang the right margin by one character (16 pt).
            Assert.Equal(595, page.Width, 0);
            Assert.Equal(842, page.Height, 0);
            Assert.All(page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)), l =>
                Assert.InRange(l.BoundingBox.Left, (28 * mm) - 0.5, page.Width - (26 * mm) + 16));
            Assert.All(page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)), l =>
                Assert.InRange(l.BoundingBox.Right, 28 * mm, page.Width - (26 * mm) + 16));
        }
    }

    [Fact]
    public void Render_FourMegabyteFont_EmbedsOnlyASubset()
    {
        var notice = Notices.Render(Notices.Item(), Notices.Options());

        // DroidSansFallbackFull.ttf is about 4 MB; a subset of the few hundred characters used is a small part of it.
        output.WriteLine($"{notice.Pages} pages, {notice.Pdf.Length} bytes");
        Assert.True(notice.Pdf.Length < 400_000, $"the PDF is {notice.Pdf.Length} bytes");
    }

    [Fact]
    public void Render_BodyFarOverThePageBound_BoundedPagesSayingTheRestIsInTheOriginal()
    {
        var body = string.Concat(Enumerable.Range(0, 400).Select(_ => $"<p>{Notices.Repeat(500)}</p>"));
        var clock = Stopwatch.StartNew();

        var notice = Notices.Render(Notices.Item(body), Notices.Options(maxPages: 3, maxBody: 1_000_000));

        var pages = Notices.Pages(notice.Pdf);
        output.WriteLine($"{body.Length} characters of HTML: {pages.Count} pages, {notice.Pdf.Length} bytes in {clock.Elapsed}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal(3, pages.Count);
        Assert.True(notice.Cut);
        Assert.Contains(Notices.Normalise(NoticeRenderer.RestInOriginal), pages[^1], StringComparison.Ordinal);
        Assert.Contains("张贴日期：2026年12月4日", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BodyOverTheCharacterBound_StopsThereSayingTheRestIsInTheOriginal()
    {
        var notice = Notices.Render(Notices.Item(), Notices.Options(maxBody: 100));

        var text = Text(Notices.Pages(notice.Pdf));
        Assert.Contains(Notices.Normalise(NoticeRenderer.RestInOriginal), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Notices.Normalise(Notices.Paragraphs[2]), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DeadlinePassed_StopsSayingTheRestIsInTheOriginal()
    {
        var clock = Stopwatch.StartNew();

        var notice = Notices.Render(Notices.Item(), Notices.Options(timeout: TimeSpan.FromTicks(1)));

        var text = Text(Notices.Pages(notice.Pdf));
        Assert.True(notice.Cut);
        Assert.Contains(Notices.Normalise(NoticeRenderer.RestInOriginal), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Notices.Normalise(Notices.Paragraphs[0]), text, StringComparison.Ordinal);
        Assert.DoesNotContain("索引号", text, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Render_ImageAndTable_ImageNotedTableRowsSetAsLines()
    {
        var notice = Notices.Render(Notices.Item("<p>见下图<img src=\"fig.png\"></p><table><tr><td>河道</td><td>长度</td></tr><tr><td>京杭运河</td><td>26公里</td></tr></table>"), Notices.Options());

        var text = Text(Notices.Pages(notice.Pdf));
        Assert.Contains("见下图" + NoticeBody.ImageNote, text, StringComparison.Ordinal);
        Assert.Contains("河道长度京杭运河26公里", text, StringComparison.Ordinal);
    }

    /// <summary>The pages' text joined, without the repeated header and the page numbers.</summary>
    private static string Text(IReadOnlyList<string> pages) =>
        string.Concat(pages.Select((p, i) => p.Replace("桐乡市水利局　政府信息公开".Replace("　", "", StringComparison.Ordinal), "", StringComparison.Ordinal)
            .Replace($"第{i + 1}页共{pages.Count}页", "", StringComparison.Ordinal)));
}
