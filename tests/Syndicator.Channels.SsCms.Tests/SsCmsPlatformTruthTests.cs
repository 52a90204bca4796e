using System.Net;
using System.Text.Json.Nodes;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Tracking;
using Syndicator.Testing;
using Syndicator.Testing.Conformance;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.SsCms.Tests;

/// <summary>
/// Our behaviour for each fact of reference/platform-truth.md §1, against the strict emulator. Each test fails when the
/// fact's handling is taken out of the connector (docs/channels/sscms.md, "Platform facts and the tests that prove them").
/// </summary>
public sealed class SsCmsPlatformTruthTests : SsCmsSandboxTests
{
    [Fact]
    public async Task S1_CheckHealth_PingsApiPingAndReportsTheVersion()
    {
        var health = await CreateSut().Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Healthy, health.Status);
        Assert.StartsWith("SSCMS 7.4.0 answers (pong)", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task S2_PhotoCover_NeverInImageUrl_ItIsTheBodysFirstFigure()
    {
        var cover = Fixtures.Cover();
        var item = NewItem() with { Cover = cover };

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut().Connector, item));

        var article = Assert.Single(await ArticlesAsync());
        Assert.Equal("", article.Metadata["imageUrl"]!.GetValue<string>());
        var page = await PageAsync(succeeded.Url!);
        Assert.Contains($"<div class=\"article-content\"><figure class=\"syndicator-cover\"><img src=\"{cover.ToDataUri()}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task S2_TheSame500ThreeTimesInARow_RejectedWithThePlatformsMessage()
    {
        // A 501-character title meets the same VARCHAR(500) column rule as imageUrl did: SSCMS answers 500 every time.
        var item = NewItem(title: new string('长', 501));
        var connector = CreateSut().Connector;
        var first = Assert.IsType<ChannelOutcome.Transient>(await PublishAsync(connector, item));
        var third = Some.Delivery(item, SsCmsSut.Channel, attempts: 2) with { LastError = first.Reason };

        var outcome = await connector.ExecuteAsync(new DeliveryContext(third, DeliveryOperation.Publish, item, null, static (_, _) => Task.CompletedTask), Timeout);

        Assert.Equal("SSCMS answered 500: 22001: value too long for type character varying(500)", first.Reason);
        var rejected = Assert.IsType<ChannelOutcome.Rejected>(outcome);
        Assert.Contains("22001: value too long", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal("500", rejected.Code);
    }

    [Fact]
    public async Task RepeatedBare503WithoutAPlatformMessage_StaysTransient()
    {
        var item = NewItem();
        await AddFaultAsync(SandboxFault.Fail(503) with { Path = "/api/v1/contents/1/2" });
        var third = Some.Delivery(item, SsCmsSut.Channel, attempts: 2) with { LastError = "SSCMS answered 503: (empty body)" };

        var outcome = await CreateSut().Connector.ExecuteAsync(new DeliveryContext(third, DeliveryOperation.Publish, item, null, static (_, _) => Task.CompletedTask), Timeout);

        Assert.Equal("SSCMS answered 503: (empty body)", Assert.IsType<ChannelOutcome.Transient>(outcome).Reason);
    }

    [Fact]
    public async Task S3_InlineMediaOff_CoverNotSentAndTheOutcomeSaysSo()
    {
        var settings = SsCmsSut.SandboxSettings(Sandbox);
        settings["InlineMedia"] = "false";
        var item = NewItem() with { Cover = Fixtures.Cover() };

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut(settings).Connector, item));

        Assert.DoesNotContain("data:", await PageAsync(succeeded.Url!), StringComparison.Ordinal);
        Assert.Contains("Channels:bureau:InlineMedia is false", succeeded.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task S5_SsCmsOlderThan731_UpdateHandedOffAndNeverSent()
    {
        var connector = CreateSut().Connector;
        var first = NewItem();
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, first));
        await Sandbox.SetBureauSettingsAsync(new JsonObject { ["version"] = "7.3.0" }, Timeout);
        var second = NewItem(id: first.Id, revision: 2, title: "更正后的标题");

        var outcome = await RunAsync(connector, new InMemoryDelivery(second, SsCmsSut.Channel, DeliveryOperation.Update, Live(first, published.RemoteId)));

        var handedOff = Assert.IsType<ChannelOutcome.HandedOff>(outcome);
        Assert.StartsWith("SSCMS 7.3.0 is older than 7.3.1", handedOff.Instructions, StringComparison.Ordinal);
        Assert.Contains($"content {published.RemoteId}", handedOff.Instructions, StringComparison.Ordinal);
        Assert.Equal(0, (await Sandbox.Control.GetStatsAsync(SsCmsSut.Channel, Timeout)).Updates);
        var article = Assert.Single(await ArticlesAsync());
        Assert.Equal(first.Title, article.Title);
        Assert.True(article.Metadata["checked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task S5_StatusRouteBlockedAndNoVersionSetting_UpdateRejectedNamingTheSetting()
    {
        var connector = CreateSut().Connector;
        var item = NewItem();
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, item));
        await AddFaultAsync(SandboxFault.Fail(404) with { Path = "/api/ping/status" });

        var outcome = await RunAsync(connector, new InMemoryDelivery(item, SsCmsSut.Channel, DeliveryOperation.Update, Live(item, published.RemoteId)));

        var rejected = Assert.IsType<ChannelOutcome.Rejected>(outcome);
        Assert.Contains("set Channels:bureau:Version", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(0, (await Sandbox.Control.GetStatsAsync(SsCmsSut.Channel, Timeout)).Updates);
    }

    [Fact]
    public async Task S5_StatusRouteBlocked_VersionSettingLetsTheUpdateThrough()
    {
        var settings = SsCmsSut.SandboxSettings(Sandbox);
        settings["Version"] = "7.4.0";
        var connector = CreateSut(settings).Connector;
        var item = NewItem();
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, item));
        await AddFaultAsync(SandboxFault.Fail(404) with { Path = "/api/ping/status" });

        var outcome = await RunAsync(connector, new InMemoryDelivery(NewItem(id: item.Id, revision: 2, title: "新标题"), SsCmsSut.Channel, DeliveryOperation.Update, Live(item, published.RemoteId)));

        Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        Assert.Equal("新标题", Assert.Single(await ArticlesAsync()).Title);
    }

