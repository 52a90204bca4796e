using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Testing.Conformance;

namespace Syndicator.Channels.NoticeBoard.Tests;

public sealed class NoticeBoardConnectorTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 12, 3, 20, 0, 0, TimeSpan.Zero));

    private static IChannelConnector CreateSut(params (string Key, string? Value)[] settings) =>
        new NoticeBoardConnectorFactory(Time, NullLogger<NoticeBoardConnector>.Instance).Create(Notices.Definition(settings));

    [Fact]
    public async Task Execute_Publish_HandedOffWithPrintAndPostInstructions()
    {
        var outcome = await CreateSut().ExecuteAsync(new InMemoryDelivery(Notices.Item(), "board").NextTry(), CancellationToken.None);

        var handed = Assert.IsType<ChannelOutcome.HandedOff>(outcome);
        Assert.Contains("请打印公告（notice.pdf，A4）并张贴于信息公开栏；张贴后确认", handed.Instructions, StringComparison.Ordinal);
        Assert.Contains("张贴期30天", handed.Instructions, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_Publish_CarriesTheNoticeWhoseTextHoldsTheTitle()
    {
        var package = ((IHandoffPackager)CreateSut(("Organisation", "桐乡市水利局"))).Package(Notices.Item(), DeliveryOperation.Publish, null);

        var file = Assert.Single(package.Files);
        Assert.Equal("notice.pdf", file.Name);
        Assert.Equal("application/pdf", file.MediaType);
        var text = string.Concat(Notices.Pages(file.Content));
        Assert.Contains(Notices.Normalise(Notices.Title), text, StringComparison.Ordinal);
        Assert.Contains("张贴日期：2026年12月4日", text, StringComparison.Ordinal);
        Assert.Contains("张贴至：2027年1月3日", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_Withdraw_TakeDownInstructionsAndNothingToPrint()
    {
        var item = Notices.Item();
        var live = new Placement(item.Id, "board", 1, "posted", null, Time.GetUtcNow());

        var package = ((IHandoffPackager)CreateSut()).Package(item, DeliveryOperation.Withdraw, live);

        Assert.Contains("请从信息公开栏取下本信息的公告", package.Instructions, StringComparison.Ordinal);
        Assert.Empty(package.Files);
    }

    [Fact]
    public void Package_Update_ReplaceInstructionsAndTheNewNotice()
    {
        var item = Notices.Item();
        var live = new Placement(item.Id, "board", 1, "posted", null, Time.GetUtcNow());

        var package = ((IHandoffPackager)CreateSut()).Package(item, DeliveryOperation.Update, live);

        Assert.Contains("替换信息公开栏上的原公告", package.Instructions, StringComparison.Ordinal);
        Assert.Equal("notice.pdf", Assert.Single(package.Files).Name);
    }

    [Fact]
    public async Task CheckHealth_FontLacksTheNoticesCharacters_UnhealthySayingWhich()
    {
        var options = new NoticeBoardChannelOptions { FontPath = NoticeBoardChannelOptions.DefaultLatinFontPath };
        var sut = new NoticeBoardConnector(Notices.Definition(), options, NoticeFonts.Register(options), Time, NullLogger.Instance);

        var health = await sut.CheckHealthAsync(CancellationToken.None);

        Assert.Equal(ChannelHealthStatus.Unhealthy, health.Status);
        Assert.Contains("no glyph for '", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_FontsLoad_HealthyAfterATestRender()
    {
        var health = await CreateSut().CheckHealthAsync(CancellationToken.None);

        Assert.Equal(ChannelHealthStatus.Healthy, health.Status);
        Assert.Contains("test notice rendered", health.Detail, StringComparison.Ordinal);
    }
}
