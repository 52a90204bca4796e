using System.Text;
using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Compliance;
using Syndicator.Core.Items;
using Syndicator.Core.Intake;
using Syndicator.Core.Tests.Support;
using Syndicator.Testing;

namespace Syndicator.Core.Tests.Intake;

/// <summary>Intake through the real catalogue, limits and renderer: what the approval system is told.</summary>
public sealed partial class ItemValidatorTests
{
    private static readonly DateTimeOffset Now = Some.Instant();
    private static readonly byte[] Png = [0x89, .. "PNG\r\n\x1a\n fig1"u8];

    /// <summary>
    /// Channels portal, bureau, wechat enabled and approval disabled; 工作信息 goes to bureau and wechat, 人事信息 only to
    /// the disabled approval centre, everything else to portal and bureau.
    /// </summary>
    private static ItemValidator CreateSut(
        IntakeOptions? limits = null, string publisher = "桐乡市水利局", IChannelConnectorFactory? connector = null)
    {
        var config = TestConfig.From(
        [
            .. TestConfig.FourChannels,
            ("Channels:approval:Enabled", "false"),
            ("Routing:Categories:工作信息:0", "bureau"),
            ("Routing:Categories:工作信息:1", "wechat"),
            ("Routing:Categories:人事信息:0", "approval"),
            ("Routing:Default:0", "portal"),
            ("Routing:Default:1", "bureau"),
        ]);
        var catalogue = TestConfig.Catalogue(config);
        return new ItemValidator(
            catalogue,
            Options.Create(limits ?? new IntakeOptions()),
            Options.Create(new PublisherOptions { Name = publisher }),
            new BodyRenderer(),
            new ComplianceChecker(Options.Create(new ComplianceOptions()), catalogue),
            connector is null ? null : [connector]);
    }

    [Fact]
    public void Validate_AChannelsConnectorRefusesTheItem_422WithItsFieldAndNothingElse()
    {
        var sut = CreateSut(connector: new RefusingTitles());

        var result = sut.Validate(Valid(), Now);

        Assert.Null(result.Item);
        Assert.Equal(422, result.Error!.Status);
        Assert.Equal(["too long for this platform"], result.Error.Errors["title"]);
    }

    /// <summary>The test catalogue's connector, on a platform that takes no title at all.</summary>
    private sealed class RefusingTitles : IChannelConnectorFactory
    {
        public string Connector => "fake";

        public IEnumerable<string> Validate(ChannelDefinition channel) => [];

        public IChannelConnector Create(ChannelDefinition channel) => throw new NotSupportedException();

        public IEnumerable<KeyValuePair<string, string>> CheckItem(ChannelDefinition channel, ItemRevision item) =>
            [KeyValuePair.Create("title", "too long for this platform")];
    }

