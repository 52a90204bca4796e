using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;
using Syndicator.Host.Cli;
using Syndicator.Host.Hosting;
using Syndicator.Host.WebConsole;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Console.Tests;

/// <summary>
/// The service on a free loopback port with its own SQLite folder and its own sandbox (fast retries), an API client
/// with every scope for setting up items, and console accounts made through the same code as <c>users add</c>.
/// </summary>
public sealed class ConsoleHarness : IAsyncDisposable
{
    private readonly string _data;

    private ConsoleHarness(SandboxServer sandbox, WebApplication app, string data, HttpClient api)
    {
        Sandbox = sandbox;
        App = app;
        _data = data;
        Api = api;
        BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
    }

    public SandboxServer Sandbox { get; }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    /// <summary>An API client whose key has every scope.</summary>
    public HttpClient Api { get; }

    public static async Task<ConsoleHarness> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var sandbox = await SandboxServer.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "syndicator-console-" + Guid.NewGuid().ToString("N"));
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
            settings[key] = value;
        }

        var app = SyndicatorApp.Create(new ServeSettings
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = data,
            Sandbox = sandbox.BaseAddress,
            Overrides = settings,
        });
        await app.StartAsync();
        var apiKey = await KeysCommand.CreateAsync(
            app.Services.GetRequiredService<IKeyStore>(), app.Services.GetRequiredService<IAuditLog>(),
            "console-tests", Scopes.All, TimeProvider.System, CancellationToken.None);
        var api = new HttpClient { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/") };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return new ConsoleHarness(sandbox, app, data, api);
    }

    /// <summary>A new account with <paramref name="role"/> and a random password.</summary>
    public async Task<(string Name, string Password)> AddUserAsync(string role)
    {
        var name = $"{role}-{Guid.NewGuid().ToString("N")[..8]}";
        var password = "pw-" + Guid.NewGuid().ToString("N");
        Assert.True(await App.Services.GetRequiredService<Accounts>().CreateAsync(name, role, password, "test", CancellationToken.None));
        return (name, password);
    }

    /// <summary>Submits an item for <paramref name="channels"/> (default: the bureau site) and returns its id.</summary>
    public async Task<string> SubmitAsync(string[]? channels = null, string? title = null)
    {
        var id = "ct-" + Guid.NewGuid().ToString("N")[..12];
        var item = new JsonObject
        {
            ["id"] = id,
            ["revision"] = 1,
            ["title"] = title ?? $"关于{id}的通知",
            ["body"] = new JsonObject { ["format"] = "html", ["content"] = $"<p>{id} 正文：请各单位做好汛期安全工作。</p>" },
            ["category"] = "工作信息",
            ["documentNumber"] = "桐水〔2026〕12号",
            ["writtenOn"] = "2026-03-01",
            ["channels"] = new JsonArray((channels ?? ["bureau"]).Select(c => (JsonNode?)c).ToArray()),
            ["approval"] = new JsonObject { ["providedBy"] = "张三", ["reviewedBy"] = new JsonArray("李四"), ["confidentialityReviewedBy"] = "王五" },
        };
        using var response = await Api.PostAsJsonAsync("api/items", item);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>The item's status as the API shows it.</summary>
    public async Task<JsonElement> ItemAsync(string id) =>
        await Api.GetFromJsonAsync<JsonElement>($"api/items/{Uri.EscapeDataString(id)}");

    /// <summary>Polls the item until <paramref name="condition"/> holds; fails with the last state after the deadline.</summary>
    public async Task<JsonElement> WaitForItemAsync(string id, Func<JsonElement, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        JsonElement item;
        do
        {
            item = await ItemAsync(id);
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

    public static string Status(JsonElement item) => item.GetProperty("status").GetString()!;

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
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
