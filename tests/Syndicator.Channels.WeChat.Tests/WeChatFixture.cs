using Microsoft.Extensions.Time.Testing;
using Syndicator.Core.Channels;
using Syndicator.Core.Items;
using Syndicator.Testing.Conformance;
using Syndicator.Testing.Sandbox;
using Syndicator.Testing;
using Syndicator.Testing.Fakes;

namespace Syndicator.Channels.WeChat.Tests;

/// <summary>
/// A sandbox and a connector on one fake clock (10:00 UTC, 18:00 Beijing), so publish jobs, token lifetimes and
/// quota days move only when a test advances time.
/// </summary>
public abstract class WeChatFixture : IAsyncLifetime
{
    private CancellationTokenSource _timeout = new();
    private readonly List<WeChatSut> _suts = [];

    internal FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    internal SandboxServer Sandbox { get; private set; } = null!;

    internal WeChatSut Sut { get; private set; } = null!;

    protected CancellationToken Timeout => _timeout.Token;

    /// <summary>How long a test may take on the wall clock. Default: 60 s.</summary>
    protected virtual TimeSpan TestTimeout => TimeSpan.FromSeconds(60);

    public async Task InitializeAsync()
    {
        _timeout.Dispose();
        _timeout = new CancellationTokenSource(TestTimeout);
        Sandbox = await SandboxServer.StartAsync(Time, cancellationToken: Timeout);
        Sut = CreateSut();
    }

    public async Task DisposeAsync()
    {
        _suts.ForEach(s => s.Dispose());
        await Sandbox.DisposeAsync();
        _timeout.Dispose();
    }

    internal WeChatSut CreateSut(IDictionary<string, string?>? settings = null, InMemoryChannelStateStore? state = null)
    {
        var sut = new WeChatSut(settings ?? WeChatSut.SandboxSettings(Sandbox), state, Time);
        _suts.Add(sut);
        return sut;
    }

    internal static ItemRevision NewItem(string? id = null, int revision = 1, string? title = null, string? bodyHtml = null, IReadOnlyList<MediaFile>? images = null) =>
        Some.Item(id, revision, title, bodyHtml, channels: [WeChatSut.Channel], images: images);

    internal static InMemoryDelivery Delivery(ItemRevision item) => new(item, WeChatSut.Channel);

    internal Task<ChannelOutcome> TryAsync(InMemoryDelivery delivery, IChannelConnector? connector = null) =>
        (connector ?? Sut.Connector).ExecuteAsync(delivery.NextTry(), Timeout);

    /// <summary>Tries until the outcome is not Pending, letting the publish job's delay pass in between.</summary>
    internal async Task<ChannelOutcome> RunToEndAsync(InMemoryDelivery delivery, IChannelConnector? connector = null)
    {
        var outcome = await TryAsync(delivery, connector);
        for (var i = 0; i < 10 && outcome is ChannelOutcome.Pending pending; i++)
        {
            Time.Advance(pending.CheckAgainAfter + TimeSpan.FromSeconds(2));
            outcome = await TryAsync(delivery, connector);
        }

        return outcome;
    }

    internal async Task<IReadOnlyList<SandboxArticle>> ArticlesAsync() => await Sandbox.Control.GetArticlesAsync(WeChatSut.Channel, Timeout);

    internal async Task<SandboxStats> StatsAsync() => await Sandbox.Control.GetStatsAsync(WeChatSut.Channel, Timeout);

    internal Task FaultAsync(SandboxFault fault) => Sandbox.Control.AddFaultAsync(WeChatSut.Channel, fault, Timeout);
}
