using Quartz;
using Syndicator.Host.Health;

namespace Syndicator.Host.Jobs;

/// <summary>
/// The recurring health check: one run checks every enabled channel (<see cref="ChannelHealthService.RunScheduledAsync"/>).
/// Never two runs at once; on PostgreSQL's clustered store one node of the cluster fires each run.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class HealthCheckJob(ChannelHealthService health, TimeProvider time) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await health.RunScheduledAsync(context.ScheduledFireTimeUtc ?? time.GetUtcNow(), cancellationToken);
}
