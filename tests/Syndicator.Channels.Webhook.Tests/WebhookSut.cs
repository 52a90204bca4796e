using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Channels;
using Syndicator.Sandbox;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.Webhook.Tests;

/// <summary>A <c>webhook</c> connector composed as the host composes it, pointed at the sandbox's receiver (or a stub).</summary>
internal sealed class WebhookSut : IDisposable
{
    public const string Channel = "webhook";

    /// <summary>A well-formed secret the sandbox does not know.</summary>
    public const string WrongSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private readonly ServiceProvider _services;

    public WebhookSut(IDictionary<string, string?> settings, Func<HttpMessageHandler>? handler = null, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            settings.ToDictionary(s => $"Channels:{Channel}:{s.Key}", s => s.Value)).Build();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddWebhookChannel();
        var client = services.AddHttpClient(ChannelHttp.ClientName(Channel));
        if (handler is not null)
        {
            client.ConfigurePrimaryHttpMessageHandler(handler);
        }

        services.AddLogging();
        _services = services.BuildServiceProvider();
        var section = configuration.GetSection($"Channels:{Channel}");
        Definition = new ChannelDefinition(Channel, section.Get<ChannelOptions>() ?? new ChannelOptions(), section);
        Factory = _services.GetServices<IChannelConnectorFactory>().Single(f => f.Connector == "webhook");
    }

    public ChannelDefinition Definition { get; }

    public IChannelConnectorFactory Factory { get; }

    public IChannelConnector Connector => Factory.Create(Definition);

    public static Dictionary<string, string?> SettingsFor(Uri url, string secret = SandboxCredentials.WebhookSecret) => new()
    {
        ["Connector"] = "webhook",
        ["Url"] = url.AbsoluteUri,
        ["Secret"] = secret,
    };

    public static WebhookSut ForSandbox(SandboxServer sandbox, string secret = SandboxCredentials.WebhookSecret) =>
        new(SettingsFor(new Uri(sandbox.ChannelAddress(Channel), "events"), secret));

    public void Dispose() => _services.Dispose();
}
