using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Sandbox;
using Syndicator.Testing.Fakes;
using Syndicator.Testing.Sandbox;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.SsCms.Tests;

/// <summary>An <c>sscms</c> connector composed as the host composes it, pointed at a sandbox (or anywhere).</summary>
internal sealed class SsCmsSut : IDisposable
{
    public const string Channel = "bureau";

    private readonly ServiceProvider _services;

    public SsCmsSut(IDictionary<string, string?> settings, CatalogueOptions? catalogue = null, Action<IServiceCollection>? compose = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            settings.ToDictionary(s => $"Channels:{Channel}:{s.Key}", s => s.Value)).Build();
        var services = new ServiceCollection();
        services.AddSsCmsChannel();
        services.AddHttpClient(ChannelHttp.ClientName(Channel));
        services.AddLogging(b => b.AddProvider(Logs));
        if (catalogue is not null)
        {
            services.Configure<CatalogueOptions>(o => o.Categories.AddRange(catalogue.Categories));
        }

        compose?.Invoke(services);
        _services = services.BuildServiceProvider();
        var section = configuration.GetSection($"Channels:{Channel}");
        Definition = new ChannelDefinition(Channel, section.Get<ChannelOptions>() ?? new ChannelOptions(), section);
        Factory = _services.GetServices<IChannelConnectorFactory>().Single(f => f.Connector == "sscms");
    }

    public CollectingLoggerProvider Logs { get; } = new();

    public ChannelDefinition Definition { get; }

    public IChannelConnectorFactory Factory { get; }

    public IChannelConnector Connector => Factory.Create(Definition);

    /// <summary>Settings of a channel on the sandbox's SSCMS emulator.</summary>
    public static Dictionary<string, string?> SandboxSettings(SandboxServer sandbox, string apiKey = SandboxCredentials.BureauApiKey) =>
        SettingsFor(sandbox.ChannelAddress(Channel), apiKey);

    public static Dictionary<string, string?> SettingsFor(Uri baseUrl, string apiKey = SandboxCredentials.BureauApiKey) => new()
    {
        ["Connector"] = "sscms",
        ["BaseUrl"] = baseUrl.AbsoluteUri,
        ["ApiKey"] = apiKey,
        ["SiteId"] = "1",
        ["ChannelId"] = "2",
        ["SiteUrl"] = new Uri(baseUrl, "site/").AbsoluteUri,
    };

    public static SsCmsSut ForSandbox(SandboxServer sandbox, string apiKey = SandboxCredentials.BureauApiKey, CatalogueOptions? catalogue = null) =>
        new(SandboxSettings(sandbox, apiKey), catalogue);

    public void Dispose()
    {
        _services.Dispose();
        Logs.Dispose();
    }
}
