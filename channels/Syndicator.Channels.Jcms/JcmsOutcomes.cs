using System.Globalization;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.Jcms;

/// <summary>Turns an answer of the receive interface that is not a success into the outcome the dispatcher acts on.</summary>
internal static class JcmsOutcomes
{
    public const string UnknownUser = "A01";
    public const string WrongPassword = "A02";
    public const string BadParameter = "A03";
    public const string NoSuchArticle = "A04";
    public const string BadFormat = "A06";
    public const string BadAttachment = "A07";

    /// <summary>The longest <c>Retry-After</c> taken at its word; the durable schedule bounds it again.</summary>
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    /// <param name="channel">The channel, for messages naming its settings.</param>
    /// <param name="answer">A failed answer.</param>
    /// <param name="notFound">The rejection to give for A04 (no such article).</param>
    public static ChannelOutcome Failure(JcmsChannel channel, JcmsAnswer answer, string notFound)
    {
        if (!answer.Answered)
        {
            return answer.NothingSent
                ? new ChannelOutcome.Transient($"portal unreachable: {answer.ErrorText}")
                : new ChannelOutcome.Transient($"no answer from the portal: {answer.ErrorText}");
        }

        if (answer.Reply is { } reply)
        {
            return FromErrorCode(channel, reply, notFound);
        }

        if (answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new ChannelOutcome.AuthFailed($"the portal refused the call ({answer.Code}): {channel.CheckCredentials}") { Code = answer.Code };
        }

        if (IsTransient(answer.StatusCode))
        {
            return new ChannelOutcome.Transient($"the portal answered {answer.Code}: {answer.Message}", RetryAfter(answer, channel.Time))
            {
                Code = answer.Code,
            };
        }

        // A 2xx that is no reply of the interface (a proxy's page, say): the call may have done its work.
        return answer.Response.IsSuccessStatusCode
            ? new ChannelOutcome.Transient($"the portal answered {answer.Code} with no readable reply") { Code = answer.Code }
            : new ChannelOutcome.Rejected($"the portal answered {answer.Code}: {answer.Message} (check Channels:{channel.Id}:BaseUrl and ReceivePath)")
            {
                Code = answer.Code,
            };
    }

    /// <summary>408, 429 and 5xx, as the resilience pipeline itself judges them.</summary>
    public static bool IsTransient(HttpStatusCode status)
    {
        using var probe = new HttpResponseMessage(status);
        return HttpClientResiliencePredicates.IsTransient(Outcome.FromResult(probe));
    }

    private static ChannelOutcome FromErrorCode(JcmsChannel channel, JcmsReply reply, string notFound)
    {
        var code = reply.ErrorCode;
        var said = $"{code} {reply.Message}";
        return code switch
        {
            UnknownUser or WrongPassword => new ChannelOutcome.AuthFailed($"the portal refused the credentials ({said}): {channel.CheckCredentials}") { Code = code },
            NoSuchArticle => new ChannelOutcome.Rejected($"{notFound} ({said})") { Code = code },
            BadParameter or BadFormat or BadAttachment => new ChannelOutcome.Rejected($"the portal refused the article ({said})") { Code = code },

            // A00 (other) and A05 (service connection error) are the portal's own trouble: try again later.
            _ => new ChannelOutcome.Transient($"the portal answered {said}") { Code = code },
        };
    }

    private static TimeSpan? RetryAfter(JcmsAnswer answer, TimeProvider time)
    {
        var value = answer.Response.Headers?
            .FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        TimeSpan? wait = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at - time.GetUtcNow()
                : null;
        return wait is null ? null : TimeSpan.FromTicks(Math.Clamp(wait.Value.Ticks, 0, MaxRetryAfter.Ticks));
    }
}
