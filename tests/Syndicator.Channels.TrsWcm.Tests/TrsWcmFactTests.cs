using System.Text.Json.Nodes;
using Syndicator.Core.Channels;
using Syndicator.Core.Tracking;
using Syndicator.Sandbox;
using Syndicator.Testing;
using Syndicator.Testing.Sandbox;
using Syndicator.Testing.Fakes;

namespace Syndicator.Channels.TrsWcm.Tests;

/// <summary>The TRS WCM facts (platform-truth.md §2, T1–T7) against the strict emulator.</summary>
public sealed class TrsWcmFactTests : TrsWcmSandboxTests
{
    private static readonly Dictionary<string, string?> MetaView = new() { ["Mode"] = "metaview" };

    [Fact]
    public async Task T1_LoginAnswered302_SessionTakenFromThatAnswerAndOneLoginServesThePublish()
    {
        var sut = CreateSut();

        var outcome = await PublishAsync(sut.Connector, NewItem());

        Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        Assert.Equal(1, (await Sandbox.GetSessionsAsync(Timeout)).Logins);
        Assert.DoesNotContain(sut.Requests, r => r.Url.AbsolutePath.EndsWith("main.jsp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task T1_WrongPassword_HealthUnhealthyAtOnceSayingSoInWcmsWords()
    {
        var health = await CreateSut("not-the-password").Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Unhealthy, health.Status);
        Assert.Contains("WCM refused the user name or password: 对不起，您输入的用户名或密码不正确！", health.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task T2_TwoNodesSharingTheChannelState_50ItemsWithoutKickingEachOther()
    {
        var state = new InMemoryChannelStateStore();
        var nodes = new[] { CreateSut(state: state).Connector, CreateSut(state: state).Connector };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => PublishAsync(nodes[i % 2], NewItem())));

        Assert.All(outcomes, o => Assert.IsType<ChannelOutcome.Succeeded>(o));
        Assert.Equal(50, (await ArticlesAsync()).Count);
        var sessions = await Sandbox.GetSessionsAsync(Timeout);
        Assert.Equal(1, sessions.Logins);
        var stats = await Sandbox.Control.GetStatsAsync(TrsWcmSut.Channel, Timeout);
        Assert.False(stats.Errors.ContainsKey("ERR_USER_LOGINED"));
    }

    [Fact]
    public async Task T2_AccountHeldByAnotherSession_RefusedInWordsAndNobodyKicked()
    {
        var first = CreateSut(state: new InMemoryChannelStateStore()).Connector;
        var second = CreateSut(state: new InMemoryChannelStateStore()).Connector;
        Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(first, NewItem()));

        var refused = await PublishAsync(second, NewItem());

        var failed = Assert.IsType<ChannelOutcome.AuthFailed>(refused);
        Assert.Contains("another session holds the account", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("已在[", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("ForceKick", failed.Reason, StringComparison.Ordinal);
        Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(first, NewItem()));
        Assert.Equal(0, (await Sandbox.GetSessionsAsync(Timeout)).Kicked);
    }

    [Fact]
    public async Task T2_ForceKickSetExplicitly_TheOtherSessionIsLoggedOut()
    {
        var first = CreateSut(state: new InMemoryChannelStateStore()).Connector;
        var second = CreateSut(settings: new Dictionary<string, string?> { ["ForceKick"] = "true" }, state: new InMemoryChannelStateStore()).Connector;
        Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(first, NewItem()));

        Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(second, NewItem()));

        Assert.Equal(1, (await Sandbox.GetSessionsAsync(Timeout)).Kicked);
    }

