using Microsoft.Extensions.Logging;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.Toolkit;

/// <summary>
/// The skeleton of every health check: time the probe, log its verdict once, and turn an exception that escaped the
/// probe (a bug, or a failure the connector did not classify) into an unhealthy verdict that says what it was.
/// </summary>
public static partial class HealthProbe
{
    /// <summary>Runs <paramref name="probe"/> and returns its verdict with the time it took.</summary>
    public static async Task<ChannelHealth> RunAsync(
        string channelId,
        TimeProvider time,
        ILogger logger,
        Func<CancellationToken, Task<Verdict>> probe,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(probe);
        var started = time.GetTimestamp();
        Verdict verdict;
        try
        {
            verdict = await probe(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            verdict = new Verdict(ChannelHealthStatus.Unhealthy, $"health check failed: {ex.GetBaseException().Message}");
        }

        HealthChecked(logger, channelId, verdict.Status, verdict.Detail);
        return new ChannelHealth(verdict.Status, verdict.Detail, time.GetElapsedTime(started)) { Quota = verdict.Quota };
    }

    [LoggerMessage(EventId = 900, Level = LogLevel.Information, Message = "Channel {Channel} health: {Status} ({Detail})")]
    private static partial void HealthChecked(ILogger logger, string channel, ChannelHealthStatus status, string detail);

    /// <summary>What a probe found.</summary>
    public sealed record Verdict(ChannelHealthStatus Status, string Detail)
    {
        /// <summary>Remaining quota where the platform reports it.</summary>
        public IReadOnlyDictionary<string, long>? Quota { get; init; }
    }
}
