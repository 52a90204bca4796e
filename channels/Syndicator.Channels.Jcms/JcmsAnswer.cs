using System.Globalization;
using System.Net;
using RestSharp;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.Jcms;

/// <summary>How the configured reply rules read one answer.</summary>
internal enum JcmsReading
{
    /// <summary>No HTTP answer (refused connection, reset, timeout).</summary>
    NoAnswer,

    /// <summary>An HTTP status that is not 2xx.</summary>
    HttpError,

    /// <summary>2xx, and the <c>Reply:AuthFailed</c> rule matched.</summary>
    AuthFailed,

    /// <summary>2xx, and the <c>Reply:Refused</c> rule matched.</summary>
    Refused,

    /// <summary>2xx, and the <c>Reply:Success</c> rule matched.</summary>
    Succeeded,

    /// <summary>2xx, and no rule matched: an answer in a shape the configuration does not describe.</summary>
    Unreadable,
}

/// <summary>What one call to the receive interface came back with, read by the channel's reply rules.</summary>
internal sealed class JcmsAnswer
{
    private readonly JcmsRedaction _redaction;

    public JcmsAnswer(RestResponse response, JcmsReplyRules rules, JcmsRedaction redaction)
    {
        Response = response;
        _redaction = redaction;
        var reply = new JcmsReplyRules.Reply(response.Content);
        Reading = !HttpFailures.Answered(response) ? JcmsReading.NoAnswer
            : !response.IsSuccessStatusCode ? JcmsReading.HttpError
            : rules.AuthFailed.Matches(reply) ? JcmsReading.AuthFailed
            : rules.Refused.Matches(reply) ? JcmsReading.Refused
            : rules.Success.Matches(reply) ? JcmsReading.Succeeded
            : JcmsReading.Unreadable;
        if (Reading == JcmsReading.Succeeded)
        {
            ArticleId = rules.Id.Read(reply);
            Url = Uri.TryCreate(rules.Url.Read(reply), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
        }
    }

    public RestResponse Response { get; }

    public JcmsReading Reading { get; }

    public bool Answered => Reading != JcmsReading.NoAnswer;

    public bool Succeeded => Reading == JcmsReading.Succeeded;

    /// <summary>The article id the <c>Reply:Id</c> rule read from a success; null when none is configured or found.</summary>
    public string? ArticleId { get; }

    /// <summary>The page the <c>Reply:Url</c> rule read from a success; null when none is configured or found.</summary>
    public Uri? Url { get; }

    public HttpStatusCode StatusCode => Response.StatusCode;

    /// <summary>The HTTP status when an answer arrived (the reply carries no code we rely on).</summary>
    public string? Code => Answered ? ((int)StatusCode).ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>The start of the answer as received, for an operator; credentials redacted.</summary>
    public string Excerpt => _redaction.Scrub(HttpFailures.Excerpt(Response.Content, 300));

    /// <summary>True when the connection could not even be opened, so the request certainly did not reach the portal.</summary>
    public bool NothingSent => HttpFailures.NothingSent(Response);

    /// <summary>Why no answer arrived; any URL (with the credentials of the query string) redacted.</summary>
    public string ErrorText => _redaction.Scrub(HttpFailures.ErrorText(Response));

    public TimeSpan? RetryAfter(TimeProvider time) => Toolkit.RetryAfter.Of(Response, time);
}
