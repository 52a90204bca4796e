using System.Net;
using System.Text.Json.Nodes;
using Syndicator.Core.Channels;
using Syndicator.Core.Tracking;
using Syndicator.Testing.Conformance;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.SsCms.Tests;

/// <summary>Issue 13's "Done when" for the bureau, at connector level, on the strict SSCMS emulator.</summary>
public sealed class SsCmsAcceptanceTests : SsCmsSandboxTests
{
    [Fact]
    public async Task PhotoCoverTwoBodyImagesAndPdf_PublishedOnceAtTheAddressTheSiteReports_AndHealthy()
    {
        // A site whose pages do not follow SSCMS's default rule, so an address we built would be wrong.
        await Sandbox.SetBureauSettingsAsync(new JsonObject { ["contentFilePathRule"] = "/{@year}/{@month}{@day}/{@contentId}.html", ["siteDir"] = "slj" }, Timeout);
        var cover = Fixtures.Cover();
        var (fig1, fig2, pdf) = (Fixtures.Figure(1), Fixtures.Figure(2), Fixtures.Pdf());
        Assert.True(cover.Content.Length >= 100 * 1024);
        var item = NewItem(bodyHtml: "<p>汛前检查情况如下。</p><p><img src=\"fig1.jpg\" alt=\"现场一\"></p><p><img src=\"fig2.jpg\" alt=\"现场二\"></p>") with
        {
            Cover = cover,
            Images = [fig1, fig2],
            Attachments = [pdf],
        };
        var sut = CreateSut();
        var delivery = new InMemoryDelivery(item, SsCmsSut.Channel);

        var outcome = await RunAsync(sut.Connector, delivery);
        var again = await RunAsync(sut.Connector, delivery);
        var health = await sut.Connector.CheckHealthAsync(Timeout);

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        var repeated = Assert.IsType<ChannelOutcome.Succeeded>(again);
        Assert.Equal((succeeded.RemoteId, succeeded.Url), (repeated.RemoteId, repeated.Url));
        var article = Assert.Single(await ArticlesAsync());
        Assert.Equal(1, (await Sandbox.Control.GetStatsAsync(SsCmsSut.Channel, Timeout)).Creates);
        Assert.Equal(article.Url, succeeded.Url);
        Assert.Matches($"^/bureau/site/slj/[0-9]{{4}}/[0-9]{{4}}/{article.RemoteId}\\.html$", succeeded.Url!.AbsolutePath);
        Assert.Equal("", article.Metadata["imageUrl"]!.GetValue<string>());

        using var client = Sandbox.CreateClient();
        using var response = await client.GetAsync(succeeded.Url, Timeout);
        var page = await response.Content.ReadAsStringAsync(Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<figure class=\"syndicator-cover\"><img src=\"{cover.ToDataUri()}\"", page, StringComparison.Ordinal);
        Assert.Contains($"src=\"{fig1.ToDataUri()}\"", page, StringComparison.Ordinal);
        Assert.Contains($"src=\"{fig2.ToDataUri()}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{pdf.ToDataUri()}\" download=\"att-1.pdf\">notice.pdf</a>", page, StringComparison.Ordinal);

        Assert.Equal(ChannelHealthStatus.Healthy, health.Status);
        var check = await Assert.IsAssignableFrom<IChannelVerifier>(sut.Connector)
            .VerifyAsync(delivery.PlacementOf(succeeded), item, Timeout);
        Assert.Equal(LiveStatus.Verified, check!.Status);
    }
}
