using Syndicator.Testing;

namespace Syndicator.Channels.WeChat.Tests;

public sealed class WeChatBodyTests
{
    [Fact]
    public void Compose_ExternalLinks_BecomeNumberedNotesListedAtTheEnd()
    {
        var item = Some.Item(bodyHtml:
            "<p>详见<a href=\"https://www.tx.gov.cn/art/1.html\">市政府网站</a>，"
            + "往期见<a href=\"https://mp.weixin.qq.com/s/abc\">上期推送</a>，"
            + "原文见<a href=\"https://www.tx.gov.cn/art/1.html\">同一页面</a>，"
            + "附件见<a href=\"https://slj.tx.gov.cn/f.pdf\">附件</a>。</p>");

        var content = WeChatBody.Compose(item, new Dictionary<string, string>());

        Assert.Contains("市政府网站<sup>[1]</sup>", content, StringComparison.Ordinal);
        Assert.Contains("同一页面<sup>[1]</sup>", content, StringComparison.Ordinal);
        Assert.Contains("附件<sup>[2]</sup>", content, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://mp.weixin.qq.com/s/abc\">上期推送</a>", content, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"https://www.tx.gov.cn", content, StringComparison.Ordinal);
        Assert.Contains("<p>注释：</p><p>[1] https://www.tx.gov.cn/art/1.html</p><p>[2] https://slj.tx.gov.cn/f.pdf</p>", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_NoExternalLink_NoNotes()
    {
        var content = WeChatBody.Compose(Some.Item(bodyHtml: "<p>正文<a href=\"#top\">顶部</a></p>"), new Dictionary<string, string>());

        Assert.DoesNotContain("注释", content, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#top\">顶部</a>", content, StringComparison.Ordinal);
    }
}
