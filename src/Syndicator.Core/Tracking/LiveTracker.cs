using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndicator.Core.Alerts;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Storage;

namespace Syndicator.Core.Tracking;

/// <summary>
/// Verifies live placements (发布后跟踪检查) through each channel's <see cref="IChannelVerifier"/>, records the results and
/// alerts once per change of result: when a placement is first found anything but verified or moves to another such
/// status, and (resolved) when it is verified again.
/// </summary>
public sealed class LiveTracker(
    ITrackingStore tracking,
    IItemStore items,
    ConnectorRegistry connectors,
    ChannelCatalogue catalogue,
    IAlerts alerts,
    TimeProvider time,
    IOptions<TrackingOptions> options,
    ILogger<LiveTracker> logger)
{
    private const int Page = 100;

    /// <summary>The first checks that are due: placements succeeded at least FirstCheckAfter ago and not checked since.</summary>
    public Task<TrackingRun> RunFirstChecksAsync(CancellationToken cancellationToken) =>
        RunAsync(time.GetUtcNow() - options.Value.FirstCheckAfter, cancellationToken);

    /// <summary>Every live placement (the periodic sweep).</summary>
    public Task<TrackingRun> RunAllAsync(CancellationToken cancellationToken) => RunAsync(null, cancellationToken);

    private async Task<TrackingRun> RunAsync(DateTimeOffset? uncheckedPlacedBefore, CancellationToken cancellationToken)
    {
        var run = new TrackingRun();
        var perChannel = new Dictionary<string, int>(StringComparer.Ordinal);
        PlacementKey? after = null;
        while (true)
        {
            var page = await tracking.ListPlacementsAsync(after, Page, uncheckedPlacedBefore, cancellationToken);
            foreach (var tracked in page)
            {
                var placement = tracked.Placement;
                if (catalogue.Find(placement.Channel) is not { Enabled: true }
                    || perChannel.GetValueOrDefault(placement.Channel) >= options.Value.MaxPerRun
                    || connectors.For(placement.Channel) is not IChannelVerifier verifier)
                {
                    continue;
                }

                perChannel[placement.Channel] = perChannel.GetValueOrDefault(placement.Channel) + 1;
                await CheckAsync(verifier, tracked, run, cancellationToken);
            }

            if (page.Count < Page)
            {
                break;
            }

            after = new PlacementKey(page[^1].Placement.ItemId, page[^1].Placement.Channel);
        }

        Log.TrackingRan(logger, uncheckedPlacedBefore is null ? "all" : "first checks", run.Checked, run.Alerts);
        return run;
    }

    // One placement's failure (a bug in a verifier, a store hiccup) is logged and never stops the others.
    private async Task CheckAsync(IChannelVerifier verifier, TrackedPlacement tracked, TrackingRun run, CancellationToken cancellationToken)
    {
        var placement = tracked.Placement;
        try
        {
            if (await items.GetRevisionAsync(placement.ItemId, placement.Revision, cancellationToken) is not { } item)
            {
                return;
            }

            if (await verifier.VerifyAsync(placement, item, cancellationToken) is not { } check)
            {
                return;
            }

            var now = time.GetUtcNow();
            var result = new TrackingResult(
                placement.ItemId, placement.Channel, placement.Revision, check.Status, check.Detail, check.Title, check.Fingerprint, now, now);
            var write = await tracking.RecordAsync(result, cancellationToken);
            run.Count(check.Status);
            if (TrackingAlerts.For(write, result, item.TitleFor(placement.Channel), placement.Url) is { } alert)
            {
                await alerts.RaiseAsync(alert, cancellationToken);
                run.Alerts++;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.TrackingFailed(logger, ex, placement.ItemId, placement.Channel);
        }
    }
}

/// <summary>What one tracking run did.</summary>
public sealed class TrackingRun
{
    private readonly Dictionary<LiveStatus, int> _byStatus = [];

    public int Checked { get; private set; }

    public int Alerts { get; set; }

    public IReadOnlyDictionary<LiveStatus, int> ByStatus => _byStatus;

    internal void Count(LiveStatus status)
    {
        Checked++;
        _byStatus[status] = _byStatus.GetValueOrDefault(status) + 1;
    }

    public override string ToString() =>
        $"{Checked} checked ({string.Join(", ", _byStatus.Select(p => $"{LiveStatusNames.Of(p.Key)} {p.Value}"))}), {Alerts} alerts";
}
