using System.Net;
using Syndicator.Core.Channels;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.TrsWcm;

/// <summary>Turns a WCM answer that is not a success into the outcome the dispatcher acts on; the raw fault is in the reason (T6).</summary>
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

        if (answer.LoginRefusal is { } refusal)
        {
            return new ChannelOutcome.AuthFailed(LoginRefused(channel, refusal)) { Code = refusal.AlreadyLoggedIn ? "ERR_USER_LOGINED" : "login-refused" };
        }

        if (answer.NotLoggedIn)
        {
            return new ChannelOutcome.AuthFailed($"WCM answered {call} with 'not logged in' again right after a fresh login ({answer.Message})") { Code = answer.Code };
        }

        if (answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new ChannelOutcome.AuthFailed($"WCM answered {call} with HTTP {answer.Code}: {answer.Message}") { Code = answer.Code };
        }

        if (answer.Fault is { } fault)
        {
            return TrsWcmFault.DatabaseFailures.Contains(fault.Code)
                ? new ChannelOutcome.Transient($"{call}: {fault}") { Code = fault.Code }
                : new ChannelOutcome.Rejected($"WCM refused {call}: {fault}") { Code = fault.Code };
        }

        if (HttpFailures.IsTransient(answer.StatusCode))
        {
            return new ChannelOutcome.Transient($"WCM answered {answer.Code} to {call}: {answer.Message}") { Code = answer.Code };
        }

        // A 2xx WCM answer we could not read: the call did its work; let the next try find out what it was.
        return answer.Response.IsSuccessStatusCode
            ? new ChannelOutcome.Transient($"WCM answered {call} with an unreadable body: {answer.Message}") { Code = answer.Code }
            : new ChannelOutcome.Rejected($"WCM answered {answer.Code} to {call}: {answer.Message}") { Code = answer.Code };
    }

    /// <summary>A refused login in words (T1, T2); the password is never repeated.</summary>
    public static string LoginRefused(TrsWcmChannel channel, TrsWcmLoginRefusal refusal) => refusal.AlreadyLoggedIn
        ? $"WCM refused the login of Channels:{channel.Id}:UserName '{channel.Options.UserName}' because another session holds the account " +
          $"(a person, or a node that does not share this service's database): \"{refusal.Words}\". Log that session out, give each node its " +
          $"own account, or set Channels:{channel.Id}:ForceKick=true to log it out"
        : $"WCM refused the user name or password: {refusal.Words} (Channels:{channel.Id}:UserName '{channel.Options.UserName}')";

    public static bool IsNotFound(TrsWcmAnswer answer) => answer.Fault?.Code == TrsWcmFault.ObjectNotFound;

    /// <summary>Logs a failed answer: refused (answered) or failed (no answer).</summary>
    public static void LogFailure(TrsWcmChannel channel, TrsWcmAnswer answer, string call)
    {
        if (answer.Answered)
        {
            Log.CallRefused(channel.Logger, channel.Id, call, answer.Code, answer.LoginRefusal?.Words ?? answer.Message);
        }
        else
        {
            Log.CallFailed(channel.Logger, channel.Id, call, !answer.NothingSent, answer.ErrorText);
        }
    }
}
