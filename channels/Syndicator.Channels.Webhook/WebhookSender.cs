using System.Net;
using System.Net.Http.Headers;
using System.Text;
using StandardWebhooks;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.Webhook;

/// <summary>
/// Signs an event and POSTs it (Standard Webhooks: <c>webhook-id</c>, <c>webhook-timestamp</c>,
/// <c>webhook-signature</c> = <c>v1,</c> base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>) over the channel's
/// named client, and reads the answer within a bound. Never throws for HTTP or network failures.
/// </summary>
internal sealed class WebhookSender(HttpClient http, WebhookChannelOptions options, TimeProvider time)
{
    /// <summary>The most of an answer read; a longer one is cut (its status still counts).</summary>
    public const int MaxAnswerBytes = 64 * 1024;

    private readonly StandardWebhook _signer = new(options.Secret!);

    public async Task<WebhookAnswer> SendAsync(string id, byte[] body, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in options.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation(WebhookHeaders.Id, id);
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Timestamp, now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Signature, _signer.Sign(id, now, Encoding.UTF8.GetString(body)));

        // The receiver de-duplicates by webhook-id (the delivery's id, the same on every try), so sending again is safe.
        ChannelHttp.MarkIdempotent(request);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var text = await ReadBoundedAsync(response.Content, cancellationToken);
            var retryAfter = RetryAfter.Parse(response.Headers.RetryAfter?.ToString(), time);
            return new WebhookAnswer(response.StatusCode, text, retryAfter, null, false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return new WebhookAnswer(0, null, null, ex.GetBaseException().Message, NothingSent(ex));
        }
    }

    private static bool NothingSent(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError })
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<string> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxAnswerBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }
}

/// <summary>What the receiver answered: a status (0 when no answer came), the start of its body, its Retry-After.</summary>
internal sealed record WebhookAnswer(HttpStatusCode Status, string? Body, TimeSpan? RetryAfter, string? Error, bool NothingSent)
{
    public bool Answered => Status != 0;

    public string Code => ((int)Status).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
