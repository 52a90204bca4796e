using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Syndicator.Core.Channels;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Syndicator.Sandbox;
using Syndicator.Testing.Fakes;
using Syndicator.Testing.Sandbox;
using Syndicator.Testing;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.WeChat.Tests;

/// <summary>A <c>wechat</c> connector composed as the host composes it, pointed at a sandbox (or anywhere).</summary>
internal sealed class WeChatSut : IDisposable
{
    public const string Channel = "wechat";

    private readonly ServiceProvider _services;

    public WeChatSut(
        IDictionary<string, string?> settings, IChannelStateStore? state = null, TimeProvider? time = null, IItemStore? items = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            settings.ToDictionary(s => $"Channels:{Channel}:{s.Key}", s => s.Value)).Build();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddWeChatChannel();
        services.AddHttpClient(ChannelHttp.ClientName(Channel));
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        State = state as InMemoryChannelStateStore ?? new InMemoryChannelStateStore();
        services.AddSingleton<IChannelStateStore>(state ?? State);
        services.AddSingleton(items ?? Items);
        _services = services.BuildServiceProvider();
        var section = configuration.GetSection($"Channels:{Channel}");
        Definition = new ChannelDefinition(Channel, section.Get<ChannelOptions>() ?? new ChannelOptions(), section);
        Factory = _services.GetServices<IChannelConnectorFactory>().Single(f => f.Connector == "wechat");
    }

    public CollectingLoggerProvider Logs { get; } = new();

    public InMemoryChannelStateStore State { get; }

    /// <summary>The items a mass-send digest reads.</summary>
    public DigestItemStore Items { get; } = new();

    public ChannelDefinition Definition { get; }

    public IChannelConnectorFactory Factory { get; }

    public IChannelConnector Connector => Factory.Create(Definition);

    public static Dictionary<string, string?> SandboxSettings(SandboxServer sandbox, string secret = SandboxCredentials.WeChatAppSecret) =>
        SettingsFor(sandbox.ChannelAddress(Channel), sandbox.ChannelAddress(Channel), secret);

    public static Dictionary<string, string?> SettingsFor(Uri api, Uri fallback, string secret = SandboxCredentials.WeChatAppSecret) => new()
    {
        ["Connector"] = "wechat",
        ["ApiBaseUrl"] = api.AbsoluteUri,
        ["FallbackApiBaseUrl"] = fallback.AbsoluteUri,
        ["AppId"] = SandboxCredentials.WeChatAppId,
        ["AppSecret"] = secret,
        ["DefaultCoverBase64"] = Convert.ToBase64String(Some.Image("cover.png").Content),
        ["DefaultCoverMediaType"] = "image/png",
        ["PublishPollSchedule:0"] = "00:00:01",
    };

    public static WeChatSut ForSandbox(
        SandboxServer sandbox, string secret = SandboxCredentials.WeChatAppSecret, IChannelStateStore? state = null, TimeProvider? time = null) =>
        new(SandboxSettings(sandbox, secret), state, time);

    /// <summary>Turns the emulator's knobs (<c>POST /_sandbox/wechat/settings</c>).</summary>
    public static async Task SetEmulatorAsync(SandboxServer sandbox, object settings, CancellationToken cancellationToken)
    {
        using var client = sandbox.CreateClient();
        using var response = await client.PostAsJsonAsync("_sandbox/wechat/settings", settings, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        _services.Dispose();
        Logs.Dispose();
    }
}
