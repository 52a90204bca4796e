using Microsoft.AspNetCore.Builder;
using Syndicator.Sandbox;

namespace Syndicator.Testing.Sandbox;

/// <summary>
/// The sandbox running on a free loopback port, for tests that talk to it over real HTTP.
/// <code>await using var sandbox = await SandboxServer.StartAsync();</code>
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Control = new SandboxControlClient(baseAddress);
    }

    /// <summary>The sandbox root, ending with <c>/</c>, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client of the control API (<c>/_sandbox</c>).</summary>
    public SandboxControlClient Control { get; }

    /// <summary>Starts a sandbox on <c>http://127.0.0.1:0</c>; <paramref name="timeProvider"/> defaults to the system clock.</summary>
    /// <param name="timeProvider">The emulators' clock; default the system's.</param>
    /// <param name="portalTakesChanges">The portal as the bureau's profile knows it (<see cref="SandboxOptions.PortalTakesChanges"/>).</param>
    /// <param name="cancellationToken">Stops the start.</param>
    public static async Task<SandboxServer> StartAsync(
        TimeProvider? timeProvider = null, bool portalTakesChanges = false, CancellationToken cancellationToken = default)
    {
        var options = new SandboxOptions { TimeProvider = timeProvider ?? TimeProvider.System, PortalTakesChanges = portalTakesChanges };
        options.Urls.Clear();
        options.Urls.Add("http://127.0.0.1:0");
        var app = SandboxApplication.Create(options);
        await app.StartAsync(cancellationToken);
        return new SandboxServer(app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
    }

    /// <summary>A channel's base URL as a connector is configured with it, e.g. <c>http://127.0.0.1:41234/bureau/</c>.</summary>
    public Uri ChannelAddress(string channel) => new(BaseAddress, channel.Trim('/') + "/");

    /// <summary>A new client whose base address is the sandbox root.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
