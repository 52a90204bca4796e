using System.Globalization;
using System.Net;
using System.Net.Http;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.SsCms;

/// <summary>Turns an SSCMS answer that is not a success into the outcome the dispatcher acts on.</summary>
internal static class SsCmsOutcomes
{
    /// <summary>The longest <c>Retry-After</c> taken at its word; the durable schedule bounds it again.</summary>
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    /// <param name="answer">A failed answer.</param>
    /// <param name="notFound">The rejection to give for SSCMS's 400 "未找到资源" (unknown site, channel or content).</param>
    /// <param name="time">For an HTTP-date <c>Retry-After</c>.</param>
    public static ChannelOutcome Failure<T>(SsCmsAnswer<T> answer, string notFound, TimeProvider time)
        where T : class
    {
        if (!answer.Answered)
        {
            return answer.NothingSent
                ? new ChannelOutcome.Transient($"SSCMS unreachable: {answer.ErrorText}")
                : new ChannelOutcome.Transient($"no answer from SSCMS: {answer.ErrorText}");
        }

        if (answer.StatusCode == HttpStatusCode.Unauthorized)
        {
            return new ChannelOutcome.AuthFailed("SSCMS refused the API key (401)") { Code = answer.Code };
        }

        if (answer.IsNotFound)
        {
            return new ChannelOutcome.Rejected(notFound) { Code = answer.Code };
        }

        if (IsTransient(answer.StatusCode))
        {
            return new ChannelOutcome.Transient($"SSCMS answered {answer.Code}: {answer.Message}", RetryAfter(answer, time))
            {
                Code = answer.Code,
            };
        }

        // A 2xx whose body we could not read: the call did its work; let the next try find out what it was.
        return answer.Response.IsSuccessStatusCode
            ? new ChannelOutcome.Transient($"SSCMS answered {answer.Code} with an unreadable body") { Code = answer.Code }
            : new ChannelOutcome.Rejected($"SSCMS answered {answer.Code}: {answer.Message}") { Code = answer.Code };
    }

    /// <summary>408, 429 and 5xx, as the resilience pipeline itself judges them.</summary>
    public static bool IsTransient(HttpStatusCode status)
    {
        using var probe = new HttpResponseMessage(status);
        return HttpClientResiliencePredicates.IsTransient(Outcome.FromResult(probe));
    }

    private static TimeSpan? RetryAfter<T>(SsCmsAnswer<T> answer, TimeProvider time)
        where T : class
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
