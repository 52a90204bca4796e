using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using RestSharp;

namespace Syndicator.Channels.Toolkit;

/// <summary>How a connector reads an HTTP call that did not simply succeed — the same for every platform.</summary>
public static class HttpFailures
{
    /// <summary>408, 429 and 5xx, as the resilience pipeline itself judges them.</summary>
    public static bool IsTransient(HttpStatusCode status)
    {
        using var probe = new HttpResponseMessage(status);
        return HttpClientResiliencePredicates.IsTransient(Outcome.FromResult(probe));
    }

    /// <summary>Whether an HTTP answer arrived at all (false after a refused connection, a reset or a timeout).</summary>
    public static bool Answered(RestResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.StatusCode != 0;
    }

    /// <summary>
    /// True when the connection could not even be opened (refused, name not resolved, TLS failed), so the request
    /// certainly did not reach the platform. Any other failure without an answer leaves the outcome unknown.
    /// </summary>
    public static bool NothingSent(RestResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        for (var e = response.ErrorException; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Why no answer arrived, for outcomes and logs (credentials travel in headers or bodies, never here).</summary>
    public static string ErrorText(RestResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.ErrorException?.GetBaseException().Message ?? response.ErrorMessage ?? response.ResponseStatus.ToString();
    }

    /// <summary>The start of a body for an operator to read: trimmed, at most <paramref name="max"/> characters.</summary>
    public static string Excerpt(string? body, int max = 200)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "(empty body)";
        }

        var text = body.Trim();
        return text.Length <= max ? text : text[..max] + "…";
    }
}
