using System.Globalization;
using Npgsql;
using Syndicator.Testing;
using Syndicator.Testing.Postgres;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Host.Tests;

/// <summary>
/// Three <c>serve</c> processes on one PostgreSQL database with a two-second health interval: each scheduled run is
/// fired by one node of the cluster, so the stored history has one check per channel per interval, not three.
/// </summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class HealthClusterTests(PostgresCluster cluster) : IAsyncLifetime
{
    private const int Nodes = 3;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly List<SyndicatorProcess> _processes = [];
    private SandboxServer _sandbox = null!;
    private string _database = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(portalTakesChanges: true);
        _database = await cluster.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await _sandbox.DisposeAsync();
        await cluster.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task ThreeServes_ShortHealthInterval_OneCheckPerChannelPerInterval()
    {
        await StartNodesAsync();
        const int Runs = 6;

        await WaitUntilAsync(async () => await CountAsync("SELECT count(DISTINCT scheduled_for) FROM health_checks") > Runs, TimeSpan.FromSeconds(60));

        // The latest run may still be storing its checks; the ones before it are complete.
        var runs = (await ScheduledRunsAsync()).SkipLast(1).ToList();
        var channels = await CountAsync("SELECT count(DISTINCT channel) FROM health_checks");
        Assert.Equal(4, channels);

        // Every run checked each channel exactly once, whichever node fired it …
        Assert.All(runs, r => Assert.Equal((channels, channels), (r.Checks, r.Channels)));

        // … and no two runs are closer than an interval: each fire time was taken by one node, not by each.
        var times = runs.Select(r => r.ScheduledFor).ToList();
        Assert.True(times.Count >= Runs);
        Assert.All(times.Zip(times.Skip(1)), p => Assert.True(p.Second - p.First >= Interval.TotalMilliseconds, $"{p.First} then {p.Second}"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM health_checks WHERE scheduled_for IS NULL"));
        Assert.Equal(Nodes, await CountAsync("SELECT count(*) FROM qrtz_scheduler_state"));
    }

    private async Task StartNodesAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["Syndicator__Logging__LogLevel__Default"] = "Warning",
            ["Syndicator__Health__Interval"] = Interval.ToString("c", CultureInfo.InvariantCulture),
        };
        var servers = Enumerable.Range(0, Nodes).Select(_ => new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/")).ToList();
        foreach (var server in servers)
        {
            _processes.Add(SyndicatorProcess.Start(
                ["serve", "--urls", server.ToString(), "--postgres", _database, "--sandbox", _sandbox.BaseAddress.ToString()], environment));
        }

        await Task.WhenAll(servers.Select((s, i) => _processes[i].WaitUntilAnswersAsync(new Uri(s, "health/ready"), TimeSpan.FromSeconds(60))));
    }

    /// <summary>Each scheduled run (fire time in unix ms): how many checks it stored and of how many channels.</summary>
    private async Task<List<(long ScheduledFor, long Checks, long Channels)>> ScheduledRunsAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT scheduled_for, count(*), count(DISTINCT channel) FROM health_checks WHERE scheduled_for IS NOT NULL GROUP BY scheduled_for ORDER BY scheduled_for",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<(long, long, long)>();
        while (await reader.ReadAsync())
        {
            runs.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return runs;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout) =>
        Waiting.UntilAsync(async () =>
        {
            Assert.All(_processes, p => Assert.False(p.HasExited, "serve exited:\n" + p.Output));
            return await condition();
        }, timeout, () => Task.FromResult(string.Join("\n---\n", _processes.Select(p => p.Output))));
}