    [Fact]
    public async Task S7_SiteWithItsOwnPathRuleAndDirectory_RecordsTheAddressTheSiteReports()
    {
        await Sandbox.SetBureauSettingsAsync(new JsonObject { ["contentFilePathRule"] = "/news/{@year}{@month}/{@contentId}.html", ["siteDir"] = "shuili" }, Timeout);

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut().Connector, NewItem()));

        var article = Assert.Single(await ArticlesAsync());
        Assert.Equal(article.Url, succeeded.Url);
        Assert.Matches($"/bureau/site/shuili/news/[0-9]{{6}}/{succeeded.RemoteId}\\.html$", succeeded.Url!.AbsolutePath);
        using var client = Sandbox.CreateClient();
        using var page = await client.GetAsync(succeeded.Url, Timeout);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task S8_KeysAdministratorWithoutRightsOnTheColumn_AuthFailedNamingThatPossibility()
    {
        await Sandbox.SetBureauSettingsAsync(new JsonObject { ["channelsWithoutRights"] = new JsonArray(2) }, Timeout);

        var outcome = await PublishAsync(CreateSut().Connector, NewItem());

        var failed = Assert.IsType<ChannelOutcome.AuthFailed>(outcome);
        Assert.Contains("refused the API key (Channels:bureau:ApiKey", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("no rights on SSCMS channel 2 (栏目) of site 1", failed.Reason, StringComparison.Ordinal);
        Assert.Empty(await ArticlesAsync());
    }

    [Fact]
    public async Task S9_NoBodySelector_VerifiesThroughTheApi()
    {
        var sut = CreateSut();
        var item = NewItem();
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(sut.Connector, item));
        var placement = Live(item, published.RemoteId) with { Url = published.Url };
        var verifier = Assert.IsAssignableFrom<IChannelVerifier>(sut.Connector);

        var verified = await verifier.VerifyAsync(placement, item, Timeout);
        await Sandbox.Control.EditArticleAsync(SsCmsSut.Channel, published.RemoteId, content: "<p>被改过的正文</p>", cancellationToken: Timeout);
        var changed = await verifier.VerifyAsync(placement, item, Timeout);
        await Sandbox.Control.DeleteArticleAsync(SsCmsSut.Channel, published.RemoteId, Timeout);
        var missing = await verifier.VerifyAsync(placement, item, Timeout);

        Assert.Equal(LiveStatus.Verified, verified!.Status);
        Assert.Equal(LiveStatus.Changed, changed!.Status);
        Assert.Equal(LiveStatus.Missing, missing!.Status);
    }

    [Theory]
    [InlineData("div.article-content", LiveStatus.Verified)]
    [InlineData("div.body", LiveStatus.Changed)]
    public async Task S9_BodySelector_ComparesThePagesElement(string bodySelector, LiveStatus expected)
    {
        var settings = SsCmsSut.SandboxSettings(Sandbox);
        settings["Page:BodySelector"] = bodySelector;
        var sut = CreateSut(settings);
        var item = NewItem();
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(sut.Connector, item));

        var check = await Assert.IsAssignableFrom<IChannelVerifier>(sut.Connector)
            .VerifyAsync(Live(item, published.RemoteId) with { Url = published.Url }, item, Timeout);

        Assert.Equal(expected, check!.Status);
    }

    [Fact]
    public async Task Column_NamedByTheDelivery_CreatesThere()
    {
        var delivery = new InMemoryDelivery(NewItem(), SsCmsSut.Channel) { Column = "3" };

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(CreateSut().Connector, delivery));

        Assert.Equal(3, Assert.Single(await ArticlesAsync()).Metadata["channelId"]!.GetValue<int>());
        Assert.EndsWith($"/contents/3/{succeeded.RemoteId}.html", succeeded.Url!.AbsolutePath, StringComparison.Ordinal);
    }
}
