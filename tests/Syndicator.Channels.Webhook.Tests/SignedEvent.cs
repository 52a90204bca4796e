using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Channels;
using Syndicator.Core.Events;
using Syndicator.Core.Storage;
using Syndicator.Testing;
using Syndicator.Testing.Processes;

namespace Syndicator.Channels.Webhook.Tests;

/// <summary>
/// An event as a receiver gets it: a real <c>item.live</c> event, sent by the service's own <see cref="WebhookEventSender"/>
/// to a loopback HTTP receiver that keeps the three Standard Webhooks headers and the body's bytes.
/// </summary>
internal sealed record SignedEvent(string? Id, string? Timestamp, string? Signature, byte[] Body, ChannelOutcome Outcome)
{
    /// <summary>The subscription's secret (24 random bytes).</summary>
    public const string Secret = "whsec_C2FVsBQIhrscChlQIMV+b5sSYhuS3ccGAqpg0lbt";

    /// <summary>Another well-formed secret.</summary>
    public const string OtherSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Sends one event signed at the time <paramref name="time"/> gives, and returns what the receiver got.</summary>
    public static async Task<SignedEvent> SendAsync(TimeProvider time)
    {
        var port = LoopbackPort.Free();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/events/");
        listener.Start();
        var received = ReceiveAsync(listener);

        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddWebhookEvents();
        await using var provider = services.BuildServiceProvider();
        var sender = provider.GetRequiredService<IEventSender>();
        var subscription = new EventSubscription("office", new EventSubscriptionOptions
        {
            Url = new Uri($"http://127.0.0.1:{port}/events/"),
            Secret = Secret,
        });

        using var deadline = new CancellationTokenSource(Deadline);
        var outcome = await sender.SendAsync(subscription, Event(time.GetUtcNow()), deadline.Token);
        var (id, timestamp, signature, body) = await received.WaitAsync(Deadline);
        return new SignedEvent(id, timestamp, signature, body, outcome);
    }

    /// <summary>The body with one byte of its title changed.</summary>
    public byte[] ChangedBody()
    {
        var text = System.Text.Encoding.UTF8.GetString(Body);
        return System.Text.Encoding.UTF8.GetBytes(text.Replace("防汛", "防旱", StringComparison.Ordinal));
    }

    private static StoredEvent Event(DateTimeOffset now)
    {
        var itemId = ItemJson.NewId("evdocs");
        var draft = new EventDraft(
            EventTypes.ItemLive, itemId, 1, null, ["portal", "board"], now,
            new ItemLiveData(itemId, 1, "002571234/2026-00042", "关于做好2026年防汛工作的通知",
            [
                new LiveChannel("portal", 1, new Uri("https://www.tx.gov.cn/art/2026/12/3/art_1229002_42.html"), "42", now),
                new LiveChannel("board", 1, null, "notice-42", now),
            ], now));
        return new StoredEvent(1, EventDraft.NewId(), draft.Type, itemId, 1, null, now, draft.Payload());
    }

    private static async Task<(string?, string?, string?, byte[])> ReceiveAsync(HttpListener listener)
    {
        var context = await listener.GetContextAsync();
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var headers = context.Request.Headers;
        context.Response.StatusCode = 204;
        context.Response.Close();
        return (headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"], body.ToArray());
    }
}
