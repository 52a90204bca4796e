using System.Text.Json.Nodes;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// Proves without publishing: a token fetch (<c>stable_token</c>, normal mode: harmless to repeat) proves the
/// endpoint and the credentials, and <c>openapi/quota/get</c> for <c>freepublish/submit</c> (and, with the digest on,
/// <c>message/mass/sendall</c>) proves the token and reports how many calls are left today (reference §7, quota tools).
/// </summary>
internal sealed class WeChatHealthCheck
{
    internal const string SubmitPath = "/cgi-bin/freepublish/submit";
    internal const string MassSendPath = "/cgi-bin/message/mass/sendall";

    private readonly WeChatChannel _channel;

    public WeChatHealthCheck(WeChatChannel channel) => _channel = channel;

    public async Task<ChannelHealth> RunAsync(CancellationToken cancellationToken)
    {
        var started = _channel.Time.GetTimestamp();
        using var session = _channel.OpenSession();
        var (status, detail, quota) = await ProbeAsync(session, cancellationToken);
        Log.HealthChecked(_channel.Logger, _channel.Id, status.ToString(), detail);
        return new ChannelHealth(status, detail, _channel.Time.GetElapsedTime(started)) { Quota = quota };
    }

    private async Task<(ChannelHealthStatus, string, IReadOnlyDictionary<string, long>?)> ProbeAsync(
        WeChatSession session, CancellationToken cancellationToken)
    {
        var (token, failure) = await session.Tokens.FetchAsync(cancellationToken);
        if (token is null)
        {
            var (status, reason) = Judge(failure!);
            return (status, "access token fetch failed: " + reason, null);
        }

        var quotas = new Dictionary<string, long>(StringComparer.Ordinal);
        var details = new List<string> { "token fetched" };
        var paths = _channel.Options.MassSend.Enabled ? new[] { SubmitPath, MassSendPath } : [SubmitPath];
        foreach (var path in paths)
        {
            var answer = await session.PostAsync("openapi/quota/get", new JsonObject { ["cgi_path"] = path }, idempotent: true, cancellationToken);
            if (!answer.Ok || answer.Body!.Value.TryGetProperty("quota", out var quota) is false
                || WeChatAnswer.Long(quota, "remain") is not { } remain)
            {
                var (status, reason) = Judge(answer);
                return (status, $"token works, but the quota query for {path} failed: " + reason, null);
            }

            quotas[path] = remain;
            details.Add($"{path.Replace("/cgi-bin/", "", StringComparison.Ordinal)} quota today: {remain} of {WeChatAnswer.Long(quota, "daily_limit")} left");
        }

        // A day without submits left stops publishing; one without mass sends only delays the digest — both degrade.
        return (quotas.Values.All(r => r > 0) ? ChannelHealthStatus.Healthy : ChannelHealthStatus.Degraded, string.Join("; ", details), quotas);
    }

    /// <summary>Unreachable or refused credentials: unhealthy. Throttled, quota-bound or a passing error: degraded.</summary>
    private (ChannelHealthStatus Status, string Reason) Judge(WeChatAnswer answer) =>
        WeChatOutcomes.Failure(_channel, answer) switch
        {
            ChannelOutcome.AuthFailed a => (ChannelHealthStatus.Unhealthy, a.Reason),
            ChannelOutcome.Rejected r => (ChannelHealthStatus.Unhealthy, r.Reason),
            ChannelOutcome.Transient t => (answer.Answered ? ChannelHealthStatus.Degraded : ChannelHealthStatus.Unhealthy, t.Reason),
            ChannelOutcome.RateLimited l => (ChannelHealthStatus.Degraded, l.Reason),
            ChannelOutcome.QuotaExhausted q => (ChannelHealthStatus.Degraded, q.Reason),
            var other => (ChannelHealthStatus.Degraded, other.ToString()),
        };
}
