using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Syndicator.Core.Alerts;
using Syndicator.Core.Dispatch;
using Syndicator.Host.Alerts;
using Syndicator.Host.Metrics;

namespace Syndicator.Host.Health;

internal static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// Registers channel health (<see cref="ChannelHealthService"/>, options <c>Health</c>), the alert destinations
    /// (options <c>Alerts</c>: the log, plus the robot webhook when configured) and the <c>/metrics</c> writer. The
    /// recurring job itself is put on Quartz by <see cref="Jobs.QuartzSetup"/>.
    /// </summary>
    public static IServiceCollection AddSyndicatorHealth(this IServiceCollection services, IConfiguration configuration)
    {
        AddOptions<HealthOptions, HealthOptionsValidator>(services, configuration, "Health");
        AddOptions<AlertOptions, AlertOptionsValidator>(services, configuration, "Alerts");
        services.AddSingleton<HealthAlerting>();
        services.AddSingleton<ChannelHealthService>();
        AddAlerts(services, !string.IsNullOrWhiteSpace(configuration["Alerts:Webhook:Url"]));

        // The runner records try durations only when DeliveryMetrics is registered (its optional last parameter).
        services.AddMetrics();
        services.TryAddSingleton<DeliveryMetrics>();
        services.AddSingleton<AttemptLatency>();
        services.AddHostedService(sp => sp.GetRequiredService<AttemptLatency>());
        services.AddSingleton<MetricsWriter>();
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

    /// <summary>
    /// Binds and validates a section at start-up. A value the binder cannot convert (<c>Health:Interval=abc</c>) is
    /// reported like a range error, naming the key, rather than as an unexplained crash.
    /// </summary>
    private static void AddOptions<TOptions, TValidator>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>()
            .Configure(o =>
            {
                try
                {
                    configuration.GetSection(section).Bind(o);
                }
                catch (InvalidOperationException ex)
                {
                    // The binder's message quotes the value, which may be a webhook URL with its key: only the key is kept.
                    var key = Regex.Match(ex.Message, " at '(?<key>[^']+)'") is { Success: true } m ? m.Groups["key"].Value : section;
                    throw new OptionsValidationException(section, typeof(TOptions), [$"{key} has a value that cannot be read as its type (see docs/operations.md)."]);
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }
}
