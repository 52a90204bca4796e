using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Syndicator.Bench.Service;
using Syndicator.Testing;

namespace Syndicator.Bench.Anchors;

/// <summary>
/// One real <c>syndicator serve</c> on a fresh SQLite store with four <c>webhook</c> channels (<c>hooka</c>…<c>hookd</c>),
/// each POSTing to its own endpoint of the <see cref="StubReceiver"/>; the four channels of the default profile are
/// switched off (no <c>--sandbox</c>). Everything is configured by environment variables, as an operator would.
/// </summary>
internal sealed class AnchorsService : IAsyncDisposable
{
    public static readonly string[] Channels = ["hooka", "hookb", "hookc", "hookd"];

    private static readonly string[] DefaultChannels = ["portal", "bureau", "approval", "wechat"];

    private readonly StoreUnderTest _store;

    private AnchorsService(StoreUnderTest store, ServeNode node, HttpClient client)
    {
        _store = store;
        Node = node;
        Client = client;
    }

    public ServeNode Node { get; }

    /// <summary>A client with a <c>submit read</c> key and room for <c>inFlight</c> requests.</summary>
    public HttpClient Client { get; }

    public static async Task<AnchorsService> StartAsync(
        StubReceiver stub, int laneConcurrency, int inFlight, bool dispatcher, TextWriter log, CancellationToken cancellationToken)
    {
        var store = await StoreUnderTest.CreateAsync(postgres: false);
        var key = (await ServeNode.RunAsync(["keys", "create", "--name", "bench", "--scope", "submit", "read", .. store.Arguments], cancellationToken)).Trim();
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        var node = ServeNode.Start(address, ["serve", "--urls", address.ToString().TrimEnd('/'), .. store.Arguments],
            Environment(stub, laneConcurrency, dispatcher));
        try
        {
            await node.WaitUntilLiveAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            await node.DisposeAsync();
            await store.DisposeAsync();
            throw;
        }

        log.WriteLine($"  serve (pid {node.Id}, from {ServeNode.Folder}) live after {node.LiveAfter.TotalSeconds:0.0} s ({node.LiveCpu.TotalSeconds:0.0} s CPU) at {address}, {Channels.Length} webhook channels, MaxConcurrency {laneConcurrency}, dispatcher {(dispatcher ? "on" : "off")}");
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = inFlight + 8 })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(2),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return new AnchorsService(store, node, client);
    }

    private static Dictionary<string, string> Environment(StubReceiver stub, int laneConcurrency, bool dispatcher)
    {
        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Syndicator__Logging__LogLevel__Default"] = "Warning",
            ["Syndicator__Dispatcher__Enabled"] = dispatcher ? "true" : "false",
        };
        foreach (var channel in DefaultChannels)
        {
            environment[$"Syndicator__Channels__{channel}__Enabled"] = "false";
        }

        for (var i = 0; i < Channels.Length; i++)
        {
            var prefix = $"Syndicator__Channels__{Channels[i]}__";
            environment[prefix + "Connector"] = "webhook";
            environment[prefix + "DisplayName"] = $"Anchors' endpoint {i}";
            environment[prefix + "Url"] = stub.Addresses[i].ToString();
            environment[prefix + "Secret"] = secret;
            environment[prefix + "MaxConcurrency"] = laneConcurrency.ToString(CultureInfo.InvariantCulture);
        }

        return environment;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Node.DisposeAsync();
        await _store.DisposeAsync();
    }
}
