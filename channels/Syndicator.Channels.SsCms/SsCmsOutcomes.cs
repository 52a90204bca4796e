using System.Net;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;

namespace Syndicator.Channels.SsCms;

/// <summary>Turns an SSCMS answer that is not a success into the outcome the dispatcher acts on.</summary>
internal static class SsCmsOutcomes
{
    /// <param name="answer">A failed answer.</param>
    /// <param name="notFound">The rejection to give for SSCMS's 400 "未找到资源" (unknown site, channel or content).</param>
    /// <param name="channel">The channel, for messages naming its keys and for the clock.</param>
    /// <param name="column">The SSCMS channel (栏目) the call was about.</param>
    /// <param name="delivery">The delivery, whose last error tells a repeated server fault from a passing one.</param>
    public static ChannelOutcome Failure<T>(SsCmsAnswer<T> answer, string notFound, SsCmsChannel channel, int column, Delivery delivery)
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
            return new ChannelOutcome.AuthFailed(Unauthorized(channel, column)) { Code = answer.Code };
        }

        if (answer.IsNotFound)
        {
            return new ChannelOutcome.Rejected(notFound) { Code = answer.Code };
        }

        if (answer.StatusCode == HttpStatusCode.RequestEntityTooLarge)
        {
            // S3: SSCMS lifts its own limits; a 413 comes from a proxy in front of it.
            return new ChannelOutcome.Rejected(
                $"the request was too large for the way to SSCMS (413: {answer.Message}): a proxy in front of SSCMS limits request " +
                $"bodies (nginx client_max_body_size is 1 MB by default); raise that limit, or set Channels:{channel.Id}:MaxRequestBytes " +
                $"so that such items are refused at intake, or Channels:{channel.Id}:InlineMedia=false")
            {
                Code = answer.Code,
            };
        }

        if (HttpFailures.IsTransient(answer.StatusCode))
        {
            var transient = new ChannelOutcome.Transient($"SSCMS answered {answer.Code}: {answer.Message}", RetryAfter.Of(answer.Response, channel.Time))
            {
                Code = answer.Code,
            };

            // SSCMS's own error message repeated word for word (e.g. S2's "22001: value too long") is its answer, not a
            // passing fault. A bare 502/503 from a proxy or a restarting server carries no such message and stays transient.
            return answer.PlatformMessage is null ? transient : RepeatedFault.Judge(delivery, transient);
        }

        // A 2xx whose body we could not read: the call did its work; let the next try find out what it was.
        return answer.Response.IsSuccessStatusCode
            ? new ChannelOutcome.Transient($"SSCMS answered {answer.Code} with an unreadable body") { Code = answer.Code }
            : new ChannelOutcome.Rejected($"SSCMS answered {answer.Code}: {answer.Message}") { Code = answer.Code };
    }

    /// <summary>
    /// S8: SSCMS answers 401 both for a key it refuses (or one without the Contents scope) and for a key whose
    /// administrator has no rights on the channel — the answer does not say which.
    /// </summary>
    public static string Unauthorized(SsCmsChannel channel, int column) =>
        $"SSCMS answered 401: either it refused the API key (Channels:{channel.Id}:ApiKey; it needs the Contents scope), or the " +
        $"key's administrator has no rights on SSCMS channel {column} (栏目) of site {channel.Options.SiteId} — ask the SSCMS " +
        "administrator to grant that administrator the channel's content rights (view, add, edit, delete, 审核)";
}
