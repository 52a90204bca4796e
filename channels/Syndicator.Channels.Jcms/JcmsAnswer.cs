using System.Globalization;
using System.Net;
using RestSharp;

namespace Syndicator.Channels.Jcms;

/// <summary>What one call to the receive interface came back with: a reply, an HTTP error, or no answer at all.</summary>
internal sealed class JcmsAnswer
{
    private const int MaxMessageLength = 200;

    private readonly JcmsRedaction _redaction;

    public JcmsAnswer(RestResponse response, JcmsRedaction redaction)
    {
        Response = response;
        _redaction = redaction;
        Reply = response.IsSuccessStatusCode ? JcmsReply.Parse(response.Content) : null;
    }

    public RestResponse Response { get; }

    /// <summary>The parsed reply of a 2xx answer; null otherwise or when it did not parse.</summary>
    public JcmsReply? Reply { get; }

    /// <summary>Whether an HTTP answer arrived at all (false after a refused connection, reset or timeout).</summary>
    public bool Answered => Response.StatusCode != 0;

    /// <summary>The portal did what was asked (error code 0).</summary>
    public bool Succeeded => Reply is { Succeeded: true };

    public HttpStatusCode StatusCode => Response.StatusCode;

    /// <summary>The portal's error code when it replied, else the HTTP status; null without an answer.</summary>
    public string? Code => Reply?.ErrorCode ?? (Answered ? ((int)StatusCode).ToString(CultureInfo.InvariantCulture) : null);

    /// <summary>The reply's message, else the start of the body; secrets redacted.</summary>
    public string Message => _redaction.Scrub(Truncate(Reply?.Message ?? (string.IsNullOrWhiteSpace(Response.Content) ? "(empty body)" : Response.Content.Trim())));

    /// <summary>
    /// True when the connection could not even be opened (refused, name not resolved, TLS failed), so the request
    /// certainly did not reach the portal. Any other failure without an answer leaves the outcome unknown.
    /// </summary>
    public bool NothingSent
    {
        get
        {
            for (var e = Response.ErrorException; e is not null; e = e.InnerException)
            {
                if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError })
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Why no answer arrived, for outcomes and logs; any URL or secret in it redacted.</summary>
    public string ErrorText => _redaction.Scrub(
        Response.ErrorException?.GetBaseException().Message ?? Response.ErrorMessage ?? Response.ResponseStatus.ToString());

    private static string Truncate(string text) => text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "…";
}
