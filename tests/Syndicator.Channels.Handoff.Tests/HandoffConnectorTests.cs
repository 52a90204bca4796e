using System.Net;
using Microsoft.Extensions.Configuration;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Testing;
using Syndicator.Testing.Conformance;

namespace Syndicator.Channels.Handoff.Tests;

public sealed class HandoffConnectorTests
{
    private static readonly Uri Live = new("https://zwfw.example.gov.cn/art/7.html");

    [Fact]
    public async Task Execute_Publish_HandedOffWithWhereAndWhat()
    {
        var outcome = await CreateSut(("BackOfficeUrl", "https://zwfw.example.gov.cn/admin/")).ExecuteAsync(new InMemoryDelivery(Some.Item(), "approval").NextTry(), CancellationToken.None);

        var handed = Assert.IsType<ChannelOutcome.HandedOff>(outcome);
        Assert.Contains("审批中心（https://zwfw.example.gov.cn/admin/）发布", handed.Instructions, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DeliveryOperation.Update, "修改 https://zwfw.example.gov.cn/art/7.html")]
    [InlineData(DeliveryOperation.Withdraw, "删除 https://zwfw.example.gov.cn/art/7.html")]
    public void Package_LiveArticle_InstructionsNameIt(DeliveryOperation operation, string expected)
    {
        var item = Some.Item();
        var live = new Placement(item.Id, "approval", 1, "7", Live, Some.Instant());

        var package = ((IHandoffPackager)CreateSut()).Package(item, operation, live);

        Assert.Contains(expected, package.Instructions, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_Item_MetadataInPortalOrderWithoutEmptyFields()
    {
        var item = Some.Item() with { IndexNumber = "002564328/2026-00001", DocumentNumber = null, WrittenOn = null, Disclosure = new DisclosureMetadata { Genre = "通知" } };

        var package = ((IHandoffPackager)CreateSut()).Package(item, DeliveryOperation.Publish, null);

        var names = package.Metadata.Select(m => m.Key).ToList();
        Assert.Equal(["索引号", "发布机构", "标题", "体裁分类", "公开方式", "公开范围"], names.Take(6));
        Assert.DoesNotContain("文号", names);
    }

    [Fact]
    public void Package_BodyWithImageAndBlocks_HtmlInlinesTheImageAndTextKeepsParagraphs()
    {
        var image = Some.Image("fig.png");
        var item = Some.Item(bodyHtml: "<h2>标题</h2><p>第一段<br>续行</p><ul><li>一</li><li>二</li></ul><p><img src=\"fig.png\"></p>", images: [image]);

        var package = ((IHandoffPackager)CreateSut()).Package(item, DeliveryOperation.Publish, null);

        Assert.Equal("标题\n第一段\n续行\n一\n二", package.Text);
        Assert.Contains(image.ToDataUri(), package.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/art/7.html", false)]
    [InlineData("http://169.254.169.254/latest/meta-data/", false)]
    [InlineData("https://zwfw.example.gov.cn/art/7.html", true)]
    public async Task Verify_ConfirmedUrl_FetchedOnlyOnTheChannelsHosts(string confirmed, bool fetched)
    {
        var calls = new List<Uri>();
        var channel = Definition(("PublicHosts:0", "zwfw.example.gov.cn"));
        var sut = new HandoffConnector(channel, new HandoffChannelOptions())
        {
            Policy = Syndicator.Core.Tracking.FetchPolicy.For(channel),
            Http = () => new HttpClient(new Recorder(calls)),
        };
        var item = Some.Item();

        var check = await sut.VerifyAsync(new Placement(item.Id, "approval", 1, "7", new Uri(confirmed), Some.Instant()), item, CancellationToken.None);

        Assert.Equal(fetched, check is not null);
        Assert.Equal(fetched ? 1 : 0, calls.Count);
    }

    [Fact]
    public void Validate_BadBackOfficeUrl_NamesTheKey()
    {
        var problems = new HandoffConnectorFactory().Validate(Definition(("BackOfficeUrl", "ftp://x")));

        Assert.Equal(["Channels:approval:BackOfficeUrl must be an absolute http(s) URL; got 'ftp://x'"], problems);
    }

    private static IChannelConnector CreateSut(params (string Key, string Value)[] settings) =>
        new HandoffConnectorFactory().Create(Definition(settings));

    private static ChannelDefinition Definition(params (string Key, string Value)[] settings)
    {
        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"Channels:approval:{s.Key}", (string?)s.Value))
                .Append(KeyValuePair.Create("Channels:approval:DisplayName", (string?)"审批中心")))
            .Build().GetSection("Channels:approval");
        return new ChannelDefinition("approval", section.Get<ChannelOptions>() ?? new ChannelOptions(), section);
    }

    /// <summary>Answers every request with an empty page and keeps its URL.</summary>
    private sealed class Recorder(List<Uri> calls) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            calls.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html><body></body></html>") });
        }
    }
}
