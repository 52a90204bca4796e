using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Syndicator.Testing;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Reliability.Tests;

/// <summary>
/// One run of the service as it is deployed: <c>syndicator sandbox</c> in its own process, and one or more
/// <c>syndicator serve</c> nodes wired to it with <c>--sandbox</c>, on a SQLite folder or a PostgreSQL database.
/// Nodes can be killed, stopped and started again on the same port and store.
/// </summary>
public sealed class ServiceRun : IAsyncDisposable
{
    /// <summary>Every channel of the default profile.</summary>
    public static readonly string[] AllChannels = ["portal", "bureau", "approval", "wechat"];

    private readonly string _data = Path.Combine(Path.GetTempPath(), "syndicator-rel-" + Guid.NewGuid().ToString("N"));
    private readonly string? _postgres;
    private readonly Dictionary<string, string> _environment;
    private readonly SyndicatorProcess _sandbox;
    private readonly List<Uri> _servers = [];
    private readonly List<SyndicatorProcess?> _nodes = [];
    private readonly List<SyndicatorProcess> _ended = [];
    private string _key = "";

    private ServiceRun(SyndicatorProcess sandbox, Uri sandboxAddress, string? postgres, Dictionary<string, string> environment)
    {
        _sandbox = sandbox;
        SandboxAddress = sandboxAddress;
        Sandbox = new SandboxControlClient(sandboxAddress);
        _postgres = postgres;
        _environment = environment;
    }

    public Uri SandboxAddress { get; }

    /// <summary>The sandbox's control API: the platforms' own records.</summary>
    public SandboxControlClient Sandbox { get; }

    /// <summary>A client of the first node's API with a submit/read/operate key.</summary>
    public HttpClient Api => Client(0);

    /// <summary>
    /// Starts the sandbox process and creates an API key in the store. <paramref name="environment"/> is added to
    /// every node's environment over the suite's defaults (quiet logs, a 200 ms poll, a 200 ms retry schedule).
    /// </summary>
    public static async Task<ServiceRun> StartAsync(IReadOnlyDictionary<string, string>? environment = null, string? postgres = null)
    {
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        var sandbox = SyndicatorProcess.Start(["sandbox", "--urls", address.ToString()]);
        var run = new ServiceRun(sandbox, address, postgres, Defaults(environment));
        await sandbox.WaitUntilAnswersAsync(new Uri(address, "_sandbox/bureau/stats"), TimeSpan.FromSeconds(60));

        // The emulated WeChat confirms a publish job quickly, as the demo's does, and allows more calls a day than a
        // real account's 100 per API (the fuzz run sends well over 100 items there; beyond the quota they would wait for
        // midnight). The connector's budgets are raised to match in Defaults.
        using var http = new HttpClient { BaseAddress = address };
        (await http.PostAsJsonAsync("_sandbox/wechat/settings", new
        {
            publishDelaySeconds = 0.2, submitDailyLimit = 10_000, getDailyLimit = 10_000, getArticleDailyLimit = 10_000,
            batchGetDailyLimit = 10_000, deleteDailyLimit = 10_000, draftAddDailyLimit = 10_000, draftGetDailyLimit = 10_000,
        })).EnsureSuccessStatusCode();

        var (code, key, stderr) = await SyndicatorProcess.RunAsync(
            ["keys", "create", "--name", "reliability", "--scope", "submit", "read", "operate", .. run.StoreArgs()], TimeSpan.FromMinutes(1));
        Assert.True(code == 0, stderr);
        run._key = key.Trim();
        return run;
    }

