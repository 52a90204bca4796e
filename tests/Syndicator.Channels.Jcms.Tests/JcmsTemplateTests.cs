using Syndicator.Core.Channels;
using Syndicator.Core.Tracking;
using Syndicator.Sandbox;
using Syndicator.Testing.Conformance;

namespace Syndicator.Channels.Jcms.Tests;

/// <summary>The per-site template (platform-truth §4), the reply rules and the page selectors as configuration.</summary>
public sealed class JcmsTemplateTests : JcmsSandboxTests
{
    [Fact]
    public async Task Publish_SiteWithAnotherRootAndFieldNames_EnvelopeAsConfigured()
    {
        await SiteAsync(new { root = "articles" });
        var settings = JcmsSut.SandboxSettings(Sandbox);
        settings["Envelope:Root"] = "articles";
        settings["Envelope:Fields:DocumentNumber"] = "fwzh";
        settings["Envelope:Fields:Summary"] = "";
        settings[$"ColumnNames:{SandboxCredentials.PortalColumnId}"] = "政府信息公开目录";
        var item = NewItem() with { DocumentNumber = "桐水〔2026〕12号", Summary = "摘要文字" };

        Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut(settings).Connector, item));

        var metadata = Assert.Single(await ArticlesAsync()).Metadata;
        Assert.Equal("桐水〔2026〕12号", (string?)metadata["fwzh"]);
        Assert.False(metadata.ContainsKey("文号"));
        Assert.False(metadata.ContainsKey("摘要"));
        Assert.Equal("政府信息公开目录", (string?)metadata["column"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", (string?)metadata["创建日期"]);
    }

    [Fact]
    public async Task Publish_DefaultEnvelopeOnASiteWithAnotherRoot_RejectedWithTheSitesWords()
    {
        await SiteAsync(new { root = "articles" });

        var rejected = Assert.IsType<ChannelOutcome.Rejected>(await PublishAsync(CreateSut().Connector, NewItem()));

        Assert.Contains("根元素应为 articles", rejected.Reason, StringComparison.Ordinal);
        Assert.Empty(await ArticlesAsync());
    }

    [Fact]
    public void Reply_HanwebServiceErrorCodes_NotReadByTheDefaultRules()
    {
        var rules = new JcmsReplyRules(new JcmsReplyOptions());
        var redaction = new JcmsRedaction("p", "userid", "password");

        var reading = new JcmsAnswer(Ok("<result><errorcode>0</errorcode><articleid>6931</articleid></result>"), rules, redaction).Reading;
        var words = new JcmsAnswer(Ok("<p>提交成功</p>"), rules, redaction).Reading;

        Assert.Equal(JcmsReading.Unreadable, reading);
        Assert.Equal(JcmsReading.Succeeded, words);
    }

    [Fact]
    public void Reply_ErrorCodesConfiguredAsOneRule_ReadAsConfigured()
    {
        var rules = new JcmsReplyRules(new JcmsReplyOptions
        {
            Success = new JcmsReplyRule { XPath = "/result/errorcode", Value = "^0$" },
            Id = new JcmsReplyRule { XPath = "/result/articleid" },
            AuthFailed = new JcmsReplyRule { XPath = "/result/errorcode", Value = "^A0[12]$" },
        });
        var redaction = new JcmsRedaction("p", "userid", "password");

        var added = new JcmsAnswer(Ok("<result><errorcode>0</errorcode><articleid>6931</articleid></result>"), rules, redaction);
        var refused = new JcmsAnswer(Ok("<result><errorcode>A02</errorcode></result>"), rules, redaction);

        Assert.Equal("6931", added.ArticleId);
        Assert.Equal(JcmsReading.AuthFailed, refused.Reading);
    }

    [Fact]
    public async Task Verify_SandboxSelectors_VerifiedThenChangedAfterABackOfficeEdit()
    {
        var connector = CreateSut().Connector;
        var item = NewItem();
        var delivery = new InMemoryDelivery(item, JcmsSut.Channel);
        var placement = delivery.PlacementOf(Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(connector, delivery)));
        var verifier = Assert.IsAssignableFrom<IChannelVerifier>(connector);

        var live = await verifier.VerifyAsync(placement, item, Timeout);
        await Sandbox.Control.EditArticleAsync(JcmsSut.Channel, placement.RemoteId, content: "<p>后台改过的正文</p>", cancellationToken: Timeout);
        var edited = await verifier.VerifyAsync(placement, item, Timeout);

        Assert.Equal(LiveStatus.Verified, live!.Status);
        Assert.Equal(LiveStatus.Changed, edited!.Status);
    }

    private static RestSharp.RestResponse Ok(string content) => new(new RestSharp.RestRequest())
    {
        StatusCode = System.Net.HttpStatusCode.OK,
        ResponseStatus = RestSharp.ResponseStatus.Completed,
        IsSuccessStatusCode = true,
        Content = content,
    };
}