    [Fact]
    public async Task T3_BodyPicture_UploadedAsW0_SrcRewritten_BodyInTrsWrapper_PageShowsIt()
    {
        var image = Some.Image("photo.png");
        var item = NewItem(bodyHtml: "<p>现场照片如下。</p><p><img src=\"photo.png\" alt=\"现场\"></p>") with { Images = [image] };

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut().Connector, item));

        var article = Assert.Single(await ArticlesAsync());
        var body = article.Metadata["body"]!.GetValue<string>();
        Assert.StartsWith("<div class=\"TRS_UEDITOR TRS_WEB\">", body, StringComparison.Ordinal);
        Assert.Matches("<img src=\"W0[0-9]+\\.png\"", body);
        Assert.Empty(article.Metadata["unresolvedImages"]!.AsArray());
        var page = await PageAsync(succeeded.Url!);
        var src = System.Text.RegularExpressions.Regex.Match(page, "<img src=\"(?<src>[^\"]+)\"").Groups["src"].Value;
        using var client = Sandbox.CreateClient();
        Assert.Equal(image.Content, await client.GetByteArrayAsync(new Uri(succeeded.Url!, src), Timeout));
    }

    [Fact]
    public async Task T4_MetaviewMode_OneSavemetaviewdataAndNoDocumentSave_IdFromMetadataId()
    {
        var sut = CreateSut(settings: MetaView);
        var item = NewItem() with { IndexNumber = "002482285/2026-00042" };

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(sut.Connector, item));

        var article = Assert.Single(await ArticlesAsync());
        Assert.Equal(article.RemoteId, succeeded.RemoteId);
        Assert.True(article.Metadata["viaMetaView"]!.GetValue<bool>());
        Assert.Equal("002482285/2026-00042", article.Metadata["metaView"]!["IDXID"]!.GetValue<string>());
        Assert.Single(sut.Requests, r => r.Url.Query.Contains("methodname=savemetaviewdata", StringComparison.Ordinal));
        Assert.DoesNotContain(sut.Requests, r => r.Url.Query.Contains("methodname=save&", StringComparison.Ordinal) || r.Url.Query.EndsWith("methodname=save", StringComparison.Ordinal));
    }

    [Fact]
    public async Task T4_FieldMap_DisclosureFieldsArriveUnderTheViewsOwnNames()
    {
        await Sandbox.SetApprovalSettingsAsync(new JsonObject { ["viewFields"] = new JsonArray("DOCTITLE", "DOCHTMLCON", "SYH", "FBJG") }, Timeout);
        var settings = new Dictionary<string, string?>(MetaView) { ["Fields:IndexNumber"] = "SYH", ["Fields:Publisher"] = "FBJG" };
        var item = NewItem() with { IndexNumber = "002482285/2026-00042", Publisher = "桐乡市行政审批服务中心" };

        Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut(settings: settings).Connector, item));

        var view = Assert.Single(await ArticlesAsync()).Metadata["metaView"]!.AsObject();
        Assert.Equal("002482285/2026-00042", view["SYH"]!.GetValue<string>());
        Assert.Equal("桐乡市行政审批服务中心", view["FBJG"]!.GetValue<string>());
    }

    [Fact]
    public async Task T4_MetaviewModeOnAChannelWithoutAView_RejectedWithWcmsFault()
    {
        await Sandbox.SetApprovalSettingsAsync(new JsonObject { ["viewChannels"] = new JsonArray() }, Timeout);

        var outcome = await PublishAsync(CreateSut(settings: MetaView).Connector, NewItem());

        var rejected = Assert.IsType<ChannelOutcome.Rejected>(outcome);
        Assert.Contains("WCM fault 10: 栏目[ChannelId=101]未绑定元数据视图", rejected.Reason, StringComparison.Ordinal);
        Assert.Empty(await ArticlesAsync());
    }

    [Fact]
    public async Task T5_CreateLandedButItsAnswerLost_ReconciledByMarkerWithoutAReferenceColumn()
    {
        var sut = CreateSut(settings: MetaView);
        var delivery = Delivery(NewItem());
        await AddFaultAsync(SandboxFault.CommitThenDropConnection() with { Path = "/wcm/center.do" });

        Assert.IsType<ChannelOutcome.Transient>(await RunAsync(sut.Connector, delivery));
        var retried = await RunAsync(sut.Connector, delivery);

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(retried);
        Assert.Equal(succeeded.RemoteId, Assert.Single(await ArticlesAsync()).RemoteId);
        Assert.Equal(1, (await Sandbox.Control.GetStatsAsync(TrsWcmSut.Channel, Timeout)).Creates);
        Assert.Contains(sut.Requests, r => r.Url.Query.Contains("serviceid=wcm61_viewdocument&methodname=query", StringComparison.Ordinal));
    }

    [Fact]
    public async Task T6_Refusal_ReasonShowsTheRawNumericFault()
    {
        var outcome = await PublishAsync(CreateSut().Connector, NewItem(title: new string('长', 201)));

        var rejected = Assert.IsType<ChannelOutcome.Rejected>(outcome);
        Assert.Equal("10", rejected.Code);
        Assert.Contains("WCM fault 10: 参数[DOCTITLE]无效", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task T7_NoDocPubUrl_PageAddressFromTheConfiguredRuleAndThePageAnswers()
    {
        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut().Connector, NewItem()));

        var article = Assert.Single(await ArticlesAsync());
        Assert.Equal(article.Url.AbsolutePath, succeeded.Url!.AbsolutePath);
        Assert.Contains("<h1 class=\"article-title\">", await PageAsync(succeeded.Url!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NoBodySelector_ReadsThroughWcmsApi()
    {
        var sut = CreateSut(settings: new Dictionary<string, string?> { ["PageUrlRule"] = null });
        var item = NewItem();
        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(sut.Connector, item));

        var check = await ((IChannelVerifier)sut.Connector).VerifyAsync(Live(item, succeeded.RemoteId), item, Timeout);

        Assert.Null(succeeded.Url);
        Assert.Equal(LiveStatus.Verified, check!.Status);
        Assert.Contains("WCM findById", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_BodySelectorConfigured_ReadsThePage()
    {
        var sut = CreateSut(settings: new Dictionary<string, string?> { ["Page:BodySelector"] = "#zoom", ["Page:TitleSelector"] = "h1.article-title" });
        var item = NewItem();
        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(sut.Connector, item));

        var check = await ((IChannelVerifier)sut.Connector).VerifyAsync(Live(item, succeeded.RemoteId) with { Url = succeeded.Url }, item, Timeout);

        Assert.Equal(LiveStatus.Verified, check!.Status);
    }
}
