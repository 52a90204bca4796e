namespace Syndicator.Core.Channels;

/// <summary>
/// Turns one delivery into calls on one platform. One instance serves one configured channel.
/// </summary>
/// <remarks>
/// Contract for implementers:
/// <list type="bullet">
/// <item>Save a checkpoint (<see cref="DeliveryContext.SaveCheckpointAsync"/>) before a step whose effect
/// cannot be undone is sent and after it completes, so a crash or retry resumes after the last completed step.
/// Progress recorded right before returning an outcome may instead be kept (<see cref="DeliveryContext.KeepCheckpoint"/>):
/// it is stored with the outcome, saving a write, and is lost only where losing it repeats a repeatable step.</item>
/// <item>When the checkpoint says a creating step was sent but its answer never arrived, reconcile with the
/// platform (look the article up) before sending it again; if that is impossible return
/// <see cref="ChannelOutcome.Unconfirmed"/>.</item>
/// <item>Return outcomes; throw only for bugs. Honour the cancellation token.</item>
/// </list>
/// </remarks>
public interface IChannelConnector
{
    /// <summary>Carries out <see cref="DeliveryContext.Operation"/> for the context's item.</summary>
    Task<ChannelOutcome> ExecuteAsync(DeliveryContext context, CancellationToken cancellationToken);

    /// <summary>Proves, without publishing anything, that the endpoint answers and the credentials work.</summary>
    Task<ChannelHealth> CheckHealthAsync(CancellationToken cancellationToken);
}

/// <summary>Creates connectors of one protocol family (<see cref="Connector"/>) for configured channels.</summary>
public interface IChannelConnectorFactory
{
    /// <summary>The connector name used in configuration, e.g. <c>sscms</c>.</summary>
    string Connector { get; }

    /// <summary>Problems with the channel's settings, each naming the configuration key and its value.</summary>
    IEnumerable<string> Validate(ChannelDefinition channel);

    IChannelConnector Create(ChannelDefinition channel);

    /// <summary>
    /// What of <paramref name="item"/> the platform cannot take as it is, as (field, message) pairs naming the field
    /// to change and the limit. Checked at intake, so the sender hears of it (422) instead of an operator later, and
    /// nothing is ever truncated in silence. Default: nothing.
    /// </summary>
    IEnumerable<KeyValuePair<string, string>> CheckItem(ChannelDefinition channel, Items.ItemRevision item) => [];

    /// <summary>The recurring jobs the channel's settings call for (e.g. a daily digest). Default: none.</summary>
    IEnumerable<ChannelJob> Jobs(ChannelDefinition channel) => [];
}

/// <summary>The result of a health check.</summary>
public sealed record ChannelHealth(ChannelHealthStatus Status, string Detail, TimeSpan Latency)
{
    /// <summary>Remaining quota where the platform reports it.</summary>
    public IReadOnlyDictionary<string, long>? Quota { get; init; }
}

public enum ChannelHealthStatus
{
    Unknown,
    Healthy,
    Degraded,
    Unhealthy,
}
