using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Syndicator.Core.Channels;
using Syndicator.Core.Storage;
using Syndicator.Sandbox;
using Syndicator.Testing.Fakes;
using Syndicator.Testing.Sandbox;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.TrsWcm.Tests;

/// <summary>A <c>trswcm</c> connector composed as the host composes it, pointed at a sandbox (or anywhere).</summary>
internal sealed class TrsWcmSut : IDisposable
{
    public const string Channel = "approval";

    private readonly ServiceProvider _services;
    private IChannelConnector? _connector;

    private static readonly ConditionalWeakTable<SandboxServer, InMemoryChannelStateStore> SharedState = new();

    /// <param name="settings">The channel's settings.</param>
    /// <param name="state">The channel state store: share one between connectors to play nodes of one deployment.</param>
    public TrsWcmSut(IDictionary<string, string?> settings, InMemoryChannelStateStore? state = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            settings.ToDictionary(s => $"Channels:{Channel}:{s.Key}", s => s.Value)).Build();
        State = state ?? new InMemoryChannelStateStore();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IChannelStateStore>(State);
        services.AddTrsWcmChannel();
        services.AddHttpClient(ChannelHttp.ClientName(Channel)).AddHttpMessageHandler(() => new RecordingHandler(Requests));
        services.AddLogging(b => b.AddProvider(Logs));
        _services = services.BuildServiceProvider();
        var section = configuration.GetSection($"Channels:{Channel}");
        Definition = new ChannelDefinition(Channel, section.Get<ChannelOptions>() ?? new ChannelOptions(), section);
        Factory = _services.GetServices<IChannelConnectorFactory>().Single(f => f.Connector == "trswcm");
    }

    public CollectingLoggerProvider Logs { get; } = new();

    /// <summary>The channel state store this connector shares its WCM session through (T2).</summary>
    public InMemoryChannelStateStore State { get; }

    /// <summary>Every request sent: its URL, headers and body, as text.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ChannelDefinition Definition { get; }

    public IChannelConnectorFactory Factory { get; }

    /// <summary>One connector for the channel, as the registry keeps one (its session cached inside).</summary>
    public IChannelConnector Connector => _connector ??= Factory.Create(Definition);

    public static Dictionary<string, string?> SettingsFor(Uri baseUrl, string password = SandboxCredentials.ApprovalPassword) => new()
    {
        ["Connector"] = "trswcm",
        ["BaseUrl"] = baseUrl.AbsoluteUri,
        ["UserName"] = SandboxCredentials.ApprovalUserName,
        ["Password"] = password,
        ["ChannelId"] = "101",
    };

    /// <summary>
    /// A connector for the sandbox; all connectors of one sandbox share one state store, as the nodes of one deployment
    /// share its database (T2), unless <paramref name="state"/> names another.
    /// </summary>
    public static TrsWcmSut ForSandbox(
        SandboxServer sandbox, string password = SandboxCredentials.ApprovalPassword, IDictionary<string, string?>? extra = null, InMemoryChannelStateStore? state = null)
    {
        var settings = SettingsFor(sandbox.ChannelAddress(Channel), password);
        settings["PageUrlRule"] = sandbox.ChannelAddress(Channel).AbsoluteUri + "site/{channelId}/{yyyyMM}/t{yyyyMMdd}_{docId}.html";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new(settings, state ?? SharedState.GetValue(sandbox, _ => new InMemoryChannelStateStore()));
    }

    public void Dispose()
    {
        _services.Dispose();
        Logs.Dispose();
    }

    private sealed class RecordingHandler(ConcurrentQueue<RecordedRequest> requests) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            requests.Enqueue(new RecordedRequest(request.RequestUri!, request.Headers.ToString(), body));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

internal sealed record RecordedRequest(Uri Url, string Headers, string Body);
