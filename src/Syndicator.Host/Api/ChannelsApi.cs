using System.Security.Claims;
using Syndicator.Core.Channels;
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

    private static async Task<IResult> List(ChannelOverview overview, CancellationToken cancellationToken) =>
        TypedResults.Ok(await overview.ListAsync(cancellationToken));

    private static async Task<IResult> Check(
        string channel, ClaimsPrincipal user, ChannelOverview overview, CancellationToken cancellationToken) =>
        await overview.CheckAsync(channel, ItemsApi.Actor(user), cancellationToken) is { } health
            ? TypedResults.Ok(health)
            : Problems.NotFound("channel", channel);
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
