using Syndicator.Core.Tracking;

namespace Syndicator.Core.Tests.Tracking;

public sealed class ContentFingerprintTests
{
    [Fact]
    public void Of_SameWordsOtherMarkupAndSpacing_Equal()
    {
        Assert.Equal(
            ContentFingerprint.Of("<p>第一段 正文</p><p>第二段<img src=\"a.png\"></p><!-- syndicator:item=x -->"),
            ContentFingerprint.Of("<section><span>第一段</span>\n\u3000正文<br>第二段</section>"));
    }

    [Fact]
    public void Of_OneCharacterChanged_Differs()
    {
        Assert.NotEqual(ContentFingerprint.Of("<p>汛期安全工作</p>"), ContentFingerprint.Of("<p>汛期安全工做</p>"));
    }

    [Fact]
    public void Compare_TitleDiffers_ChangedNamingTheTitle()
    {
        var check = LiveComparison.Compare("别的标题", "<p>正文</p>", "原标题", "<div>正文</div>");

        Assert.Equal(LiveStatus.Changed, check.Status);
        Assert.Contains("标题不同", check.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("正文不同", check.Detail, StringComparison.Ordinal);
    }
}
