using Quartz;
using Syndicator.Storage;

namespace Syndicator.Host.Jobs;

/// <summary>
/// Quartz as the service runs it (DESIGN §9). On PostgreSQL: the clustered ADO.NET job store on the service's own
/// database, so that every node shares one schedule and each recurring job fires once per cluster. On SQLite (one
/// node): the in-memory store, filled again from the configuration at every start.
/// </summary>
internal static class QuartzSetup
{
    /// <summary>The scheduler's name: Quartz's rows carry it (<c>sched_name</c>), so every node must use the same one.</summary>
    public const string SchedulerName = "syndicator";

    /// <summary>How often a node records in <c>qrtz_scheduler_state</c> that it is alive.</summary>
    public static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long past a missed check-in the others wait before taking over a node's fired jobs. Well above a garbage
    /// collection or a database fail-over, so that a live node is not written off: a job it runs would run twice.
    /// </summary>
    public static readonly TimeSpan CheckinMisfireThreshold = TimeSpan.FromSeconds(30);

    /// <summary>Registers Quartz, its hosted service, and the scheduler that puts the connectors' jobs on it.</summary>
    public static void Add(IServiceCollection services, StorageOptions storage)
    {
        services.AddSingleton<ChannelJobs>();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s => s.InstanceName = SchedulerName);
            if (IsPostgres(storage))
            {
                UseClusteredStore(quartz, storage.ConnectionString!);
            }
        });

        services.AddHostedService<ChannelJobTimeZones>();

        // A shutdown lets a running job finish; in a cluster, a node that dies instead has its job taken over.
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ChannelJobScheduler>();
        HealthCheckScheduler.Add(services);
        TrackingJobScheduler.Add(services);
    }

    public static bool IsPostgres(StorageOptions storage) =>
        string.Equals(storage.Provider, "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <remarks>
    /// The instance id is generated per process (<c>AUTO</c>: host name and start time), which clustering requires.
    /// The tables (<c>qrtz_*</c>, beside ours) are created by Quartz itself when missing: its own DDL always matches
    /// the columns its queries and start-up check expect, and nodes starting together on a new database are safe
    /// (the loser of the race finds the winner's tables). It never alters or drops anything.
    /// </remarks>
    private static void UseClusteredStore(IQuartzBuilder quartz, string connectionString) =>
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(connectionString);
            store.UseSystemTextJsonSerializer();
            store.UseClustering(c =>
            {
                c.CheckinInterval = CheckinInterval;
                c.CheckinMisfireThreshold = CheckinMisfireThreshold;
            });
            store.ProvisionSchema();
        });
}
