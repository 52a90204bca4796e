using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Syndicator.Sandbox.Channels;

namespace Syndicator.Sandbox.Events;

/// <summary>
/// The approval system's stand-in for the service's signed events (DESIGN §7): <c>POST /_sandbox/events</c> takes an
/// event, <c>GET /_sandbox/events</c> lists every one received, each with <c>verified</c>. Signatures are checked with
/// <see cref="SandboxCredentials.EventsSecret"/> by the sandbox's own Standard Webhooks verifier. Faults scheduled for
/// the channel <c>events</c> (<c>POST /_sandbox/events/faults</c>) hit the receiver as they hit a platform.
/// </summary>
internal sealed class EventsEmulator : IPlatformEmulator
{
    public const string ChannelName = "events";

    public string Channel => ChannelName;

    public string DisplayName => "Event receiver · the approval system's side";

    public ChannelStats Stats { get; } = new();

    public EventsStore Store { get; } = new();

    public void Map(RouteGroupBuilder group)
    {
        // The receiver lives under /_sandbox (MapControl); nothing is served under /events.
    }

    public void MapControl(RouteGroupBuilder control)
    {
        control.MapPost("", EventsReceiver.ReceiveAsync);
        control.MapGet("", (HttpRequest request) =>
            TypedResults.Json(Store.All(request.Query["type"].ToString() is { Length: > 0 } type ? type : null), SandboxJson.Options));
    }

    public IReadOnlyList<SandboxArticle> Articles() => [];

    public bool EditArticle(string remoteId, string? title, string? content) => false;

    public bool DeleteArticle(string remoteId) => false;

    public void Reset() => Store.Clear();
}
