using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Syndicator.Core.Alerts;
using Syndicator.Host.Alerts;
using Syndicator.Host.Health;
using Syndicator.Testing.Fakes;

namespace Syndicator.Host.Tests;

/// <summary>The webhook destination as the host registers it: retries a failing robot, never logs its key, and the log still gets the alert.</summary>
public sealed class WebhookAlertsTests : IAsyncLifetime
{
    private const string Key = "robot-key-3f9e0c";
    private const string Secret = "SEC-never-logged-b41d";
    private readonly CollectingLoggerProvider _logs = new();
    private WebhookReceiver _robot = null!;

    public async Task InitializeAsync() => _robot = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _robot.DisposeAsync();

    [Fact]
    public async Task SendAsync_RobotAnswers503_RetriedTwiceThenLoggedWithoutKeyOrSecret()
    {
        _robot.AnswerStatus = 503;
        await using var services = CreateServices(new Uri(_robot.BaseAddress, $"robot/send?access_token={Key}"));

        await services.GetRequiredService<WebhookAlerts>().SendAsync(SomeAlert(), CancellationToken.None);

        Assert.Equal(3, _robot.Messages.Count);
        Assert.Contains(_logs.Messages, m => m.Contains("refused it (503)", StringComparison.Ordinal));
        Assert.All(_logs.Messages, m => Assert.DoesNotContain(Key, m, StringComparison.Ordinal));
        Assert.All(_logs.Messages, m => Assert.DoesNotContain(Secret, m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RaiseAsync_RobotUnreachable_ReturnsAtOnceAndTheLogHasTheAlert()
    {
        var unreachable = new Uri($"http://127.0.0.1:{Testing.LoopbackPort.Free()}/robot/send?access_token={Key}");
        await using var services = CreateServices(unreachable);
        var alerts = services.GetRequiredService<IAlerts>();

        await alerts.RaiseAsync(SomeAlert(), CancellationToken.None);

        Assert.Contains(_logs.Messages, m => m.Contains("渠道不可用", StringComparison.Ordinal));
        await services.GetRequiredService<WebhookAlerts>().SendAsync(SomeAlert(), CancellationToken.None);
        Assert.Contains(_logs.Messages, m => m.Contains("could not be reached", StringComparison.Ordinal));
        Assert.All(_logs.Messages, m => Assert.DoesNotContain(Key, m, StringComparison.Ordinal));
    }

    private static Alert SomeAlert() =>
        new("channel.health", AlertSeverity.Critical, "bureau", "渠道不可用：桐乡市水利局网站（bureau）", "healthy → unhealthy", DateTimeOffset.UnixEpoch);

    private ServiceProvider CreateServices(Uri url)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton(TimeProvider.System);
        services.Configure<AlertOptions>(o =>
        {
            o.Webhook.Url = url;
            o.Webhook.Format = WebhookFormat.DingTalk;
            o.Webhook.Secret = Secret;
        });
        HealthServiceCollectionExtensions.AddAlerts(services, webhook: true);
        return services.BuildServiceProvider();
    }
}
