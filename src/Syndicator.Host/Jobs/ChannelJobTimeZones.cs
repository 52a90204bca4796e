using Quartz;

namespace Syndicator.Host.Jobs;

/// <summary>
/// Lets Quartz find the channel jobs' time zones by id. A persistent store keeps a cron trigger's zone as its id and
/// looks it up again whenever it reads the trigger back; a connector's zone may be one it made itself (WeChat's fixed
/// UTC+8 "Beijing", which needs no tzdata on the host), which the system lookup does not know.
/// </summary>
/// <remarks>Started before Quartz, so the zones resolve from the scheduler's first read of the store.</remarks>
internal sealed class ChannelJobTimeZones(ChannelJobs jobs) : IHostedService
{
    private IDisposable? _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Consulted only for ids the system does not know; the jobs are asked for then, after start-up validation.
        _registration = TimeZones.AddResolver(id => jobs.All.Select(j => j.TimeZone).FirstOrDefault(z => z.Id == id));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _registration?.Dispose();
        return Task.CompletedTask;
    }
}
