using Syndicator.Core.Channels;

namespace Syndicator.Channels.TrsWcm;

/// <summary>
/// Proves without publishing: a fresh login (the endpoint answers, the user name and password work), then
/// <c>wcm6_channel/findById</c> of the default channel (a cheap read: the session carries calls, the channel exists).
/// </summary>
internal sealed class TrsWcmHealthCheck
{
    private readonly TrsWcmChannel _channel;

    public TrsWcmHealthCheck(TrsWcmChannel channel) => _channel = channel;

    public async Task<ChannelHealth> RunAsync(CancellationToken cancellationToken)
    {
        var started = _channel.Time.GetTimestamp();
        using var docs = _channel.Open();
        var (status, detail) = await ProbeAsync(docs, cancellationToken);
        Log.HealthChecked(_channel.Logger, _channel.Id, status.ToString(), detail);
        return new ChannelHealth(status, detail, _channel.Time.GetElapsedTime(started));
    }

    private async Task<(ChannelHealthStatus Status, string Detail)> ProbeAsync(TrsWcmDocuments docs, CancellationToken cancellationToken)
    {
        // Forget the cached session, so the check proves the credentials as configured now.
        _channel.Session.Forget();
        var column = _channel.Options.ChannelId;
        var answer = await docs.FindChannelAsync(column, cancellationToken);
        if (answer.Succeeded)
        {
            var name = TrsWcmAnswer.Text(answer.Root!, "CHNLNAME") ?? "";
            return (ChannelHealthStatus.Healthy, $"WCM answered; logged in as {_channel.Options.UserName}; channel {column} {name}".TrimEnd());
        }

        return answer switch
        {
            { Answered: false } => (ChannelHealthStatus.Unhealthy, $"WCM unreachable: {answer.ErrorText}"),
            { LoginRefused: true } => (ChannelHealthStatus.Unhealthy,
                $"WCM refused the login of Channels:{_channel.Id}:UserName '{_channel.Options.UserName}' ({answer.Code})"),
            _ when TrsWcmOutcomes.IsNotFound(answer) => (ChannelHealthStatus.Unhealthy,
                $"WCM knows no channel {column} ({answer.Message}): check Channels:{_channel.Id}:ChannelId"),
            { Fault: null } when TrsWcmOutcomes.IsTransient(answer.StatusCode) => (ChannelHealthStatus.Degraded,
                $"WCM answered {answer.Code} to wcm6_channel/findById"),
            _ => (ChannelHealthStatus.Unhealthy, $"WCM answered {answer.Code} to wcm6_channel/findById: {answer.Message}"),
        };
    }
}
