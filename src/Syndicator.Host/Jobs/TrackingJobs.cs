using Quartz;
using Syndicator.Core.Tracking;

namespace Syndicator.Host.Jobs;

/// <summary>Due first checks after a success (every <c>Tracking:FirstCheckAfter</c>). Thin: the work is <see cref="LiveTracker"/>'s.</summary>
[DisallowConcurrentExecution]
internal sealed class TrackingFirstChecksJob(LiveTracker tracker) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await tracker.RunFirstChecksAsync(cancellationToken);
}

/// <summary>Every live placement again (every <c>Tracking:Interval</c>).</summary>
[DisallowConcurrentExecution]
internal sealed class TrackingSweepJob(LiveTracker tracker) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await tracker.RunAllAsync(cancellationToken);
}

/// <summary>The deadline and freshness watchdogs (daily at <c>Watchdogs:DailyAt</c>, China time, and once at start).</summary>
[DisallowConcurrentExecution]
internal sealed class WatchdogsJob(Watchdogs watchdogs) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await watchdogs.RunAsync(cancellationToken);
}
