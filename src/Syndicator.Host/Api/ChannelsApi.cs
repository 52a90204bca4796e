using System.Security.Claims;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;

namespace Syndicator.Host.Api;

/// <summary><c>/api/channels</c>: each channel's health, queue and latest success; a health check on demand.</summary>
internal static class ChannelsApi
{
    public static IEndpointRouteBuilder MapChannelsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/channels", List).RequireAuthorization(Scopes.Read);
        app.MapPost("/api/channels/{channel}/check", Check).RequireAuthorization(Scopes.Operate);
        return app;
    }

    private static async Task<IResult> List(
        ChannelCatalogue catalogue, IDeliveryStore store, ChannelHealthBoard board, ChannelGates gates, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var views = new List<ChannelView>();
        foreach (var channel in catalogue.Channels)
        {
            var counts = await store.CountAsync(channel.Id, cancellationToken);
            views.Add(new ChannelView(
                channel.Id, channel.DisplayName, channel.Connector, channel.Enabled,
                HealthView.From(board.Latest(channel.Id)), CircuitName(gates.Circuit(channel.Id).State), counts.Pending, counts.Failed,
                counts.OldestPendingSince is { } since ? (long)(now - since).TotalSeconds : null, counts.LastSuccessAt));
        }

        return TypedResults.Ok(views);
    }

    private static string CircuitName(CircuitState state) => state switch
    {
        CircuitState.Open => "open",
        CircuitState.HalfOpen => "half_open",
        _ => "closed",
    };

    private static async Task<IResult> Check(
        string channel, ClaimsPrincipal user, ChannelCatalogue catalogue, ConnectorRegistry connectors, ChannelHealthBoard board,
        IAuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (catalogue.Find(channel) is null)
        {
            return Problems.NotFound("channel", channel);
        }

        var health = await connectors.For(channel).CheckHealthAsync(cancellationToken);
        var now = time.GetUtcNow();
        board.Record(channel, health, now);
        await audit.AppendAsync(new AuditEntry(now, ItemsApi.Actor(user), "channel.check", null, null, channel, null,
            $"{health.Status}: {health.Detail}"), cancellationToken);
        return TypedResults.Ok(HealthView.From((health, now)));
    }
}

/// <summary>A channel as <c>GET /api/channels</c> shows it.</summary>
public sealed record ChannelView(
    string Id, string DisplayName, string Connector, bool Enabled, HealthView Health, string Circuit, int Pending, int Failed,
    long? OldestPendingAgeSeconds, DateTimeOffset? LastSuccessAt);

/// <summary>A health check result.</summary>
public sealed record HealthView(string Status, DateTimeOffset? CheckedAt, long? LatencyMs, string? Detail, IReadOnlyDictionary<string, long>? Quota)
{
    public static HealthView From((ChannelHealth Health, DateTimeOffset CheckedAt)? latest) => latest is { } l
        ? new(l.Health.Status.ToString().ToLowerInvariant(), l.CheckedAt, (long)l.Health.Latency.TotalMilliseconds, l.Health.Detail, l.Health.Quota)
        : new("unknown", null, null, null, null);
}
