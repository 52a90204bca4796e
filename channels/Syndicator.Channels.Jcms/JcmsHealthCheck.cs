using Syndicator.Core.Channels;

namespace Syndicator.Channels.Jcms;

/// <summary>
/// Proves without publishing: one query of the default column (status Q) — the endpoint answers, the credentials are
/// accepted and the column exists.
/// </summary>
internal sealed class JcmsHealthCheck
{
    private readonly JcmsChannel _channel;

    public JcmsHealthCheck(JcmsChannel channel) => _channel = channel;

    public async Task<ChannelHealth> RunAsync(CancellationToken cancellationToken)
    {
        var started = _channel.Time.GetTimestamp();
        using var api = _channel.OpenApi();
        var (status, detail) = await ProbeAsync(api, cancellationToken);
        Log.HealthChecked(_channel.Logger, _channel.Id, status.ToString(), detail);
        return new ChannelHealth(status, detail, _channel.Time.GetElapsedTime(started));
    }

    private async Task<(ChannelHealthStatus Status, string Detail)> ProbeAsync(JcmsApi api, CancellationToken cancellationToken)
    {
        var column = _channel.Options.ColumnId;
        var answer = await api.QueryAsync(sourceId: null, column, cancellationToken);
        if (answer.Succeeded)
        {
            return (ChannelHealthStatus.Healthy, $"the portal answered; credentials accepted; column {column} holds {answer.Reply!.Count} articles");
        }

        if (!answer.Answered)
        {
            return (ChannelHealthStatus.Unhealthy, $"portal unreachable: {answer.ErrorText}");
        }

        return JcmsOutcomes.Failure(_channel, answer, "") switch
        {
            ChannelOutcome.AuthFailed auth => (ChannelHealthStatus.Unhealthy, auth.Reason),
            ChannelOutcome.Transient transient when answer.Reply is null => (ChannelHealthStatus.Degraded, transient.Reason),
            ChannelOutcome.Rejected { Code: JcmsOutcomes.BadParameter } rejected =>
                (ChannelHealthStatus.Unhealthy, $"{rejected.Reason}: check Channels:{_channel.Id}:ColumnId"),
            var other => (ChannelHealthStatus.Unhealthy, other switch
            {
                ChannelOutcome.Transient t => t.Reason,
                ChannelOutcome.Rejected r => r.Reason,
                _ => other.ToString(),
            }),
        };
    }
}
