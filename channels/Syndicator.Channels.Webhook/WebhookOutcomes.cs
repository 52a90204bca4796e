using System.Net;
using System.Text.Json;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;

namespace Syndicator.Channels.Webhook;

/// <summary>Turns a receiver's answer into the outcome the dispatcher acts on (docs/channels/webhook.md, "Answers").</summary>
internal static class WebhookOutcomes
{
    /// <summary>The longest remote id taken from an answer's <c>id</c>.</summary>
    public const int MaxRemoteIdLength = 200;

    /// <param name="answer">What the receiver answered.</param>
    /// <param name="settings">The settings' key prefix messages name (<c>Channels:hook</c>, <c>Events:Subscriptions:oa</c>).</param>
    /// <param name="fallbackRemoteId">The remote id when the answer names none.</param>
    /// <param name="judge">Looks again at a transient answer with a body (a delivery's repeated fault); null: it stays transient.</param>
    public static ChannelOutcome Of(WebhookAnswer answer, string settings, string fallbackRemoteId, Func<ChannelOutcome.Transient, ChannelOutcome>? judge)
    {
        if (!answer.Answered)
        {
            // Sent or not, sending again is safe: the receiver de-duplicates by webhook-id.
            return new ChannelOutcome.Transient(answer.NothingSent
                ? $"webhook receiver unreachable: {answer.Error}"
                : $"no answer from the webhook receiver (it de-duplicates the resend by webhook-id): {answer.Error}");
        }

        var status = (int)answer.Status;
        if (status is >= 200 and < 300)
        {
            var (id, url) = Read(answer.Body);
            return new ChannelOutcome.Succeeded(id ?? fallbackRemoteId, url) { Code = answer.Code };
        }

        var said = $"the webhook receiver answered {status}: {HttpFailures.Excerpt(answer.Body)}";
        if (answer.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new ChannelOutcome.AuthFailed($"{said} — it refused the signature or the credentials: check {settings}:Secret (and Headers) against the receiver's")
            {
                Code = answer.Code,
            };
        }

        if (answer.Status == HttpStatusCode.Gone)
        {
            return new ChannelOutcome.Rejected($"{said} — 410 Gone: the receiver takes no more events at {settings}:Url") { Code = answer.Code };
        }

        if (HttpFailures.IsTransient(answer.Status))
        {
            var transient = new ChannelOutcome.Transient(said, answer.RetryAfter)
            {
                Code = answer.Code,
                SlowDown = answer.Status == HttpStatusCode.TooManyRequests,
            };

            // A receiver's own error text repeated word for word is its answer; a bare 502/503 stays transient.
            return string.IsNullOrWhiteSpace(answer.Body) || judge is null ? transient : judge(transient);
        }

        return new ChannelOutcome.Rejected(status is >= 300 and < 400
            ? $"{said} — a redirect: set {settings}:Url to the final address (events are not redirected)"
            : said)
        {
            Code = answer.Code,
        };
    }

    /// <summary>The answer's <c>id</c> and <c>url</c>, when it is a JSON object carrying them (an absolute http(s) URL only).</summary>
    public static (string? Id, Uri? Url) Read(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var root = document.RootElement;
            string? id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String
                && i.GetString() is { Length: > 0 and <= MaxRemoteIdLength } text ? text : null;
            Uri? url = root.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String
                && Uri.TryCreate(u.GetString(), UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
                ? parsed
                : null;
            return (id, url);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
