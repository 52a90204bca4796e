namespace Syndicator.Bench.Service;

/// <summary>What the <c>syndicator</c> scenario was asked for.</summary>
internal sealed record ServiceSettings
{
    /// <summary>Items measured (warm-up items come on top). Default 500.</summary>
    public int Items { get; init; } = 500;

    /// <summary>PostgreSQL (a throwaway cluster) instead of SQLite.</summary>
    public bool Postgres { get; init; }

    /// <summary><c>serve</c> processes sharing the store: 1, or 3 on PostgreSQL.</summary>
    public int Nodes { get; init; } = 1;

    /// <summary>Submissions in flight. Default 32.</summary>
    public int Submitters { get; init; } = 32;

    /// <summary>Every channel's <c>MaxConcurrency</c>; null keeps the shipped configuration (portal 2, bureau 4, approval 2, wechat 2).</summary>
    public int? LaneConcurrency { get; init; }

    /// <summary>The service's <c>Logging:LogLevel:Default</c>. Default Warning.</summary>
    public string LogLevel { get; init; } = "Warning";

    /// <summary>How long to wait for every item to be delivered. Default 10 minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Every platform of the sandbox answers this much later (a latency fault on every request). Default 0.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Submit at this many items per second (open loop) instead of all at once; null: all at once.</summary>
    public double? OfferedPerSecond { get; init; }

    /// <summary>Extra environment for the serve processes (configuration as <c>Syndicator__Section__Key</c>).</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    public string Describe() =>
        $"syndicator {(Postgres ? "PostgreSQL" : "SQLite")} ×{Nodes}" + (LaneConcurrency is { } c ? $" lanes={c}" : "")
        + (LatencyMs > 0 ? $" +{LatencyMs} ms" : "") + (OfferedPerSecond is { } rate ? $" offered {rate:0.#}/s" : "");
}
