using Syndicator.Core.Alerts;
using Syndicator.Host.Alerts;

namespace Syndicator.Host.Tests;

/// <summary>What a remote page or platform wrote reaches a chat robot as text: no links, images or markup of its own, and bounded.</summary>
public sealed class AlertTextTests
{
    // A page's <h1> as a hostile site might write it, quoted by a tracking alert.
    private const string Hostile = "标题不同 the title differs: live '[立即处理](http://evil.example/x) ![](http://evil.example/p.png)\n# 伪造标题\n> 引用 <font color=\"red\">紧急</font> **粗体** <a href=\"http://evil.example\">a</a>'";

    [Theory]
    [InlineData(WebhookFormat.DingTalk, "text")]
    [InlineData(WebhookFormat.WeCom, "content")]
    public void RobotMarkdown_RemoteText_EscapedSoItReadsAsText(WebhookFormat format, string field)
    {
        var body = RobotMessages.Body(Alert(Hostile), new WebhookOptions { Format = format });
        var text = body["markdown"]![field]!.GetValue<string>();

        Assert.Contains(@"\[立即处理\]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[立即处理](", text, StringComparison.Ordinal);
        Assert.DoesNotContain("![](", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<font", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n# ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n> 引用", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**粗体**", text, StringComparison.Ordinal);
        Assert.Contains("伪造标题", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WebhookFormat.DingTalk)]
    [InlineData(WebhookFormat.WeCom)]
    [InlineData(WebhookFormat.Json)]
    public void RobotMessage_HugeRemoteText_Bounded(WebhookFormat format)
    {
        var body = RobotMessages.Body(Alert(new string('页', 100_000)), new WebhookOptions { Format = format });

        // As the webhook sends it (Chinese as itself): the text's bound of 2,000 characters plus the frame.
        var sent = body.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.InRange(sent.Length, 2000, 2600);
    }

    private static Alert Alert(string text) =>
        new("item.tracking", AlertSeverity.Critical, "bureau/ab", "已发布内容被改动：关于汛期的通知", text, DateTimeOffset.UnixEpoch);
}
