using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;
using Syndicator.Host.Cli;
using Syndicator.Host.Hosting;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Host.Tests;

/// <summary>
/// The service on a free loopback port with its own SQLite folder, pointed at its own sandbox; retries are fast.
/// </summary>
public sealed class ServiceHarness : IAsyncDisposable
{
    private readonly string _data;

    private ServiceHarness(SandboxServer sandbox, WebApplication app, string data)
    {
        Sandbox = sandbox;
        App = app;
        _data = data;
        BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
    }

    public SandboxServer Sandbox { get; }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    /// <summary>A client whose key has every scope.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <param name="overrides">Settings on top of appsettings.json (and the sandbox profile).</param>
    /// <param name="sandboxProfile">
    /// Point every channel of the default profile at the sandbox (<c>serve --sandbox</c>); false: only what
    /// appsettings.json and <paramref name="overrides"/> say, as a real deployment is configured.
    /// </param>
    public static async Task<ServiceHarness> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null, bool sandboxProfile = true)
    {
        var sandbox = await SandboxServer.StartAsync(portalTakesChanges: true);
        var data = Path.Combine(Path.GetTempPath(), "syndicator-test-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Retry:Jitter"] = "0",
            ["Dispatcher:PollInterval"] = "00:00:00.200",
        };
        for (var i = 0; i < 9; i++)
        {
            settings[$"Retry:Schedule:{i}"] = "00:00:00.100";
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            // "{sandbox}" in a value stands for the sandbox's root URL, which only exists from here on.
            settings[key] = value?.Replace("{sandbox}", sandbox.BaseAddress.ToString(), StringComparison.Ordinal);
        }

        var app = SyndicatorApp.Create(new ServeSettings
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = data,
            Sandbox = sandboxProfile ? sandbox.BaseAddress : null,
            Overrides = settings,
        });
        await app.StartAsync();
        var harness = new ServiceHarness(sandbox, app, data);
        harness.Client = await harness.ClientWithScopesAsync(Scopes.All.ToArray());
        return harness;
    }

    /// <summary>A client whose key has exactly <paramref name="scopes"/>.</summary>
    public async Task<HttpClient> ClientWithScopesAsync(params string[] scopes)
    {
        var key = await KeysCommand.CreateAsync(
            App.Services.GetRequiredService<IKeyStore>(), App.Services.GetRequiredService<IAuditLog>(),
            "test-" + string.Join("-", scopes), scopes, TimeProvider.System, CancellationToken.None);
        return ClientWithKey(key);
    }

    public HttpClient ClientWithKey(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async Task<JsonElement> GetItemAsync(string id) =>
        await Client.GetFromJsonAsync<JsonElement>($"api/items/{Uri.EscapeDataString(id)}");

    /// <summary>Polls the item until <paramref name="condition"/> holds; fails with the last state after the deadline.</summary>
    public async Task<JsonElement> WaitForItemAsync(string id, Func<JsonElement, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        JsonElement item;
        do
        {
            item = await GetItemAsync(id);
            if (condition(item))
            {
                return item;
            }

            await Task.Delay(50);
        }
        while (DateTimeOffset.UtcNow < deadline);

        Assert.Fail($"Item {id} never reached the expected state. Last: {item}");
        return item;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Sandbox.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
