using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Core.Tracking;

namespace Syndicator.Host.GoLive;

/// <summary>One run of the go-live probe: its steps so far, and how one operation is driven to its end.</summary>
internal sealed class ProbeRun(
    ChannelDefinition channel, IChannelConnector connector, string column, IReadOnlyList<string> secrets, TimeProvider time, DateTimeOffset deadline)
{
    /// <summary>Passing faults tolerated per operation before the step fails (the platform's answer is shown).</summary>
    private const int MaxTransients = 3;

    private static readonly TimeSpan ShortestWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(10);

    private readonly List<GoLiveStep> _steps = [];

    public ChannelDefinition Channel => channel;

    public IChannelConnector Connector => connector;

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    /// <summary>Where the test article still is, when the probe could not take it down.</summary>
    public string? StillLive { get; set; }

    public GoLiveReport Report(string itemId) => new(
        channel.Id, channel.Connector, column, itemId,
        _steps.Count > 0 && _steps.All(s => s.Result is GoLiveStep.PassedResult or GoLiveStep.SkippedResult or GoLiveStep.HandoffResult) && StillLive is null,
        StartedAt, time.GetUtcNow(), [.. _steps], StillLive);

    public void Skip(string name, string why) =>
        _steps.Add(new GoLiveStep(name, GoLiveStep.SkippedResult, why, time.GetUtcNow(), 0, []));

    /// <summary>Runs one step with the wire recorded; an exception (a connector bug) fails the step, not the probe.</summary>
    public async Task StepAsync(string name, Func<CancellationToken, Task<(string Result, string Detail)>> step, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var started = time.GetTimestamp();
        var recorder = ProbeRecorder.Begin(secrets, time);
        (string Result, string Detail) result;
        try
        {
            result = await step(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = (GoLiveStep.FailedResult, recorder.Scrub($"{ex.GetType().Name}: {ex.Message}", 500));
        }

        var calls = recorder.End();
        _steps.Add(new GoLiveStep(name, result.Result, recorder.Scrub(result.Detail, 1000), at, (long)time.GetElapsedTime(started).TotalMilliseconds, calls));
    }

    /// <summary>Drives one operation as the dispatcher would, until it is done; the placement it leaves, or null when it failed.</summary>
    public async Task<Placement?> OperateAsync(
        string name, DeliveryOperation operation, ItemRevision item, Placement? live, CancellationToken cancellationToken)
    {
        Placement? placement = null;
        await StepAsync(name, async ct =>
        {
            var outcome = await DriveAsync(operation, item, live, ct);
            switch (outcome)
            {
                case ChannelOutcome.Succeeded s:
                    placement = new Placement(item.Id, channel.Id, item.Revision, s.RemoteId, s.Url ?? live?.Url, time.GetUtcNow());
                    return (GoLiveStep.PassedResult, $"remote id {s.RemoteId}, {s.Url?.ToString() ?? "no page address"}{(s.Note is { } note ? "; " + note : "")}");
                case ChannelOutcome.HandedOff h:
                    return (operation == DeliveryOperation.Update ? GoLiveStep.HandoffResult : GoLiveStep.FailedResult,
                        $"the platform takes this by hand only (hand-off): {h.Instructions}");
                default:
                    return (GoLiveStep.FailedResult, Describe(outcome));
            }
        }, cancellationToken);
        return placement;
    }

    /// <summary>Reads the article back through the connector's own verification and expects <paramref name="expected"/>.</summary>
    public async Task VerifyAsync(
        string name, IChannelVerifier? verifier, Placement placement, ItemRevision item, LiveStatus expected, CancellationToken cancellationToken)
    {
        if (verifier is null)
        {
            Skip(name, $"connector {channel.Connector} cannot read articles back");
            return;
        }

        await StepAsync(name, async ct =>
        {
            var check = await verifier.VerifyAsync(placement, item, ct);
            if (check is null)
            {
                return (GoLiveStep.SkippedResult, "the platform shows nothing to read for this article");
            }

            var seen = $"{LiveStatusNames.Of(check.Status)}: {check.Detail}";
            return (check.Status == expected ? GoLiveStep.PassedResult : GoLiveStep.FailedResult, seen);
        }, cancellationToken);
    }

    private async Task<ChannelOutcome> DriveAsync(DeliveryOperation operation, ItemRevision item, Placement? live, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var delivery = new Delivery
        {
            Id = $"{item.Id}-{item.Revision}-{operation.ToString().ToLowerInvariant()}",
            ItemId = item.Id,
            Revision = item.Revision,
            Channel = channel.Id,
            Operation = operation,
            Status = DeliveryStatus.InProgress,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var transients = 0;
        while (true)
        {
            var current = delivery;
            var context = new DeliveryContext(current, operation, item, live, static (_, _) => Task.CompletedTask) { Column = column };
            ChannelOutcome outcome;
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attempt.CancelAfter(channel.Options.AttemptTimeout);
                outcome = await connector.ExecuteAsync(context, attempt.Token);
            }

            delivery = current with { Checkpoint = context.Checkpoint, Attempts = current.Attempts + 1, LastError = (outcome as ChannelOutcome.Transient)?.Reason };
            var wait = outcome switch
            {
                ChannelOutcome.Pending p => p.CheckAgainAfter,
                ChannelOutcome.Transient t when ++transients <= MaxTransients => t.RetryAfter ?? TimeSpan.FromSeconds(2),
                _ => (TimeSpan?)null,
            };
            if (wait is null || time.GetUtcNow() >= deadline)
            {
                return outcome;
            }

            // The probe waits at most a few seconds between asks: it is one article, and IT is watching.
            await Task.Delay(TimeSpan.FromTicks(Math.Clamp(wait.Value.Ticks, ShortestWait.Ticks, LongestWait.Ticks)), time, cancellationToken);
        }
    }

    private static string Describe(ChannelOutcome outcome)
    {
        var code = outcome.Code is { } c ? $" [{c}]" : "";
        return outcome switch
        {
            ChannelOutcome.Pending p => $"still not confirmed when the probe's time ran out: {p.Detail}",
            ChannelOutcome.Transient t => $"the platform kept failing{code}: {t.Reason}",
            ChannelOutcome.RateLimited r => $"throttled until {r.Until:u}{code}: {r.Reason}",
            ChannelOutcome.QuotaExhausted q => $"quota used up until {q.Until:u}{code}: {q.Reason}",
            ChannelOutcome.AuthFailed a => $"credentials refused{code}: {a.Reason}",
            ChannelOutcome.Rejected r => $"refused{code}: {r.Reason}",
            ChannelOutcome.Unconfirmed u => $"outcome unknown{code}: {u.Reason}",
            _ => outcome.ToString(),
        };
    }
}
