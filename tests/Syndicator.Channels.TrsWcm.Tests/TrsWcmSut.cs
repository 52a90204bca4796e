using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Syndicator.Core.Channels;
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

    public TrsWcmSut(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            settings.ToDictionary(s => $"Channels:{Channel}:{s.Key}", s => s.Value)).Build();
        var services = new ServiceCollection();
        services.AddTrsWcmChannel();
        services.AddHttpClient(ChannelHttp.ClientName(Channel)).AddHttpMessageHandler(() => new RecordingHandler(Requests));
        services.AddLogging(b => b.AddProvider(Logs));
        _services = services.BuildServiceProvider();
        var section = configuration.GetSection($"Channels:{Channel}");
        Definition = new ChannelDefinition(Channel, section.Get<ChannelOptions>() ?? new ChannelOptions(), section);
        Factory = _services.GetServices<IChannelConnectorFactory>().Single(f => f.Connector == "trswcm");
    }

    public CollectingLoggerProvider Logs { get; } = new();

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
        ["ViewId"] = "1",
    };

    public static TrsWcmSut ForSandbox(SandboxServer sandbox, string password = SandboxCredentials.ApprovalPassword) =>
        new(SettingsFor(sandbox.ChannelAddress(Channel), password));

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
