using Microsoft.Extensions.Options;
using Prometheus;
using Syndicator.Core.Storage;
using Syndicator.Host.Metrics;

namespace Syndicator.Host.Api;

/// <summary>
/// <c>/health/live</c>, <c>/health/ready</c> (no key) and <c>/metrics</c> (Prometheus text written by prometheus-net; no key unless
/// <c>Metrics:RequireKey</c>, then a key with the <c>read</c> scope).
/// </summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Text("Healthy"));
        app.MapGet("/health/ready", Ready);
        // prometheus-net serializes the host's own registry (text format 0.0.4, or OpenMetrics when the scraper asks for it).
        var registry = app.ServiceProvider.GetRequiredService<ServiceMetrics>().Registry;
        var metrics = app.MapMetrics(settings => settings.Registry = registry, "/metrics")
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        if (app.ServiceProvider.GetService<IOptions<MetricsOptions>>()?.Value.RequireKey == true)
        {
            metrics.RequireAuthorization(Auth.Scopes.Read);
        }

        return app;
    }

    private static async Task<IResult> Ready(IStoreLifecycle store, CancellationToken cancellationToken)
    {
        bool ready;
        try
        {
            ready = await store.IsReadyAsync(cancellationToken);
        }
        catch (Exception)
        {
            ready = false;
        }

        return ready
            ? TypedResults.Text("Healthy")
            : Results.Text("Unhealthy: the store is unreachable or its migrations are not applied.", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
