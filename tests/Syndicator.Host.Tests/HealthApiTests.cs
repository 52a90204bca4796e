using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Syndicator.Host.Hosting;

namespace Syndicator.Host.Tests;

/// <summary>The stored health checks through the API: a check by hand is kept, the history route, its limit, bad settings.</summary>
public sealed class HealthApiTests : IAsyncLifetime
{
    private ServiceHarness _service = null!;

    public async Task InitializeAsync() => _service = await ServiceHarness.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Checks_TwoManualChecks_NewestFirstWithNodeAndTrigger()
    {
        (await _service.Client.PostAsync("api/channels/bureau/check", null)).EnsureSuccessStatusCode();
        await _service.Sandbox.Control.AddFaultAsync("bureau", Testing.Sandbox.SandboxFault.FailFor(503, TimeSpan.FromMinutes(1)) with { Path = "/api/ping" });
        (await _service.Client.PostAsync("api/channels/bureau/check", null)).EnsureSuccessStatusCode();

        var history = await _service.Client.GetFromJsonAsync<JsonElement>("api/channels/bureau/checks");

        Assert.Equal("bureau", history.GetProperty("channel").GetString());
        var checks = history.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(["unhealthy", "healthy"], checks.Select(c => c.GetProperty("status").GetString()));
        Assert.All(checks, c => Assert.Equal("manual", c.GetProperty("trigger").GetString()));
        Assert.All(checks, c => Assert.EndsWith($":{Environment.ProcessId}", c.GetProperty("node").GetString(), StringComparison.Ordinal));
        var listed = await _service.Client.GetFromJsonAsync<JsonElement>("api/channels");
        var bureau = listed.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "bureau").GetProperty("health");
        Assert.Equal(("unhealthy", checks[0].GetProperty("checkedAt").GetDateTimeOffset()),
            (bureau.GetProperty("status").GetString(), bureau.GetProperty("checkedAt").GetDateTimeOffset()));
    }

    [Fact]
    public async Task Checks_Limit_OnlyThatMany()
    {
        for (var i = 0; i < 3; i++)
        {
            (await _service.Client.PostAsync("api/channels/portal/check", null)).EnsureSuccessStatusCode();
        }

        var history = await _service.Client.GetFromJsonAsync<JsonElement>("api/channels/portal/checks?limit=2");

        Assert.Equal(2, history.GetProperty("checks").GetArrayLength());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("ten")]
    public async Task Checks_BadLimit_400NamingLimit(string limit)
    {
        using var response = await _service.Client.GetAsync($"api/channels/bureau/checks?limit={limit}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("1000", problem.GetProperty("errors").GetProperty("limit")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checks_UnknownChannel_404()
    {
        using var response = await _service.Client.GetAsync("api/channels/nowhere/checks");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Checks_WithoutReadScope_403()
    {
        using var client = await _service.ClientWithScopesAsync("submit");

        using var response = await client.GetAsync("api/channels/bureau/checks");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("Health:Interval", "00:00:00")]
    [InlineData("Health:Interval", "abc")]
    [InlineData("Health:KeepFor", "00:10:00")]
    [InlineData("Alerts:Webhook:Url", "not-a-url-secret-9c1")]
    [InlineData("Alerts:Webhook:Format", "slack")]
    [InlineData("Alerts:Webhook:Secret", "SEC-only-for-dingtalk-9c1")]
    public async Task Start_BadHealthOrAlertSetting_RefusedNamingTheKeyNotTheValue(string key, string value)
    {
        var data = Path.Combine(Path.GetTempPath(), "syndicator-test-" + Guid.NewGuid().ToString("N"));
        await using var app = SyndicatorApp.Create(new ServeSettings
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = data,

            // Valid channel settings (the sandbox's), so that only the setting under test is wrong; nothing is called.
            Sandbox = new Uri("http://127.0.0.1:9/"),
            Overrides = new Dictionary<string, string?> { [key] = value },
        });

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        DeleteQuietly(data);

        var message = string.Join("\n", refused.Failures);
        Assert.Contains(key, message, StringComparison.Ordinal);
        Assert.DoesNotContain("9c1", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("301")]
    [InlineData("-1")]
    public async Task Start_MetricsStoreReadSecondsOutOfRange_RefusedNamingTheKeyAndTheLimit(string value)
    {
        var data = Path.Combine(Path.GetTempPath(), "syndicator-test-" + Guid.NewGuid().ToString("N"));

        // /metrics is mapped (reading the Metrics section) while the app is built, so the refusal can come from either step;
        // `serve` reports both the same way.
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = SyndicatorApp.Create(new ServeSettings
            {
                Urls = "http://127.0.0.1:0",
                DataDirectory = data,
                Sandbox = new Uri("http://127.0.0.1:9/"),
                Overrides = new Dictionary<string, string?> { ["Metrics:StoreReadSeconds"] = value },
            });
            await app.StartAsync();
        });
        DeleteQuietly(data);

        Assert.Contains("Metrics:StoreReadSeconds must be from 0 to 300", string.Join("\n", refused.Failures), StringComparison.Ordinal);
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
