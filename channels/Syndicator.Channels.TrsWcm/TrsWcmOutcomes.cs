using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.TrsWcm;

/// <summary>Turns a WCM answer that is not a success into the outcome the dispatcher acts on.</summary>
internal static class TrsWcmOutcomes
{
    /// <param name="channel">For messages that name the channel's settings.</param>
    /// <param name="answer">A failed answer.</param>
    /// <param name="call">What was asked, e.g. <c>save</c>.</param>
    public static ChannelOutcome Failure(TrsWcmChannel channel, TrsWcmAnswer answer, string call)
    {
        if (!answer.Answered)
        {
            return new ChannelOutcome.Transient(answer.NothingSent ? $"WCM unreachable: {answer.ErrorText}" : $"no answer from WCM to {call}: {answer.ErrorText}");
        }

        if (answer.LoginRefused || answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new ChannelOutcome.AuthFailed(
                $"WCM refused the login of Channels:{channel.Id}:UserName '{channel.Options.UserName}' ({answer.Code}: {answer.Message})")
            { Code = answer.Code };
        }

        if (answer.NotLoggedIn)
        {
            return new ChannelOutcome.AuthFailed($"WCM answered {call} with 'not logged in' again right after a fresh login") { Code = answer.Code };
        }

        if (answer.Fault is { } fault)
        {
            return new ChannelOutcome.Rejected($"WCM refused {call}: {fault.Code} {answer.Message}") { Code = answer.Code };
        }

        if (IsTransient(answer.StatusCode))
        {
            return new ChannelOutcome.Transient($"WCM answered {answer.Code} to {call}") { Code = answer.Code };
        }

        // A 2xx WCM answer we could not read: the call did its work; let the next try find out what it was.
        return answer.Response.IsSuccessStatusCode
            ? new ChannelOutcome.Transient($"WCM answered {call} with an unreadable body ({answer.Code})") { Code = answer.Code }
            : new ChannelOutcome.Rejected($"WCM answered {answer.Code} to {call}: {answer.Message}") { Code = answer.Code };
    }

    /// <summary>408, 429 and 5xx, as the resilience pipeline itself judges them.</summary>
    public static bool IsTransient(HttpStatusCode status)
    {
        using var probe = new HttpResponseMessage(status);
        return HttpClientResiliencePredicates.IsTransient(Outcome.FromResult(probe));
    }

    public static bool IsNotFound(TrsWcmAnswer answer) => answer.Fault?.Code == TrsWcmFault.ObjectNotFound;

    /// <summary>Logs a failed answer: refused (answered) or failed (no answer).</summary>
    public static void LogFailure(TrsWcmChannel channel, TrsWcmAnswer answer, string call)
    {
        if (answer.Answered)
        {
            Log.CallRefused(channel.Logger, channel.Id, call, answer.Code, answer.Message);
        }
        else
        {
            Log.CallFailed(channel.Logger, channel.Id, call, !answer.NothingSent, answer.ErrorText);
        }
    }
}
