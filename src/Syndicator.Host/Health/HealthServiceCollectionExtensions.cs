using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Syndicator.Core.Alerts;
using Syndicator.Core.Configuration;
using Syndicator.Core.Dispatch;
using Syndicator.Host.Alerts;
using Syndicator.Host.Metrics;

namespace Syndicator.Host.Health;

internal static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// Registers channel health (<see cref="ChannelHealthService"/>, options <c>Health</c>), the alert destinations
    /// (options <c>Alerts</c>: the log, plus the robot webhook when configured) and the <c>/metrics</c> families (prometheus-net). The
    /// recurring job itself is put on Quartz by <see cref="Jobs.QuartzSetup"/>.
    /// </summary>
    public static IServiceCollection AddSyndicatorHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSection<HealthOptions>(configuration, "Health");
        services.AddValidatedSection<AlertOptions>(configuration, "Alerts");
        services.AddSingleton<HealthAlerting>();
        services.AddSingleton<ChannelHealthService>();
        AddAlerts(services, !string.IsNullOrWhiteSpace(configuration["Alerts:Webhook:Url"]));

        // The runner records try durations only when DeliveryMetrics is registered (its optional last parameter).
        services.AddMetrics();
        services.TryAddSingleton<DeliveryMetrics>();
        services.AddSingleton<StoreReadings>();
        services.AddSingleton<ServiceMetrics>();
        services.AddSingleton<AttemptLatency>();
        services.AddHostedService(sp => sp.GetRequiredService<AttemptLatency>());
        return services;
    }

    /// <summary>
    /// Replaces the core's log-only <see cref="IAlerts"/> with the log plus, when a URL is configured, the webhook
    /// (queued, sent in the background through a named client that retries transient failures twice).
    /// </summary>
    internal static void AddAlerts(IServiceCollection services, bool webhook)
    {
        services.TryAddSingleton<LoggedAlerts>();
        if (!webhook)
        {
            services.Replace(ServiceDescriptor.Singleton<IAlerts>(sp => sp.GetRequiredService<LoggedAlerts>()));
            return;
        }

        services.AddSingleton<WebhookAlerts>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookAlerts>());
        services.Replace(ServiceDescriptor.Singleton<IAlerts>(sp => new CompositeAlerts(
            [sp.GetRequiredService<LoggedAlerts>(), sp.GetRequiredService<WebhookAlerts>()], sp.GetRequiredService<ILogger<CompositeAlerts>>())));

        // The factory's own request logging would write the URL, and the URL holds the robot's key.
        services.AddHttpClient(WebhookAlerts.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler(WebhookAlerts.ClientName, pipeline =>
            {
                pipeline.AddTimeout(TimeSpan.FromSeconds(30));
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    Delay = TimeSpan.FromSeconds(1),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(10));
            });
    }
}
