namespace Syndicator.Channels.NoticeBoard.Tests;

public sealed class LineBreakerTests
{
    /// <summary>A CJK character is 1 wide, anything else half.</summary>
    private static double Measure(string text) => text.EnumerateRunes().Sum(r => r.Value < 0x2000 ? 0.5 : 1);

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(17)]
    [InlineData(28)]
    public void Break_BureauParagraphs_NoLineStartsWithClosingNorEndsWithOpeningPunctuation(int width)
    {
        foreach (var paragraph in Notices.Paragraphs)
        {
            var lines = LineBreaker.Break(paragraph, width, Measure, indent: 2);

            Assert.All(lines, l => Assert.DoesNotContain(l[0], LineBreaker.Closing));
            Assert.All(lines, l => Assert.DoesNotContain(l[^1], LineBreaker.Opening));
            Assert.All(lines.Skip(1), l => Assert.True(Measure(l) <= width + 1, $"line too wide: {l}"));
        }
    }

    [Fact]
    public void Break_ClosingMarkWhereGreedyWouldStartALine_MovesTheBreakBack()
    {
        // Ten characters fit: greedy would start the second line with "，" and the third with "。".
        var lines = LineBreaker.Break("一二三四五六七八九十，一二三四五六七八九十。", 10, Measure);

        Assert.Equal(["一二三四五六七八九", "十，一二三四五六七八", "九十。"], lines);
    }

    [Fact]
    public void Break_OpeningMarkAtTheEndOfALine_GoesToTheNextLine()
    {
        var lines = LineBreaker.Break("一二三四五六七八九《水利法》", 10, Measure);

        Assert.Equal(["一二三四五六七八九", "《水利法》"], lines);
    }

    [Fact]
    public void Break_LatinWordsAndNumbers_NeverSplit()
    {
        var text = "水利局于2026年通过Syndicator平台发布信息，网址http://xxgk.tx.gov.cn/017/查询浏览，共计12345条。";

        var lines = LineBreaker.Break(text, 14, Measure);

        foreach (var word in new[] { "2026", "Syndicator", "http://xxgk.tx.gov.cn/017/", "12345" })
        {
            Assert.Contains(lines, l => l.Contains(word, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Break_AnyText_EveryCharacterOnceInOrder()
    {
        var text = string.Join(" ", Notices.Paragraphs) + " A very long English sentence, with words of several lengths (and brackets).";

        var lines = LineBreaker.Break(text, 13, Measure, indent: 2);

        Assert.Equal(Notices.Normalise(text), Notices.Normalise(string.Concat(lines)));
    }

    [Fact]
    public void Break_FirstLineIndent_FirstLineTwoCharactersShorter()
    {
        var lines = LineBreaker.Break(new string('水', 30), 10, Measure, indent: 2);

        Assert.Equal([8, 10, 10, 2], lines.Select(l => l.Length));
    }

    [Fact]
    public void Break_IdeographicSpace_KeptWithinALineDroppedAtABreak()
    {
        var lines = LineBreaker.Break("河道　长度　京杭运河　二十六公里", 5, Measure);

        Assert.Equal(["河道　长度", "京杭运河", "二十六公里"], lines);
    }

    [Fact]
    public void Break_WordWiderThanALine_SetACharacterAtATime()
    {
        var lines = LineBreaker.Break("见" + new string('a', 30), 5, Measure);

        Assert.Equal(Notices.Normalise("见" + new string('a', 30)), string.Concat(lines));
        Assert.All(lines, l => Assert.True(Measure(l) <= 5));
    }
}