    /// <summary>Starts a new node and waits until it is ready; returns its index.</summary>
    public async Task<int> AddNodeAsync()
    {
        _servers.Add(new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/"));
        _nodes.Add(null);
        await StartNodeAsync(_nodes.Count - 1);
        return _nodes.Count - 1;
    }

    /// <summary>Starts node <paramref name="index"/> (again) on its port and the run's store; waits until ready.</summary>
    public async Task StartNodeAsync(int index)
    {
        Assert.Null(_nodes[index]);
        var node = SyndicatorProcess.Start(
            ["serve", "--urls", _servers[index].ToString(), .. StoreArgs(), "--sandbox", SandboxAddress.ToString()], _environment);
        _nodes[index] = node;
        await node.WaitUntilAnswersAsync(new Uri(_servers[index], "health/ready"), TimeSpan.FromSeconds(60));
    }

    public SyndicatorProcess Node(int index) => _nodes[index] ?? throw new InvalidOperationException($"Node {index} is not running.");

    /// <summary>SIGKILL of node <paramref name="index"/>: no shutdown at all.</summary>
    public async Task KillNodeAsync(int index)
    {
        var node = Node(index);
        node.KillHard();
        await node.DisposeAsync();
        _nodes[index] = null;
        _ended.Add(node);
    }

    /// <summary>SIGTERM of node <paramref name="index"/>; returns how long it took to exit, and its exit code.</summary>
    public async Task<(TimeSpan Took, int ExitCode)> TerminateNodeAsync(int index, TimeSpan timeout)
    {
        var node = Node(index);
        var took = await node.TerminateAsync(timeout);
        _nodes[index] = null;
        _ended.Add(node);
        return (took, node.ExitCode);
    }

    /// <summary>Waits until every running node answers <c>/health/ready</c> with an error (its store is gone).</summary>
    public Task WaitAllNotReadyAsync(TimeSpan timeout) => WaitUntilAsync(async () =>
    {
        for (var i = 0; i < _nodes.Count; i++)
        {
            if (_nodes[i] is null)
            {
                continue;
            }

            using var client = Client(i);
            try
            {
                using var ready = await client.GetAsync("health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return false;
                }
            }
            catch (HttpRequestException)
            {
                // Not answering at all counts as not ready.
            }
        }

        return true;
    }, timeout, "every node reports not ready");

    public HttpClient Client(int index)
    {
        // Generous: on a busy machine a node on PostgreSQL may take tens of seconds to answer, which is not what these tests judge.
        var client = new HttpClient { BaseAddress = _servers[index], Timeout = TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        return client;
    }

    /// <summary>The CLI's client options for node <paramref name="index"/>: <c>--server</c> and <c>--api-key</c>.</summary>
    public string[] ClientArguments(int index = 0) => ["--server", _servers[index].ToString(), "--api-key", _key];

    /// <summary>Submits items to every channel of the profile; fails on any answer but 202.</summary>
    public async Task SubmitAsync(IEnumerable<string> ids, string[]? channels = null, int node = 0)
    {
        using var api = Client(node);
        foreach (var id in ids)
        {
            using var response = await api.PostAsJsonAsync("api/items", ItemJson.Make(id, category: "社会管理", channels: channels ?? AllChannels));
            Assert.True(response.IsSuccessStatusCode, $"{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The deliveries of an item as the API reports them: channel → status.</summary>
    public async Task<Dictionary<string, string>> DeliveriesAsync(string id, int node = 0)
    {
        using var api = Client(node);
        var item = await api.GetFromJsonAsync<JsonElement>($"api/items/{id}");
        return item.GetProperty("deliveries").EnumerateArray()
            .GroupBy(d => d.GetProperty("channel").GetString()!)
            .ToDictionary(g => g.Key, g => g.Last().GetProperty("status").GetString()!);
    }

    /// <summary>Waits until every delivery of <paramref name="ids"/> on <paramref name="channels"/> is in a final status.</summary>
    public Task WaitSettledAsync(IReadOnlyCollection<string> ids, TimeSpan timeout, string[]? channels = null, int node = 0)
    {
        var waiting = "";
        return WaitUntilAsync(async () =>
        {
            foreach (var id in ids)
            {
                var deliveries = await DeliveriesAsync(id, node);
                if ((channels ?? AllChannels).FirstOrDefault(c => deliveries.GetValueOrDefault(c) is not ("succeeded" or "failed" or "unconfirmed")) is { } channel)
                {
                    using var api = Client(node);
                    var item = await api.GetFromJsonAsync<JsonElement>($"api/items/{id}");
                    var last = item.GetProperty("deliveries").EnumerateArray().LastOrDefault(d => d.GetProperty("channel").GetString() == channel);
                    var why = last.ValueKind == JsonValueKind.Object && last.TryGetProperty("lastError", out var error) ? error.ToString() : "";
                    waiting = $"{id} on {channel} is {deliveries.GetValueOrDefault(channel) ?? "missing"} ({why}).";
                    return false;
                }
            }

            return true;
        }, timeout, $"{ids.Count} items settled on {string.Join(", ", channels ?? AllChannels)}", () => waiting);
    }

    /// <summary>
    /// The platforms' own records: on each channel, exactly one live article per item (title "关于{id}的通知"), and
    /// no article that is not one of them.
    /// </summary>
    public async Task AssertLiveExactlyOnceAsync(IReadOnlyCollection<string> ids, string[]? channels = null)
    {
        foreach (var channel in channels ?? AllChannels)
        {
            var live = (await Sandbox.GetArticlesAsync(channel)).Where(a => !a.Deleted).Select(a => a.Title ?? "").Order(StringComparer.Ordinal).ToList();
            var expected = ids.Select(id => $"关于{id}的通知").Order(StringComparer.Ordinal).ToList();
            Assert.True(expected.SequenceEqual(live), $"{channel}: {live.Count} live articles for {expected.Count} items; "
                + $"missing [{string.Join(", ", expected.Except(live))}], twice or unknown [{string.Join(", ", live.GroupBy(t => t).Where(g => g.Count() > 1 || !expected.Contains(g.Key)).Select(g => $"{g.Key} ×{g.Count()}"))}]");
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with every node's output after the deadline.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<string>? detail = null)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            foreach (var node in _nodes.OfType<SyndicatorProcess>())
            {
                Assert.False(node.HasExited, "serve exited:\n" + node.Output);
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Not within {timeout}: {what}. {detail?.Invoke()} Output:\n{Outputs()}");
    }

    public string Outputs() => string.Join("\n---\n", _ended.Concat(_nodes.OfType<SyndicatorProcess>()).Select(p => p.Output));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.OfType<SyndicatorProcess>())
        {
            await node.DisposeAsync();
        }

        await _sandbox.DisposeAsync();
        Sandbox.Dispose();
        try
        {
            if (Directory.Exists(_data))
            {
                Directory.Delete(_data, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>Runs a count query on the run's store (SQLite or PostgreSQL), as an operator would look at the rows.</summary>
    public async Task<long> CountAsync(string sql)
    {
        System.Data.Common.DbConnection connection = _postgres is null
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_data, "syndicator.db")};Mode=ReadOnly;Pooling=False")
            : new Npgsql.NpgsqlConnection(_postgres);
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
    }

    public static string Id() => ItemJson.NewId("rel-");

    /// <summary><c>--data DIR</c> or <c>--postgres CONNECTION</c>: the run's store, for the CLI verbs that open it directly.</summary>
    public IReadOnlyList<string> StoreArguments => StoreArgs();

    private string[] StoreArgs() => _postgres is null ? ["--data", _data] : ["--postgres", _postgres];

    private static Dictionary<string, string> Defaults(IReadOnlyDictionary<string, string>? environment)
    {
        var defaults = new Dictionary<string, string>
        {
            ["Syndicator__Logging__LogLevel__Default"] = "Warning",
            ["Syndicator__Dispatcher__PollInterval"] = "00:00:00.200",
            ["Syndicator__Retry__Jitter"] = "0",
            ["Syndicator__Retry__SlowDownAtLeast"] = "00:00:00.500",
        };
        for (var i = 0; i < 9; i++)
        {
            defaults[string.Create(CultureInfo.InvariantCulture, $"Syndicator__Retry__Schedule__{i}")] = "00:00:00.200";
        }

        // The WeChat account of these runs has more calls a day than a new one (see StartAsync).
        foreach (var api in new[] { "Submit", "Get", "GetArticle", "BatchGet", "Delete", "DraftAdd", "DraftGet" })
        {
            defaults[$"Syndicator__Channels__wechat__DailyLimits__{api}"] = "10000";
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            defaults[key] = value;
        }

        return defaults;
    }
}
