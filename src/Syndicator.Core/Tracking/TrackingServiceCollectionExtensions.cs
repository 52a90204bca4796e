using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        services.AddOptions<TrackingOptions>().Bind(configuration.GetSection("Tracking")).ValidateOnStart();
        services.AddOptions<WatchdogOptions>().Bind(configuration.GetSection("Watchdogs")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrackingOptions>>(new ProblemsValidator<TrackingOptions>(o => o.Problems()));
        services.AddSingleton<IValidateOptions<WatchdogOptions>>(new ProblemsValidator<WatchdogOptions>(o => o.Problems()));
        services.AddSingleton<LiveTracker>();
        services.AddSingleton<Watchdogs>();
        return services;
    }

    private sealed class ProblemsValidator<T>(Func<T, IEnumerable<string>> problems) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var found = problems(options).ToList();
            return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
        }
    }
}
