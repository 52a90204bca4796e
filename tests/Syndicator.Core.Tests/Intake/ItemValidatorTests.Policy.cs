using Syndicator.Core.Intake;

namespace Syndicator.Core.Tests.Intake;

/// <summary>What reaches a public government page (docs/body-policy.md), and that the sender is told what was removed.</summary>
public sealed partial class ItemValidatorTests
{
    [Theory]
    [InlineData("<form action=\"https://evil.example/login\"><input type=\"password\" name=\"pw\"><button>登录</button></form>", "<form>")]
    [InlineData("<select><option>一</option></select>", "<select>")]
    [InlineData("<textarea>留言</textarea>", "<textarea>")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe>", "<iframe>")]
    [InlineData("<object data=\"x.swf\"></object>", "<object>")]
    [InlineData("<embed src=\"x.swf\">", "<embed>")]
    [InlineData("<style>body{display:none}</style>", "<style>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">", "<meta>")]
    [InlineData("<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">", "<link>")]
    [InlineData("<base href=\"https://evil.example/\">", "<base>")]
    public void Validate_ElementsNotForAPublicPage_RemovedAndNoted(string hostile, string tag)
    {
        var submission = Valid();
        submission.Body!.Content = "<p>汛期将至<img src=\"fig1.png\"></p>" + hostile;

        var result = CreateSut().Validate(submission, Now);

        Assert.True(result.IsValid);
        Assert.DoesNotContain(tag.TrimEnd('>'), result.Item!.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", result.Item.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("汛期将至", result.Item.BodyHtml, StringComparison.Ordinal);
        Assert.Contains(result.Compliance.Notes, n => n.Field == "body.content" && n.Message.Contains(tag, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("position:fixed;top:0;left:0;width:100%;height:100%;background:white", "position")]
    [InlineData("position:absolute;top:-40px", "position")]
    [InlineData("position:sticky", "position")]
    [InlineData("z-index:99999", "z-index")]
    [InlineData("margin-top:-500px", "margin-top")]
    [InlineData("text-indent:-9999px", "text-indent")]
    [InlineData("transform:translateY(-300px)", "transform")]
    public void Validate_OverlayOrDisplacingStyle_DeclarationDroppedAndNoted(string style, string property)
    {
        var submission = Valid();
        submission.Body!.Content = $"<div style=\"{style};color:red\">假通知</div><p>汛期将至<img src=\"fig1.png\"></p>";

        var result = CreateSut().Validate(submission, Now);

        Assert.True(result.IsValid);
        Assert.DoesNotContain(property + ":", result.Item!.BodyHtml.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("color: rgba(255, 0, 0, 1)", result.Item.BodyHtml, StringComparison.Ordinal);
        Assert.Contains(result.Compliance.Notes, n => n.Message.Contains("the style " + property, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TablesListsHeadingsFiguresEmphasisAndLinks_Kept()
    {
        const string kept =
            "<h2>一、工作要求</h2><ol><li><strong>加强</strong>值守</li></ol><ul><li><em>及时</em>报告</li></ul>"
            + "<table><thead><tr><th>站点</th></tr></thead><tbody><tr><td>乌镇</td></tr></tbody></table>"
            + "<figure><img src=\"fig1.png\" alt=\"水位图\"><figcaption>图1 水位</figcaption></figure>"
            + "<p style=\"text-align: center; text-indent: 2em\">联系：<a href=\"mailto:slj@tx.gov.cn\">邮箱</a> <a href=\"https://slj.tx.gov.cn/\">网站</a></p>";
        var submission = Valid();
        submission.Body!.Content = kept;

        var result = CreateSut().Validate(submission, Now);

        Assert.Equal(kept, result.Item!.BodyHtml);
        Assert.DoesNotContain(result.Compliance.Notes, n => n.Field == "body.content");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example/x")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    public void Validate_LinkOtherThanHttpHttpsOrMailto_HrefRemovedAndNoted(string href)
    {
        var submission = Valid();
        submission.Body!.Content = $"<p>汛期将至<a href=\"{href}\">链接</a><img src=\"fig1.png\"></p>";

        var result = CreateSut().Validate(submission, Now);

        Assert.Contains("<a>链接</a>", result.Item!.BodyHtml, StringComparison.Ordinal);
        Assert.Contains(result.Compliance.Notes, n => n.Message.Contains("href URL other than http, https or mailto", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("//elsewhere.example/x.png")]
    [InlineData("http://elsewhere.example/x.png")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    public void Validate_ImageNotAmongTheItemsOwn_RemovedAndNoted(string src)
    {
        var submission = Valid();
        submission.Body!.Content = $"<p>汛期将至<img src=\"fig1.png\"><img src=\"{src}\"></p>";

        var result = CreateSut().Validate(submission, Now);

        Assert.Equal("<p>汛期将至<img src=\"fig1.png\"></p>", result.Item!.BodyHtml);
        Assert.Contains(result.Compliance.Notes, n => n.Message.Contains("a government page shows only images sent with the item", StringComparison.Ordinal));
    }
}