    /// <summary>A publishable html item with one image its body shows.</summary>
    private static SubmittedItem Valid() => new()
    {
        Id = "txsl-2026-0042",
        Revision = 1,
        Title = "关于做好2026年汛期安全工作的通知",
        Summary = "做好汛期安全工作。",
        Body = new SubmittedBody { Format = "html", Content = "<p>汛期将至<img src=\"fig1.png\"></p><script>alert('x')</script>" },
        Category = "工作信息",
        DocumentNumber = "桐水〔2026〕12号",
        WrittenOn = "2026-03-01",
        Images = [File("fig1.png", "image/png", Png)],
        Attachments = [File("通知.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4"))],
        Overrides = new() { ["wechat"] = new SubmittedOverride { Title = "汛期安全通知" } },
        Approval = new SubmittedApproval { ProvidedBy = "张三", ReviewedBy = ["李四"], ConfidentialityReviewedBy = "王五", ApprovedAt = Now },
    };

    private static SubmittedFile File(string name, string mediaType, byte[] content) =>
        new() { Name = name, MediaType = mediaType, ContentBase64 = Convert.ToBase64String(content) };

    private static IntakeError Refused(IntakeResult result, int status)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Item);
        var error = Assert.IsType<IntakeError>(result.Error);
        Assert.Equal(status, error.Status);
        return error;
    }

    [Fact]
    public void Validate_ValidHtmlItem_RevisionWithSanitizedBody()
    {
        var result = CreateSut().Validate(Valid(), Now);

        var item = Assert.IsType<Core.Items.ItemRevision>(result.Item);
        Assert.Null(result.Error);
        Assert.Equal("txsl-2026-0042", item.Id);
        Assert.Equal(1, item.Revision);
        Assert.DoesNotContain("<script", item.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", item.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("汛期将至", item.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<img src=\"fig1.png\">", item.BodyHtml, StringComparison.Ordinal);
        Assert.Equal("html", item.Body.Format);
        Assert.Contains("<script>", item.Body.Content, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 3, 1), item.WrittenOn);
        Assert.Equal(Png, Assert.Single(item.Images).Content);
        Assert.Equal("application/pdf", Assert.Single(item.Attachments).MediaType);
        Assert.Equal("汛期安全通知", item.TitleFor("wechat"));
        Assert.Equal("关于做好2026年汛期安全工作的通知", item.TitleFor("bureau"));
        Assert.Equal(["李四"], item.Approval!.ReviewedBy);
        Assert.Equal(Now, item.AcceptedAt);
        Assert.Matches("^[0-9a-f]{64}$", item.ContentHash);
    }

    [Fact]
    public void Validate_EventHandlersAndJavascriptUrls_RemovedFromBody()
    {
        var submission = Valid();
        submission.Body!.Content = "<p onclick=\"steal()\">正文<a href=\"javascript:steal()\">链接</a><img src=\"fig1.png\" onerror=\"steal()\"></p>";

        var item = CreateSut().Validate(submission, Now).Item!;

        Assert.DoesNotContain("steal", item.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("链接", item.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MarkdownBody_RenderedToHtml()
    {
        var submission = Valid();
        submission.Body = new SubmittedBody { Format = "markdown", Content = "# 汛期通知\n\n请**务必**落实。\n\n![图一](fig1.png)" };

        var item = CreateSut().Validate(submission, Now).Item!;

        Assert.Contains("<h1", item.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<strong>务必</strong>", item.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("src=\"fig1.png\"", item.BodyHtml, StringComparison.Ordinal);
        Assert.Equal("markdown", item.Body.Format);
    }

    [Fact]
    public void Validate_NoChannels_RoutedByCategory()
    {
        var item = CreateSut().Validate(Valid(), Now).Item!;

        Assert.Equal(["bureau", "wechat"], item.Channels);
    }

    [Fact]
    public void Validate_CategoryWithoutRoute_DefaultRouting()
    {
        var submission = Valid();
        submission.Category = "政策文件";
        submission.Overrides = null;

        Assert.Equal(["portal", "bureau"], CreateSut().Validate(submission, Now).Item!.Channels);
    }

    [Fact]
    public void Validate_ExplicitChannels_UsedInsteadOfRouting()
    {
        var submission = Valid();
        submission.Channels = ["portal", "wechat"];

        Assert.Equal(["portal", "wechat"], CreateSut().Validate(submission, Now).Item!.Channels);
    }

    [Fact]
    public void Validate_NoPublisher_DefaultFromConfiguration()
    {
        var item = CreateSut(publisher: "桐乡市水利局（测试）").Validate(Valid(), Now).Item!;

        Assert.Equal("桐乡市水利局（测试）", item.Publisher);
    }

    [Fact]
    public void Validate_PublisherGiven_KeptTrimmed()
    {
        var submission = Valid();
        submission.Publisher = "  桐乡市人民政府  ";

        Assert.Equal("桐乡市人民政府", CreateSut().Validate(submission, Now).Item!.Publisher);
    }

    [Fact]
    public void ContentHash_IdenticalSubmissions_Equal()
    {
        var sut = CreateSut();

        var first = sut.Validate(Valid(), Now).Item!;
        var second = sut.Validate(Valid(), Now.AddMinutes(5)).Item!;

        Assert.Equal(first.ContentHash, second.ContentHash);
    }

    [Fact]
    public void ContentHash_OverridesInAnotherOrder_Equal()
    {
        var a = Valid();
        a.Channels = ["bureau", "wechat"];
        a.Overrides = new() { ["wechat"] = new() { Title = "微信标题" }, ["bureau"] = new() { Summary = "网站摘要" } };
        var b = Valid();
        b.Channels = ["bureau", "wechat"];
        b.Overrides = new() { ["bureau"] = new() { Summary = "网站摘要" }, ["wechat"] = new() { Title = "微信标题" } };

        var sut = CreateSut();

        Assert.Equal(sut.Validate(a, Now).Item!.ContentHash, sut.Validate(b, Now).Item!.ContentHash);
    }

    [Fact]
    public void ContentHash_TitleDiffers_Different()
    {
        var other = Valid();
        other.Title += "（修订）";
        var sut = CreateSut();

        Assert.NotEqual(sut.Validate(Valid(), Now).Item!.ContentHash, sut.Validate(other, Now).Item!.ContentHash);
    }

    [Fact]
    public void ContentHash_ImageContentDiffers_Different()
    {
        var other = Valid();
        other.Images = [File("fig1.png", "image/png", [0x89, .. "PNG\r\n\x1a\n another"u8])];
        var sut = CreateSut();

        Assert.NotEqual(sut.Validate(Valid(), Now).Item!.ContentHash, sut.Validate(other, Now).Item!.ContentHash);
    }

    [Fact]
    public void ContentHash_OverrideDiffers_Different()
    {
        var other = Valid();
        other.Overrides!["wechat"] = new SubmittedOverride { Title = "另一个标题" };
        var sut = CreateSut();

        Assert.NotEqual(sut.Validate(Valid(), Now).Item!.ContentHash, sut.Validate(other, Now).Item!.ContentHash);
    }

    [Theory]
    [InlineData("图一.png")]
    [InlineData("fig 1.png")]
    [InlineData("fig1&2.png")]
    [InlineData("汛期(1).png")]
    public void Validate_BodyShowsCarriedImageWithUnusualName_Accepted(string name)
    {
        var submission = Valid();
        submission.Images = [File(name, "image/png", Png)];
        submission.Body!.Content = $"<p><img src=\"{System.Net.WebUtility.HtmlEncode(name)}\"></p>";

        var result = CreateSut().Validate(submission, Now);

        Assert.True(result.IsValid, string.Join("; ", result.Error?.Errors.SelectMany(e => e.Value) ?? []));
    }
}
