using System.Globalization;
using System.Net;
using System.Text.Json;
using RestSharp;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.SsCms;

/// <summary>What one call to SSCMS came back with: a readable answer, an error answer, or no answer at all.</summary>
internal sealed class SsCmsAnswer<T>
    where T : class
{
    public SsCmsAnswer(RestResponse response, T? data)
    {
        Response = response;
        Data = data;
    }

    public RestResponse Response { get; }

    /// <summary>The parsed body of a 2xx answer; null otherwise or when it did not parse.</summary>
    public T? Data { get; }

    /// <summary>Whether an HTTP answer arrived at all (false after a refused connection, reset or timeout).</summary>
    public bool Answered => HttpFailures.Answered(Response);

    public bool Succeeded => Answered && Response.IsSuccessStatusCode && Data is not null;

    public HttpStatusCode StatusCode => Response.StatusCode;

    public string Code => ((int)Response.StatusCode).ToString(CultureInfo.InvariantCulture);

    /// <summary>SSCMS's "unknown site, channel or content" answer: 400 <c>{"message":"未找到资源!"}</c>, not 404 (S8).</summary>
    public bool IsNotFound =>
        StatusCode == HttpStatusCode.BadRequest && Message.Contains("未找到资源", StringComparison.Ordinal);

    /// <summary>The platform's message (<c>message</c>, or a problem's <c>title</c>), else the start of the body.</summary>
    public string Message => ReadMessage(Response.Content);

    /// <summary>
    /// The message of SSCMS's own error answer (<c>{"message":"…","createdDate":…}</c>, what its error handler writes for
    /// an exception, e.g. the database's <c>22001: value too long…</c>); null for an answer without one (a proxy's 502
    /// page, an empty 503).
    /// </summary>
    public string? PlatformMessage
    {
        get
        {
            if (string.IsNullOrWhiteSpace(Response.Content))
            {
                return null;
            }

            try
            {
                using var json = JsonDocument.Parse(Response.Content);
                return json.RootElement.ValueKind == JsonValueKind.Object
                    && json.RootElement.TryGetProperty("message", out var message)
                    && message.ValueKind == JsonValueKind.String
                    && !string.IsNullOrWhiteSpace(message.GetString())
                        ? message.GetString()
                        : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>True when the request certainly did not reach SSCMS (the connection could not be opened).</summary>
    public bool NothingSent => HttpFailures.NothingSent(Response);

    /// <summary>Why no answer arrived, for outcomes and logs (never contains the key, which travels in a header).</summary>
    public string ErrorText => HttpFailures.ErrorText(Response);

    private static string ReadMessage(string? content)
    {
        if (!string.IsNullOrWhiteSpace(content))
        {
            try
            {
                using var json = JsonDocument.Parse(content);
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var name in (string[])["message", "title", "detail"])
                    {
                        if (json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                        {
                            return HttpFailures.Excerpt(value.GetString());
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML error page, say): show its start instead.
            }
        }

        return HttpFailures.Excerpt(content);
    }
}
