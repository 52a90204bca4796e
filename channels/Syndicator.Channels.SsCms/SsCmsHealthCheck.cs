using System.Net;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.SsCms;

/// <summary>
/// Proves without publishing: <c>GET /api/v1/ping</c> (no key needed: the endpoint answers), then a one-row list
/// query of the default channel (the key is accepted, the site and channel exist).
/// </summary>
internal sealed class SsCmsHealthCheck
{
    private readonly SsCmsChannel _channel;

    public SsCmsHealthCheck(SsCmsChannel channel) => _channel = channel;

    public async Task<ChannelHealth> RunAsync(CancellationToken cancellationToken)
    {
        var started = _channel.Time.GetTimestamp();
        using var api = _channel.OpenApi();
        var (status, detail) = await ProbeAsync(api, cancellationToken);
        Log.HealthChecked(_channel.Logger, _channel.Id, status.ToString(), detail);
        return new ChannelHealth(status, detail, _channel.Time.GetElapsedTime(started));
    }

    private async Task<(ChannelHealthStatus Status, string Detail)> ProbeAsync(SsCmsApi api, CancellationToken cancellationToken)
    {
        var ping = await api.PingAsync(cancellationToken);
        if (!ping.Answered)
        {
            return (ChannelHealthStatus.Unhealthy, $"SSCMS unreachable: {ping.ErrorText}");
        }

        if (!ping.Response.IsSuccessStatusCode)
        {
            return (ChannelHealthStatus.Unhealthy, $"SSCMS answered {ping.Code} to ping: {ping.Message} (check Channels:{_channel.Id}:BaseUrl)");
        }

        var column = _channel.Options.ChannelId;
        var list = await api.ListAsync(column, perPage: 1, title: null, cancellationToken);
        return list switch
        {
            { Succeeded: true } => (ChannelHealthStatus.Healthy,
                $"SSCMS answered; API key accepted; site {_channel.Options.SiteId}, channel {column} holds {list.Data!.TotalCount} contents"),
            { Answered: false } => (ChannelHealthStatus.Unhealthy, $"SSCMS unreachable: {list.ErrorText}"),
            { StatusCode: HttpStatusCode.Unauthorized } => (ChannelHealthStatus.Unhealthy, "API key refused (401)"),
            { IsNotFound: true } => (ChannelHealthStatus.Unhealthy,
                $"SSCMS knows no site {_channel.Options.SiteId} or channel {column} (400 未找到资源)"),
            _ when SsCmsOutcomes.IsTransient(list.StatusCode) => (ChannelHealthStatus.Degraded,
                $"SSCMS answers ping but answered {list.Code} to a list query: {list.Message}"),
            _ => (ChannelHealthStatus.Unhealthy, $"SSCMS answered {list.Code} to a list query: {list.Message}"),
        };
    }
}
