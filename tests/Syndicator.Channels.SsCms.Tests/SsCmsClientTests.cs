using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Channels;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.SsCms.Tests;

/// <summary>The channel's API client is built once and kept: no client (and no RestSharp client) per try.</summary>
public sealed class SsCmsClientTests : SsCmsSandboxTests
{
    [Fact]
    public async Task ManyTries_OneChannelClientForAll()
    {
        using var counting = new CountingClients();
        var sut = CreateSut(SsCmsSut.SandboxSettings(Sandbox), services => services.AddSingleton<IHttpClientFactory>(counting));
        var connector = sut.Connector;

        for (var i = 0; i < 5; i++)
        {
            Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, NewItem()));
        }

        Assert.Equal(5, (await ArticlesAsync()).Count);
        Assert.Equal(1, counting.Created(ChannelHttp.ClientName(SsCmsSut.Channel)));
    }

    /// <summary>Counts the clients asked for, by name, and hands out real ones.</summary>
    private sealed class CountingClients : IHttpClientFactory, IDisposable
    {
        private readonly ServiceProvider _inner = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        private readonly ConcurrentDictionary<string, int> _created = new(StringComparer.Ordinal);

        public HttpClient CreateClient(string name)
        {
            _created.AddOrUpdate(name, 1, (_, n) => n + 1);
            return _inner.GetRequiredService<IHttpClientFactory>().CreateClient(name);
        }

        public int Created(string name) => _created.GetValueOrDefault(name);

        public void Dispose() => _inner.Dispose();
    }
}
