using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using Syndicator.Core.Channels;
using Syndicator.Host.Hosting;
using Syndicator.Testing.Sandbox;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Host.Tests;

/// <summary>The inner retry layer: each channel's HttpClient as the service composes it, against the real sandbox.</summary>
public sealed class ChannelHttpPipelineTests
{
    [Fact]
    public async Task PlatformFailingEveryCall_ClientStopsCallingItUntilTheBreakIsOver()
    {
        await using var sandbox = await SandboxServer.StartAsync(portalTakesChanges: true);
        await sandbox.Control.AddFaultAsync("bureau", SandboxFault.FailFor(503, TimeSpan.FromMinutes(5)));
        using var services = Compose(sandbox, retries: 0);
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(ChannelHttp.ClientName("bureau"));

        var answered = 0;
        var refused = 0;
        for (var call = 0; call < 30; call++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(sandbox.ChannelAddress("bureau"), "api/ping"));
                Assert.Equal(503, (int)response.StatusCode);
                answered++;
            }
            catch (BrokenCircuitException)
            {
                refused++;
            }
        }

        // MinimumThroughput is 2 × CircuitFailures (2 here): after four failing calls the rest never leave.
        Assert.Equal(4, answered);
        Assert.Equal(26, refused);
        Assert.Equal(4, (await sandbox.Control.GetStatsAsync("bureau")).FaultsInjected);
    }

    [Fact]
    public async Task CreatingCall_IsNotRepeatedWithinATry_ButAMarkedReadIs()
    {
        await using var sandbox = await SandboxServer.StartAsync(portalTakesChanges: true);
        await sandbox.Control.AddFaultAsync("bureau", SandboxFault.Fail(503, count: 2));
        using var services = Compose(sandbox, retries: 2);
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(ChannelHttp.ClientName("bureau"));

        using (var create = await client.PostAsync(new Uri(sandbox.ChannelAddress("bureau"), "api/ping"), new StringContent("{}")))
        {
            Assert.Equal(503, (int)create.StatusCode);
        }

        using var read = new HttpRequestMessage(HttpMethod.Get, new Uri(sandbox.ChannelAddress("bureau"), "api/ping"));
        ChannelHttp.MarkIdempotent(read);
        using var answer = await client.SendAsync(read);

        // The read met the second fault, was retried once, and got past it.
        Assert.NotEqual(503, (int)answer.StatusCode);
        Assert.Equal(2, (await sandbox.Control.GetStatsAsync("bureau")).FaultsInjected);
    }

    private static ServiceProvider Compose(SandboxServer sandbox, int retries)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:bureau:Connector"] = "sscms",
            ["Channels:bureau:BaseUrl"] = sandbox.ChannelAddress("bureau").ToString(),
            ["Channels:bureau:CircuitFailures"] = "2",
            ["Channels:bureau:RequestRetries"] = retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channels:bureau:RequestTimeout"] = "00:00:05",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        ChannelHttpClients.Add(services, configuration);
        return services.BuildServiceProvider();
    }
}
