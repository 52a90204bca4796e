using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Host.Tests;
using Syndicator.Host.WebConsole;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Console.Tests;

/// <summary>
/// The service on a free loopback port with its own SQLite folder and its own sandbox (fast retries), an API client
/// with every scope for setting up items, and console accounts made through the same code as <c>users add</c>.
/// </summary>
public sealed class ConsoleHarness : IAsyncDisposable
{
    private readonly ServiceHarness _service;

    private ConsoleHarness(ServiceHarness service) => _service = service;

    public SandboxServer Sandbox => _service.Sandbox;

    public WebApplication App => _service.App;

    public Uri BaseAddress => _service.BaseAddress;

    /// <summary>An API client whose key has every scope.</summary>
    public HttpClient Api => _service.Client;

    /// <summary>The service as the host tests start it (<see cref="ServiceHarness"/>, the same source file).</summary>
    public static async Task<ConsoleHarness> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null) =>
        new(await ServiceHarness.StartAsync(overrides));

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
    public Task<JsonElement> ItemAsync(string id) => _service.GetItemAsync(id);

    /// <summary>Polls the item until <paramref name="condition"/> holds; fails with the last state after the deadline.</summary>
    public Task<JsonElement> WaitForItemAsync(string id, Func<JsonElement, bool> condition, TimeSpan? timeout = null) =>
        _service.WaitForItemAsync(id, condition, timeout);

    public static string Status(JsonElement item) => item.GetProperty("status").GetString()!;

    public ValueTask DisposeAsync() => _service.DisposeAsync();
}
