using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Alerts;
using Syndicator.Core.Tracking;
using Syndicator.Testing.Fakes;

namespace Syndicator.Host.Tests;

/// <summary>
/// Tracking after release against the sandbox: an article edited or deleted on its platform after publication is found
/// changed or missing at the next verification run, with one alert per change, whatever the number of runs.
/// </summary>
public sealed class TrackingTests : IAsyncLifetime
{
    private readonly CollectingAlerts _alerts = new();
    private ServiceHarness _service = null!;
    private LiveTracker _tracker = null!;

    public async Task InitializeAsync()
    {
        // The recurring runs are off: each test runs verification itself, with its own alert collector.
        _service = await ServiceHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Tracking:Enabled"] = "false",
            ["Watchdogs:Enabled"] = "false",
        });
        _tracker = ActivatorUtilities.CreateInstance<LiveTracker>(_service.App.Services, (IAlerts)_alerts);
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Theory]
    [InlineData("bureau")]
    [InlineData("portal")]
    [InlineData("approval")]
    [InlineData("wechat")]
    public async Task RunAll_Untouched_VerifiedWithoutAlert(string channel)
    {
        var (id, _) = await PublishAsync(channel);

        await _tracker.RunAllAsync(CancellationToken.None);

        Assert.Equal("verified", await TrackingStatusAsync(id));
        Assert.Empty(_alerts.All);
    }

    [Theory]
    [InlineData("bureau")]
    [InlineData("wechat")]
    public async Task RunAll_EditedOnPlatform_ChangedWithOneAlertAcrossRuns(string channel)
    {
        var (id, remoteId) = await PublishAsync(channel);
        await _tracker.RunAllAsync(CancellationToken.None);

        await _service.Sandbox.Control.EditArticleAsync(channel, remoteId, content: "<p>被人改过的正文</p>");
        await _tracker.RunAllAsync(CancellationToken.None);
        await _tracker.RunAllAsync(CancellationToken.None);

        Assert.Equal("changed", await TrackingStatusAsync(id));
        var alert = Assert.Single(_alerts.All);
        Assert.Equal(("item.tracking", AlertSeverity.Critical, $"{channel}/{id}"), (alert.Kind, alert.Severity, alert.Subject));
        Assert.Contains("正文不同", alert.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("portal")]
    [InlineData("wechat")]
    public async Task RunAll_DeletedOnPlatform_MissingWithOneAlertAcrossRuns(string channel)
    {
        var (id, remoteId) = await PublishAsync(channel);
        await _tracker.RunAllAsync(CancellationToken.None);

        await _service.Sandbox.Control.DeleteArticleAsync(channel, remoteId);
        await _tracker.RunAllAsync(CancellationToken.None);
        await _tracker.RunAllAsync(CancellationToken.None);

        Assert.Equal("missing", await TrackingStatusAsync(id));
        var alert = Assert.Single(_alerts.All);
        Assert.Equal(("item.tracking", AlertSeverity.Critical), (alert.Kind, alert.Severity));
    }

    [Fact]
    public async Task RunAll_TitleEditedThenRepublished_ChangedThenResolved()
    {
        var (id, remoteId) = await PublishAsync("approval");
        await _service.Sandbox.Control.EditArticleAsync("approval", remoteId, title: "别人改的标题");
        await _tracker.RunAllAsync(CancellationToken.None);

        (await _service.Client.PostAsJsonAsync($"api/items/{id}/republish", new { channels = new[] { "approval" }, reason = "恢复" })).EnsureSuccessStatusCode();
        await _service.WaitForItemAsync(id, i => i.GetProperty("deliveries").EnumerateArray().Count(d => d.GetProperty("status").GetString() == "succeeded") == 2);
        await _tracker.RunAllAsync(CancellationToken.None);

        Assert.Equal("verified", await TrackingStatusAsync(id));
        Assert.Equal([AlertSeverity.Critical, AlertSeverity.Resolved], _alerts.All.Select(a => a.Severity));
        Assert.Contains("标题不同", _alerts.All[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunFirstChecks_JustPublished_NotYetDue()
    {
        var (id, _) = await PublishAsync("bureau");

        await _tracker.RunFirstChecksAsync(CancellationToken.None);

        Assert.Equal(0, (await _service.GetItemAsync(id)).GetProperty("tracking").GetArrayLength());
    }

    private async Task<(string Id, string RemoteId)> PublishAsync(string channel)
    {
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, channels: [channel], body: "<p>第一段 正文</p><p>第二段</p>"))).EnsureSuccessStatusCode();
        var item = await _service.WaitForItemAsync(id, i => i.GetProperty("status").GetString() == "delivered", TimeSpan.FromSeconds(40));
        return (id, item.GetProperty("deliveries")[0].GetProperty("remoteId").GetString()!);
    }

    private async Task<string?> TrackingStatusAsync(string id)
    {
        var tracking = (await _service.GetItemAsync(id)).GetProperty("tracking");
        return Assert.Single(tracking.EnumerateArray()).GetProperty("status").GetString();
    }
}
