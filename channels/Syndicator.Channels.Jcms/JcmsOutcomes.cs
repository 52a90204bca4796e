using System.Net;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.Jcms;

/// <summary>Turns an answer of the receive interface that is not a success into the outcome the dispatcher acts on.</summary>
internal static class JcmsOutcomes
{
    /// <param name="channel">The channel, for messages naming its settings.</param>
    /// <param name="answer">An answer that is not a success.</param>
    /// <param name="what">What was asked, in words, e.g. "the add of «title» to column 1229001".</param>
    /// <param name="delivery">The delivery, so that a server error repeated word for word goes to an operator.</param>
    public static ChannelOutcome Failure(JcmsChannel channel, JcmsAnswer answer, string what, Delivery? delivery)
    {
        switch (answer.Reading)
        {
            case JcmsReading.NoAnswer:
                return answer.NothingSent
                    ? new ChannelOutcome.Transient($"portal unreachable: {answer.ErrorText}")
                    : new ChannelOutcome.Transient($"no answer from the portal: {answer.ErrorText}");
            case JcmsReading.AuthFailed:
                return new ChannelOutcome.AuthFailed($"the portal refused the credentials: «{answer.Excerpt}»: {channel.CheckCredentials}") { Code = answer.Code };
            case JcmsReading.Refused:
                return new ChannelOutcome.Rejected($"the portal refused {what}: «{answer.Excerpt}»") { Code = answer.Code };
            case JcmsReading.Unreadable:
                return Unreadable(channel, answer, what);
            default:
                break;
        }

        if (answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new ChannelOutcome.AuthFailed($"the portal refused the call ({answer.Code}): {channel.CheckCredentials}") { Code = answer.Code };
        }

        if (HttpFailures.IsTransient(answer.StatusCode))
        {
            var transient = new ChannelOutcome.Transient($"the portal answered {answer.Code}: «{answer.Excerpt}»", answer.RetryAfter(channel.Time))
            {
                Code = answer.Code,
            };
            return delivery is null ? transient : RepeatedFault.Judge(delivery, transient);
        }

        return new ChannelOutcome.Rejected(
            $"the portal answered {answer.Code} to {what}: «{answer.Excerpt}» (check {channel.Key("BaseUrl")} and {channel.Key("ReceivePath")})")
        {
            Code = answer.Code,
        };
    }

    /// <summary>
    /// A 2xx answer none of the reply rules describes: the portal may well have done the work, so it is neither retried
    /// (a second article) nor failed (a lost one); an operator looks, with the raw answer in front of them.
    /// </summary>
    public static ChannelOutcome.Unconfirmed Unreadable(JcmsChannel channel, JcmsAnswer answer, string what) => new(
        $"the portal answered {answer.Code} to {what} in a shape {channel.Key("Reply")} does not describe, so whether it took effect is unknown. " +
        $"Its answer: «{answer.Excerpt}». Look in the portal's back office, then confirm or retry the delivery; " +
        $"if this is how the portal answers, describe it in {channel.Key("Reply")} (Success, Id, Url)")
    {
        Code = answer.Code,
    };

    public static string Reason(ChannelOutcome outcome) => outcome switch
    {
        ChannelOutcome.Transient t => t.Reason,
        ChannelOutcome.Rejected r => r.Reason,
        ChannelOutcome.AuthFailed a => a.Reason,
        ChannelOutcome.Unconfirmed u => u.Reason,
        _ => outcome.ToString(),
    };
}
