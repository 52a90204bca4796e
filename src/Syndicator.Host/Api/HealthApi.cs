using System.Globalization;
using System.Text;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Storage;

namespace Syndicator.Host.Api;

/// <summary><c>/health/live</c>, <c>/health/ready</c> (no key) and <c>/metrics</c> (Prometheus text).</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Text("Healthy"));
        app.MapGet("/health/ready", Ready);
        app.MapGet("/metrics", Metrics);
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

    private static async Task<IResult> Metrics(ChannelCatalogue catalogue, IDeliveryStore store, ChannelHealthBoard board, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.AppendLine("# HELP syndicator_deliveries_pending Deliveries waiting or running, per channel.");
        text.AppendLine("# TYPE syndicator_deliveries_pending gauge");
        var failed = new StringBuilder();
        failed.AppendLine("# HELP syndicator_deliveries_failed Deliveries failed or unconfirmed that wait for an operator, per channel.");
        failed.AppendLine("# TYPE syndicator_deliveries_failed gauge");
        var healthy = new StringBuilder();
        healthy.AppendLine("# HELP syndicator_channel_healthy 1 when the channel's latest health check passed.");
        healthy.AppendLine("# TYPE syndicator_channel_healthy gauge");
        foreach (var channel in catalogue.Channels)
        {
            var counts = await store.CountAsync(channel.Id, cancellationToken);
            text.AppendLine(CultureInfo.InvariantCulture, $"syndicator_deliveries_pending{{channel=\"{channel.Id}\"}} {counts.Pending}");
            failed.AppendLine(CultureInfo.InvariantCulture, $"syndicator_deliveries_failed{{channel=\"{channel.Id}\"}} {counts.Failed}");
            var ok = board.Latest(channel.Id)?.Health.Status == Core.Channels.ChannelHealthStatus.Healthy ? 1 : 0;
            healthy.AppendLine(CultureInfo.InvariantCulture, $"syndicator_channel_healthy{{channel=\"{channel.Id}\"}} {ok}");
        }

        return TypedResults.Text(text.Append(failed).Append(healthy).ToString(), "text/plain; version=0.0.4");
    }
}
