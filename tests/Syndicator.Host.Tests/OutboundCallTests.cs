using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Tracking;
using Syndicator.Host.Hosting;

namespace Syndicator.Host.Tests;

/// <summary>
/// Outbound calls as the service composes its clients: a channel's credentials never reach another origin, and pages
/// are read only from the channel's hosts and, unless allowed, only from public addresses.
/// </summary>
public sealed class OutboundCallTests : IAsyncLifetime
{
    private const string ApiKey = "sscms-key-7f3a9c";
    private const string Secret = "AppSecret=wx-secret-5e1b";
    private LoopbackOrigin _platform = null!;
    private LoopbackOrigin _elsewhere = null!;

    public async Task InitializeAsync()
    {
        _platform = await LoopbackOrigin.StartAsync();
        _elsewhere = await LoopbackOrigin.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _elsewhere.DisposeAsync();
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    [InlineData(302)]
    public async Task ChannelCall_RedirectedToAnotherOrigin_TheOtherOriginReceivesNeitherKeyNorBody(int status)
    {
        _platform.Answer = context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = new Uri(_elsewhere.BaseAddress, "collect").ToString();
            return Task.CompletedTask;
        };
        using var services = Compose(new() { ["Channels:bureau:BaseUrl"] = _platform.BaseAddress.ToString() });
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(ChannelHttp.ClientName("bureau"));

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_platform.BaseAddress, "api/v1/contents"))
        {
            Content = new StringContent(Secret),
        };
        request.Headers.Add("X-SS-API-KEY", ApiKey);
        using var response = await client.SendAsync(request);

        // The redirect is the answer the connector reads; nothing went to the other origin.
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Single(_platform.Requests);
        Assert.Empty(_elsewhere.Requests);
    }

    [Fact]
    public async Task PageCheck_RedirectOffTheChannelsHosts_NotFollowed()
    {
        // The same machine by another name is another host: not the channel's.
        var offHost = new Uri($"http://localhost:{_elsewhere.Port}/article.html");
        _platform.Answer = context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = offHost.ToString();
            return Task.CompletedTask;
        };
        using var services = Compose(new()
        {
            ["Channels:bureau:BaseUrl"] = _platform.BaseAddress.ToString(),
            ["Channels:bureau:AllowPrivateAddresses"] = "true",
        });

        var check = await PageCheckAsync(services, new Uri(_platform.BaseAddress, "a/1.html"));

        Assert.Equal(LiveStatus.Unreachable, check.Status);
        Assert.Contains("localhost is not one of channel bureau's page hosts", check.Detail, StringComparison.Ordinal);
        Assert.Single(_platform.Requests);
        Assert.Empty(_elsewhere.Requests);
    }

    [Fact]
    public async Task PageCheck_UrlOnAHostNotConfigured_NothingSent()
    {
        using var services = Compose(new()
        {
            ["Channels:bureau:BaseUrl"] = _platform.BaseAddress.ToString(),
            ["Channels:bureau:AllowPrivateAddresses"] = "true",
        });

        var check = await PageCheckAsync(services, new Uri($"http://localhost:{_elsewhere.Port}/a/1.html"));

        Assert.Equal(LiveStatus.Unreachable, check.Status);
        Assert.Contains("Channels:bureau:PublicHosts", check.Detail, StringComparison.Ordinal);
        Assert.Empty(_elsewhere.Requests);
    }

    [Fact]
    public async Task PageCheck_ConfiguredHostResolvingToLoopback_RefusedUnlessPrivateAddressesAllowed()
    {
        var page = new Uri($"http://localhost:{_elsewhere.Port}/a/1.html");
        var settings = new Dictionary<string, string?>
        {
            ["Channels:bureau:BaseUrl"] = "https://www.example.gov.cn/",
            ["Channels:bureau:PublicHosts:0"] = "localhost",
        };
        using (var services = Compose(settings))
        {
            var refused = await PageCheckAsync(services, page);

            Assert.Equal(LiveStatus.Unreachable, refused.Status);
            Assert.Contains("not a public address", refused.Detail, StringComparison.Ordinal);
            Assert.Contains("Channels:bureau:AllowPrivateAddresses", refused.Detail, StringComparison.Ordinal);
            Assert.Empty(_elsewhere.Requests);
        }

        settings["Channels:bureau:AllowPrivateAddresses"] = "true";
        using (var services = Compose(settings))
        {
            var read = await PageCheckAsync(services, page);

            Assert.Equal(LiveStatus.Verified, read.Status);
            Assert.Single(_elsewhere.Requests);
        }
    }

    [Fact]
    public void FetchPolicy_ChannelHostsAndPublicHosts_AllowedOthersNot()
    {
        var channel = Syndicator.Core.CoreServiceCollectionExtensions.ReadChannels(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:approval:Connector"] = "trswcm",
            ["Channels:approval:BaseUrl"] = "http://10.1.2.3:8080/",
            ["Channels:approval:PageUrlRule"] = "https://www.tx.gov.cn/art/{yyyyMM}/{docId}.html",
            ["Channels:approval:PublicHosts:0"] = "zwfw.tx.gov.cn",
        }).Build()).Single();
        var policy = FetchPolicy.For(channel);

        Assert.True(policy.IsAllowed(new Uri("https://www.tx.gov.cn/art/202601/7.html")));
        Assert.True(policy.IsAllowed(new Uri("https://ZWFW.tx.gov.cn/x")));
        Assert.False(policy.IsAllowed(new Uri("https://evil.example/x")));
        Assert.False(policy.IsAllowed(new Uri("ftp://www.tx.gov.cn/x")));
        Assert.False(policy.MayConnect(IPAddress.Parse("10.1.2.3")));
        Assert.False(policy.MayConnect(IPAddress.Parse("169.254.169.254")));
        Assert.False(policy.MayConnect(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.False(policy.MayConnect(IPAddress.Parse("fe80::1")));
        Assert.True(policy.MayConnect(IPAddress.Parse("115.236.1.1")));
    }

    private static async Task<LiveCheck> PageCheckAsync(ServiceProvider services, Uri url)
    {
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(ChannelHttp.PageClientName("bureau"));
        return await new PublicPage("h1", BodySelector: null).CheckAsync(client, url, "t", "<p>b</p>", CancellationToken.None);
    }

    private static ServiceProvider Compose(Dictionary<string, string?> settings)
    {
        settings["Channels:bureau:Connector"] = "sscms";
        settings["Channels:bureau:RequestRetries"] = "0";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        ChannelHttpClients.Add(services, configuration);
        return services.BuildServiceProvider();
    }
}
