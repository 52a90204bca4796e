using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Syndicator.Testing;
using Syndicator.Testing.Postgres;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Host.Tests;

/// <summary>
/// Three <c>serve</c> processes on one PostgreSQL database and one sandbox, as a cluster runs: a recurring job fires
/// once across the nodes (Quartz's clustered store), and a node killed mid-run has its deliveries finished by the others.
/// </summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class ClusterTests(PostgresCluster cluster) : IAsyncLifetime
{
    private const int Nodes = 3;

    /// <summary>Never sent (the test cluster trusts local connections) but in the connection string every node is given.</summary>
    private const string Password = "cluster-test-secret-7f3a";

    private readonly List<SyndicatorProcess> _processes = [];
    private SandboxServer _sandbox = null!;
    private string _database = null!;
    private string _key = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(portalTakesChanges: true);
        _database = await cluster.CreateDatabaseAsync() + $";Password={Password}";
        var (code, key, stderr) = await SyndicatorProcess.RunAsync(
            ["keys", "create", "--name", "test", "--scope", "submit", "read", "--postgres", _database], TimeSpan.FromMinutes(1));
        Assert.True(code == 0, stderr);
        _key = key.Trim();
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
    public async Task ThreeServes_MassSendDigestDue_RunsOnceAcrossTheCluster()
    {
        // Far enough ahead for three nodes to start together on a new database (slow on a busy two-core machine) and
        // two items to go live first.
        var sendAt = DateTimeOffset.UtcNow.AddSeconds(40);
        var beijing = sendAt.ToOffset(TimeSpan.FromHours(8)).TimeOfDay;
        using var wechat = _sandbox.CreateClient();
        (await wechat.PostAsJsonAsync("_sandbox/wechat/settings", new { publishDelaySeconds = 0.2 })).Dispose();
        var clients = await StartNodesAsync(new Dictionary<string, string>
        {
            ["Syndicator__Channels__wechat__MassSend__Enabled"] = "true",
            ["Syndicator__Channels__wechat__MassSend__SendAt"] = beijing.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
            ["Syndicator__Logging__LogLevel__Quartz"] = "Information",
        });
        Assert.True(DateTimeOffset.UtcNow < sendAt - TimeSpan.FromSeconds(5), $"The nodes were ready only {sendAt - DateTimeOffset.UtcNow} before the digest's time.");
        string[] ids = [ItemJson.NewId(), ItemJson.NewId()];
        for (var i = 0; i < ids.Length; i++)
        {
            (await clients[i].PostAsJsonAsync("api/items", ItemJson.Make(ids[i], channels: ["wechat"]))).EnsureSuccessStatusCode();
        }

        await WaitUntilAsync(async () => await CountAsync("SELECT count(*) FROM deliveries WHERE status = 'succeeded'") == ids.Length, TimeSpan.FromSeconds(20));

        // Done: a node has run the job, none is running it, and the trigger has moved on to tomorrow.
        await WaitUntilAsync(async () =>
            await CountAsync("SELECT count(*) FROM audit WHERE action = 'channel.job'") >= 1
            && await CountAsync("SELECT count(*) FROM qrtz_fired_triggers") == 0
            && await CountAsync($"SELECT count(*) FROM qrtz_triggers WHERE trigger_group = 'channel-jobs' AND next_fire_time > {sendAt.AddSeconds(1).UtcTicks}") == 1,
            TimeSpan.FromSeconds(60));

        Assert.Equal(1, await CountAsync("SELECT count(*) FROM audit WHERE action = 'channel.job'"));
        var send = Assert.Single(await _sandbox.Control.GetArticlesAsync("wechat"), a => a.Metadata["msg_id"] is not null);
        Assert.Equal(2, send.Metadata["article_count"]!.GetValue<int>());
        Assert.Equal(Nodes, await CountAsync("SELECT count(*) FROM qrtz_scheduler_state"));
        Assert.All(_processes, p => Assert.DoesNotContain(Password, p.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThreeServes_OneKilledMidRun_EveryItemLiveOnceOnEveryChannelAndTheDeadNodesClaimsResumedWithinTheLease()
    {
        const int Items = 500;
        var lease = TimeSpan.FromSeconds(3);
        string[] channels = ["portal", "bureau", "approval", "wechat"];
        using var wechat = _sandbox.CreateClient();

        // 500 publishes in a day is over a real account's daily quotas (100 submits, 100 status polls): this account has
        // more, on the platform and in the connector's budgets.
        (await wechat.PostAsJsonAsync("_sandbox/wechat/settings", new
        {
            publishDelaySeconds = 0.2, submitDailyLimit = 1_000, getDailyLimit = 5_000, draftGetDailyLimit = 5_000, batchGetDailyLimit = 5_000,
        })).Dispose();
        var clients = await StartNodesAsync(new Dictionary<string, string>
        {
            ["Syndicator__Dispatcher__LeaseDuration"] = "00:00:03",
            ["Syndicator__Channels__wechat__DailyLimits__Submit"] = "1000",
            ["Syndicator__Channels__wechat__DailyLimits__Get"] = "5000",
            ["Syndicator__Channels__wechat__DailyLimits__DraftGet"] = "5000",
            ["Syndicator__Channels__wechat__DailyLimits__BatchGet"] = "5000",
        });

        // Slow answers at first, so that the nodes hold claims for a while; the victim is killed as soon as it holds some.
        foreach (var channel in channels)
        {
            await _sandbox.Control.AddFaultAsync(channel, SandboxFault.Delay(TimeSpan.FromMilliseconds(300), count: 150));
        }

        var victim = _processes[^1];
        var victimId = victim.Id;
        var heldByVictim = $"SELECT id FROM deliveries WHERE status = 'in_progress' AND lease_owner LIKE '%:{victimId}:%'";
        var ids = Enumerable.Range(0, Items).Select(_ => ItemJson.NewId()).ToList();
        using var gate = new SemaphoreSlim(8);
        var submitted = Task.WhenAll(ids.Select(async (id, i) =>
        {
            await gate.WaitAsync();
            try
            {
                using var answer = await clients[i % (Nodes - 1)].PostAsJsonAsync("api/items", ItemJson.Make(id, channels: channels));
                Assert.True(answer.IsSuccessStatusCode, $"{id}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
            }
            finally
            {
                gate.Release();
            }
        }));
        await WaitUntilAsync(async () => (await IdsAsync(heldByVictim)).Count > 0, TimeSpan.FromSeconds(30));
        victim.KillHard();
        var killed = System.Diagnostics.Stopwatch.StartNew();
        var orphaned = await IdsAsync(heldByVictim);
        _processes.Remove(victim);
        await victim.DisposeAsync();

        // Nobody may take the dead node's claims before their lease runs out; the others must take them soon after.
        var stillHeld = $"SELECT id FROM deliveries WHERE lease_owner LIKE '%:{victimId}:%'";
        await WaitUntilAsync(async () => (await IdsAsync(stillHeld)).Count == 0, TimeSpan.FromSeconds(30));
        var resumedAfter = killed.Elapsed;
        await submitted;

        await WaitUntilAsync(async () => await CountAsync("SELECT count(*) FROM deliveries WHERE status = 'succeeded'") == Items * channels.Length,
            TimeSpan.FromSeconds(180));

        Assert.NotEmpty(orphaned);
        Assert.True(resumedAfter < lease + TimeSpan.FromSeconds(2), $"the dead node's {orphaned.Count} claims were taken over after {resumedAfter} (lease {lease})");
        foreach (var id in orphaned)
        {
            // Taken again under a new lease (the dead node's claim was the first) and finished by a live node.
            Assert.Equal(1, await CountAsync($"SELECT count(*) FROM deliveries WHERE id = '{id}' AND status = 'succeeded' AND lease_token >= 2"));
        }

        foreach (var id in ids)
        {
            var item = await clients[0].GetFromJsonAsync<JsonElement>($"api/items/{id}");
            Assert.Equal("delivered", item.GetProperty("status").GetString());
        }

        var expected = ids.Select(id => $"关于{id}的通知").Order().ToList();
        foreach (var channel in channels)
        {
            var live = (await _sandbox.Control.GetArticlesAsync(channel)).Where(a => !a.Deleted).Select(a => a.Title!).Order().ToList();
            Assert.True(expected.SequenceEqual(live), $"{channel}: {live.Count} live articles for {Items} items");
        }
    }

    /// <summary>Starts the nodes together and waits until each answers; a client per node.</summary>
    private async Task<List<HttpClient>> StartNodesAsync(Dictionary<string, string> environment)
    {
        environment.TryAdd("Syndicator__Logging__LogLevel__Default", "Warning");
        environment["Syndicator__Dispatcher__PollInterval"] = "00:00:00.200";
        environment["Syndicator__Retry__Jitter"] = "0";
        for (var i = 0; i < 9; i++)
        {
            environment[$"Syndicator__Retry__Schedule__{i}"] = "00:00:00.200";
        }

        var servers = Enumerable.Range(0, Nodes).Select(_ => new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/")).ToList();
        foreach (var server in servers)
        {
            _processes.Add(SyndicatorProcess.Start(
                ["serve", "--urls", server.ToString(), "--postgres", _database, "--sandbox", _sandbox.BaseAddress.ToString()], environment));
        }

        await Task.WhenAll(servers.Select((s, i) => _processes[i].WaitUntilAnswersAsync(new Uri(s, "health/ready"), TimeSpan.FromSeconds(60))));
        return servers.Select(s =>
        {
            var client = new HttpClient { BaseAddress = s };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _key);
            return client;
        }).ToList();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<List<string>> IdsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            Assert.All(_processes, p => Assert.False(p.HasExited, "serve exited:\n" + p.Output));
            await Task.Delay(200);
        }

        var deliveries = await IdsAsync(
            "SELECT status || ' ' || count(*) || ' ' || coalesce(max(last_error), '') || ' ' || coalesce(max(lease_owner), '') FROM deliveries GROUP BY status");
        Assert.Fail($"The condition never held. Deliveries: {string.Join("; ", deliveries)}. Output:\n"
            + string.Join("\n---\n", _processes.Select(p => p.Output)));
    }
}
