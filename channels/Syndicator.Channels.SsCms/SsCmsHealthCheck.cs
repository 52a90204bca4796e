using System.Net;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.SsCms;

/// <summary>
/// Proves without publishing, run through <see cref="HealthProbe"/>: <c>GET /api/ping</c> answers <c>pong</c> (S1, no
/// key needed), <c>GET /api/ping/status</c> tells the version and whether the database answers (S5), and a one-row
/// list query of the default channel proves the key and its administrator's rights on that channel (S8).
/// </summary>
internal sealed class SsCmsHealthCheck
{
    private readonly SsCmsChannel _channel;

    public SsCmsHealthCheck(SsCmsChannel channel) => _channel = channel;

    public async Task<HealthProbe.Verdict> ProbeAsync(CancellationToken cancellationToken)
    {
        var api = _channel.Api;
        var ping = await api.PingAsync(cancellationToken);
        if (!ping.Answered)
        {
            return Unhealthy($"SSCMS unreachable: {ping.ErrorText}");
        }

        if (!ping.Response.IsSuccessStatusCode)
        {
            return Unhealthy($"SSCMS answered {ping.Code} to /api/ping: {ping.Message} (check Channels:{_channel.Id}:BaseUrl)");
        }

        if (!string.Equals(ping.Data?.Trim().Trim('"'), "pong", StringComparison.Ordinal))
        {
            return Unhealthy($"/api/ping answered {ping.Code} but not pong: {ping.Message} (is Channels:{_channel.Id}:BaseUrl the SSCMS root?)");
        }

        var version = await SsCmsVersionCheck.ReadAsync(_channel, api, cancellationToken);
        if (!version.DatabaseWorks)
        {
            return Unhealthy($"{version.Detail} answers, but /api/ping/status says its database does not (isDatabaseWorks: false)");
        }

        var column = _channel.Options.ChannelId;
        var list = await api.ListAsync(column, perPage: 1, title: null, cancellationToken);
        var verdict = list switch
        {
            { Succeeded: true } => new HealthProbe.Verdict(ChannelHealthStatus.Healthy,
                $"API key accepted; site {_channel.Options.SiteId}, channel {column} holds {list.Data!.TotalCount} contents"),
            { Answered: false } => Unhealthy($"SSCMS unreachable: {list.ErrorText}"),
            { StatusCode: HttpStatusCode.Unauthorized } => Unhealthy(SsCmsOutcomes.Unauthorized(_channel, column)),
            { IsNotFound: true } => Unhealthy($"SSCMS knows no site {_channel.Options.SiteId} or channel {column} (400 未找到资源)"),
            _ when HttpFailures.IsTransient(list.StatusCode) => new HealthProbe.Verdict(ChannelHealthStatus.Degraded,
                $"SSCMS answers ping but answered {list.Code} to a list query: {list.Message}"),
            _ => Unhealthy($"SSCMS answered {list.Code} to a list query: {list.Message}"),
        };
        return WithVersion(verdict, version);
    }

    /// <summary>The version found, and what it means for updates: a healthy channel whose updates cannot go through is degraded.</summary>
    private HealthProbe.Verdict WithVersion(HealthProbe.Verdict verdict, SsCmsVersionCheck.Reading version)
    {
        if (version.Version is null)
        {
            var unknown = $"SSCMS version unknown ({version.Detail}): updates wait until it is known — set Channels:{_channel.Id}:Version";
            return Degrade(verdict, unknown);
        }

        if (version.Version < SsCmsVersion.FirstSafeUpdate)
        {
            return Degrade(verdict, $"{version.Detail} is older than 7.3.1: its update wipes unsent fields, so updates are handed to a person");
        }

        return verdict with { Detail = $"{version.Detail} answers (pong); {verdict.Detail}" };
    }

    private static HealthProbe.Verdict Degrade(HealthProbe.Verdict verdict, string why) =>
        verdict.Status == ChannelHealthStatus.Healthy
            ? new HealthProbe.Verdict(ChannelHealthStatus.Degraded, $"{why}; {verdict.Detail}")
            : verdict with { Detail = $"{verdict.Detail}; {why}" };

    private static HealthProbe.Verdict Unhealthy(string detail) => new(ChannelHealthStatus.Unhealthy, detail);
}
