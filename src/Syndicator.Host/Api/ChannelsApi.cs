using System.Globalization;
using System.Security.Claims;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;
using Syndicator.Host.GoLive;
using Syndicator.Host.Health;

namespace Syndicator.Host.Api;

/// <summary><c>/api/channels</c>: each channel's health, queue and latest success; a health check on demand.</summary>
internal static class ChannelsApi
{
    public static IEndpointRouteBuilder MapChannelsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/channels", List).RequireAuthorization(Scopes.Read);
        app.MapPost("/api/channels/{channel}/check", Check).RequireAuthorization(Scopes.Operate);
        app.MapGet("/api/channels/{channel}/checks", Checks).RequireAuthorization(Scopes.Read);
        app.MapPost("/api/channels/{channel}/verify", Verify).RequireAuthorization(Scopes.Operate);
        return app;
    }

    /// <summary>How many checks <c>GET /api/channels/{channel}/checks</c> returns when no limit is given, and the most it returns.</summary>
    public const int DefaultChecks = 50;
    public const int MostChecks = 1000;

    private static async Task<IResult> List(ChannelOverview overview, CancellationToken cancellationToken) =>
        TypedResults.Ok(await overview.ListAsync(cancellationToken));

    private static async Task<IResult> Check(
        string channel, ClaimsPrincipal user, ChannelOverview overview, CancellationToken cancellationToken) =>
        await overview.CheckAsync(channel, ItemsApi.Actor(user), cancellationToken) is { } health
            ? TypedResults.Ok(health)
            : Problems.NotFound("channel", channel);

    /// <summary>The go-live probe (<c>channels verify C --live --column ID</c>): 200 with the report, passed or not.</summary>
    private static async Task<IResult> Verify(
        string channel, HttpRequest request, ClaimsPrincipal user, GoLiveProbe probe, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<VerifyRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (probe.Refusal(channel, body!.Column, body.Live) is { } refusal)
        {
            return refusal.ToProblem();
        }

        var report = await probe.RunAsync(channel, body.Column!, ItemsApi.Actor(user), cancellationToken);
        return TypedResults.Ok(report);
    }

    private static async Task<IResult> Checks(
        string channel, string? limit, ChannelCatalogue catalogue, ChannelHealthService health, CancellationToken cancellationToken)
    {
        if (catalogue.Find(channel) is null)
        {
            return Problems.NotFound("channel", channel);
        }

        var count = DefaultChecks;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MostChecks))
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "Bad query.", "limit",
                $"limit must be a whole number from 1 to {MostChecks} (default {DefaultChecks}); '{limit}' is not.");
        }

        var checks = await health.HistoryAsync(channel, count, cancellationToken);
        return TypedResults.Ok(new HealthHistoryView(channel, [.. checks.Select(HealthCheckView.From)]));
    }
}

/// <summary>A channel as <c>GET /api/channels</c> shows it.</summary>
public sealed record ChannelView(
    string Id, string DisplayName, string Connector, bool Enabled, HealthView Health, string Circuit, int Pending, int Failed,
    long? OldestPendingAgeSeconds, DateTimeOffset? LastSuccessAt);

/// <summary>A health check result.</summary>
public sealed record HealthView(string Status, DateTimeOffset? CheckedAt, long? LatencyMs, string? Detail, IReadOnlyDictionary<string, long>? Quota)
{
    public static HealthView From(HealthCheck? latest) => latest is { } l
        ? new(HealthStatusNames.Of(l.Status), l.CheckedAt, l.LatencyMs, l.Detail, l.Quota)
        : new("unknown", null, null, null, null);
}

/// <summary><c>GET /api/channels/{channel}/checks</c>: the channel's stored checks, newest first.</summary>
public sealed record HealthHistoryView(string Channel, IReadOnlyList<HealthCheckView> Checks);

/// <summary>One stored check: <see cref="HealthView"/>'s fields plus who ran it and why (<c>scheduled</c> or <c>manual</c>).</summary>
public sealed record HealthCheckView(
    string Status, DateTimeOffset CheckedAt, long LatencyMs, string Detail, IReadOnlyDictionary<string, long>? Quota, string Node, string Trigger,
    DateTimeOffset? ScheduledFor)
{
    public static HealthCheckView From(HealthCheck c) =>
        new(HealthStatusNames.Of(c.Status), c.CheckedAt, c.LatencyMs, c.Detail, c.Quota, c.Node, c.ScheduledFor is null ? "manual" : "scheduled", c.ScheduledFor);
}

/// <summary>The body of <c>POST /api/channels/{channel}/verify</c>.</summary>
/// <param name="Column">The platform's test column (栏目) the marked article goes to. Required.</param>
/// <param name="Live">Must be true: the probe publishes for real, then withdraws.</param>
public sealed record VerifyRequest(string? Column, bool Live);
