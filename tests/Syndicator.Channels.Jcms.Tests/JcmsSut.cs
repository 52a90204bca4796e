using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Sandbox;
using Syndicator.Testing.Fakes;
using Syndicator.Testing.Sandbox;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.Jcms.Tests;

/// <summary>A <c>jcms</c> connector composed as the host composes it, pointed at a sandbox (or anywhere).</summary>
internal sealed class JcmsSut : IDisposable
{
    public const string Channel = "portal";

    private readonly ServiceProvider _services;

    public JcmsSut(IDictionary<string, string?> settings, CatalogueOptions? catalogue = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            settings.ToDictionary(s => $"Channels:{Channel}:{s.Key}", s => s.Value)).Build();
        var services = new ServiceCollection();
        services.AddJcmsChannel();
        services.AddHttpClient(ChannelHttp.ClientName(Channel));
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        if (catalogue is not null)
        {
            services.Configure<CatalogueOptions>(o => o.Categories.AddRange(catalogue.Categories));
        }

        _services = services.BuildServiceProvider();
        var section = configuration.GetSection($"Channels:{Channel}");
        Definition = new ChannelDefinition(Channel, section.Get<ChannelOptions>() ?? new ChannelOptions(), section);
        Factory = _services.GetServices<IChannelConnectorFactory>().Single(f => f.Connector == "jcms");
    }

    public CollectingLoggerProvider Logs { get; } = new();

    public ChannelDefinition Definition { get; }

    public IChannelConnectorFactory Factory { get; }

    public IChannelConnector Connector => Factory.Create(Definition);

    /// <summary>Settings of a channel on the sandbox's portal emulator.</summary>
    /// <summary>Settings of a channel on the sandbox's portal emulator as the sandbox profile gives them (adds only).</summary>
    public static Dictionary<string, string?> SandboxSettings(SandboxServer sandbox, string password = SandboxCredentials.PortalPassword)
    {
        var settings = SettingsFor(sandbox.ChannelAddress(Channel), password);
        foreach (var (key, value) in Syndicator.Sandbox.Portal.PortalConnectorSettings.Default)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>As <see cref="SandboxSettings"/>, for a site that also updates, deletes and answers queries.</summary>
    public static Dictionary<string, string?> FullSandboxSettings(SandboxServer sandbox, string password = SandboxCredentials.PortalPassword)
    {
        var settings = SandboxSettings(sandbox, password);
        foreach (var (key, value) in Syndicator.Sandbox.Portal.PortalConnectorSettings.FullInterface)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static Dictionary<string, string?> SettingsFor(Uri baseUrl, string password = SandboxCredentials.PortalPassword) => new()
    {
        ["Connector"] = "jcms",
        ["BaseUrl"] = baseUrl.AbsoluteUri,
        ["UserId"] = SandboxCredentials.PortalUserId,
        ["Password"] = password,
        ["ColumnId"] = SandboxCredentials.PortalColumnId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static JcmsSut ForSandbox(SandboxServer sandbox, string password = SandboxCredentials.PortalPassword) =>
        new(SandboxSettings(sandbox, password));

    public void Dispose()
    {
        _services.Dispose();
        Logs.Dispose();
    }
}
