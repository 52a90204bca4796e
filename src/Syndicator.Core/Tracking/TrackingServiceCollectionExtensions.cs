using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Configuration;

namespace Syndicator.Core.Tracking;

/// <summary>Registers tracking after release and the watchdogs.</summary>
public static class TrackingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="LiveTracker"/> and <see cref="Watchdogs"/> with their options from the <c>Tracking</c> and
    /// <c>Watchdogs</c> sections, validated at start-up. The recurring runs are the host's (Quartz); the store and
    /// <see cref="Alerts.IAlerts"/> come from their own registrations.
    /// </summary>
    public static IServiceCollection AddTrackingAndWatchdogs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedSection<TrackingOptions>(configuration, "Tracking");
        services.AddValidatedSection<WatchdogOptions>(configuration, "Watchdogs");
        services.AddSingleton<LiveTracker>();
        services.AddSingleton<DisplayPeriods>();
        services.AddSingleton<Watchdogs>();
        return services;
    }
}
