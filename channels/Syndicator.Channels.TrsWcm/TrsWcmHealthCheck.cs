using Syndicator.Core.Channels;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.TrsWcm;

/// <summary>
/// Proves without publishing: <c>wcm6_channel/findById</c> of the default channel through the channel's shared session
/// (logging in when no session made with the configured credentials is stored, so a wrong password shows at once, T1;
/// never a login over a live shared session, which would end it for every node, T2).
/// </summary>
internal sealed class TrsWcmHealthCheck
{
    private readonly TrsWcmChannel _channel;

    public TrsWcmHealthCheck(TrsWcmChannel channel) => _channel = channel;

    public Task<ChannelHealth> RunAsync(CancellationToken cancellationToken) =>
        HealthProbe.RunAsync(_channel.Id, _channel.Time, _channel.Logger, ProbeAsync, cancellationToken);

    private async Task<HealthProbe.Verdict> ProbeAsync(CancellationToken cancellationToken)
    {
        var docs = _channel.Open();
        var column = _channel.Options.ChannelId;
        var answer = await docs.FindChannelAsync(column, cancellationToken);
        if (answer.Succeeded)
        {
            var name = TrsWcmAnswer.Text(answer.Root!, "CHNLNAME") ?? "";
            return new(ChannelHealthStatus.Healthy, $"WCM answered; logged in as {_channel.Options.UserName}; channel {column} {name}; mode {_channel.Options.Mode}".TrimEnd());
        }

        return answer switch
        {
            { Answered: false } => new(ChannelHealthStatus.Unhealthy, $"WCM unreachable: {answer.ErrorText}"),
            { LoginRefusal: { } refusal } => new(ChannelHealthStatus.Unhealthy, TrsWcmOutcomes.LoginRefused(_channel, refusal)),
            _ when TrsWcmOutcomes.IsNotFound(answer) => new(ChannelHealthStatus.Unhealthy,
                $"WCM knows no channel {column} ({answer.Message}): check Channels:{_channel.Id}:ChannelId"),
            { Fault: null } when HttpFailures.IsTransient(answer.StatusCode) => new(ChannelHealthStatus.Degraded,
                $"WCM answered {answer.Code} to wcm6_channel/findById"),
            _ => new(ChannelHealthStatus.Unhealthy, $"WCM answered wcm6_channel/findById with {answer.Message}"),
        };
    }
}
