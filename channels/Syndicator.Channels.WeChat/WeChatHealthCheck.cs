using System.Text.Json.Nodes;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// Proves without publishing: a token fetch (<c>stable_token</c>, normal mode: harmless to repeat) proves the
/// endpoint and the credentials; then each daily budget the connector keeps (used/limit, platform-truth W1) and what
/// <c>openapi/quota/get</c> reports per cgi_path (reference §7, quota tools) where the platform answers it. The
/// <see cref="ChannelHealth.Quota"/> map holds the calls left today: under the API's name (<c>freepublish/get</c>)
/// by our budget, under its cgi path (<c>/cgi-bin/freepublish/submit</c>) by the platform's own count.
/// </summary>
internal sealed class WeChatHealthCheck
{
    internal const string SubmitPath = "/cgi-bin/freepublish/submit";
    internal const string MassSendPath = "/cgi-bin/message/mass/sendall";

    /// <summary>quota/get of a path the platform does not report (reference §7, quota tools).</summary>
    private const int InvalidCgiPath = 76021;

    private readonly WeChatChannel _channel;

    public WeChatHealthCheck(WeChatChannel channel) => _channel = channel;

    public Task<ChannelHealth> RunAsync(CancellationToken cancellationToken) =>
        HealthProbe.RunAsync(_channel.Id, _channel.Time, _channel.Logger, ProbeAsync, cancellationToken);

    private async Task<HealthProbe.Verdict> ProbeAsync(CancellationToken cancellationToken)
    {
        var session = _channel.OpenSession();
        var (token, failure) = await session.Tokens.FetchAsync(cancellationToken);
        if (token is null)
        {
            var (status, reason) = Judge(failure!);
            return new HealthProbe.Verdict(status, "access token fetch failed: " + reason);
        }

        var quotas = new Dictionary<string, long>(StringComparer.Ordinal);
        var budgets = new List<string>();
        var spent = new List<string>();
        foreach (var quota in WeChatQuota.All)
        {
            var (used, limit) = await session.Budget.UsageAsync(quota, cancellationToken);
            quotas[quota.Call] = Math.Max(0, limit - used);
            budgets.Add($"{quota.Call} {used}/{limit}");
            if (used >= limit)
            {
                spent.Add(quota.Call);
            }
        }

        var platform = new List<string>();
        foreach (var path in PlatformPaths())
        {
            var answer = await session.PostAsync("openapi/quota/get", new JsonObject { ["cgi_path"] = path }, idempotent: true, cancellationToken);
            if (answer.Errcode == InvalidCgiPath)
            {
                platform.Add($"{path.Replace("/cgi-bin/", "", StringComparison.Ordinal)} not reported");
                continue;
            }

            if (!answer.Ok || answer.Body!.Value.TryGetProperty("quota", out var quota) is false
                || WeChatAnswer.Long(quota, "remain") is not { } remain)
            {
                var (status, reason) = Judge(answer);
                return new HealthProbe.Verdict(status, $"token works, but the quota query for {path} failed: " + reason) { Quota = quotas };
            }

            quotas[path] = remain;
            platform.Add($"{path.Replace("/cgi-bin/", "", StringComparison.Ordinal)} quota today: {remain} of {WeChatAnswer.Long(quota, "daily_limit")} left");
            if (remain <= 0)
            {
                spent.Add(path);
            }
        }

        var resets = WeChatQuota.NextDay(_channel.Time.GetUtcNow()).ToOffset(WeChatOutcomes.BeijingOffset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var detail = $"token fetched; budgets today (used/limit, reset {resets} Beijing time): {string.Join(", ", budgets)}; "
            + $"platform (openapi/quota/get): {string.Join("; ", platform)}";

        // A spent budget stops that work until midnight Beijing time (publishing, polls, tracking…): degraded, not down.
        return new HealthProbe.Verdict(spent.Count == 0 ? ChannelHealthStatus.Healthy : ChannelHealthStatus.Degraded,
            spent.Count == 0 ? detail : $"spent for today: {string.Join(", ", spent)}; {detail}")
        {
            Quota = quotas,
        };
    }

    /// <summary>The publish APIs whose platform count health reads, and the mass send's when the digest is on.</summary>
    private IEnumerable<string> PlatformPaths()
    {
        foreach (var quota in new[] { WeChatQuota.Submit, WeChatQuota.Get, WeChatQuota.GetArticle, WeChatQuota.BatchGet, WeChatQuota.Delete })
        {
            yield return quota.CgiPath;
        }

        if (_channel.Options.MassSend.Enabled)
        {
            yield return MassSendPath;
        }
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
