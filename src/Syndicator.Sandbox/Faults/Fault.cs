using System.Globalization;

namespace Syndicator.Sandbox.Faults;

/// <summary>What a fault does to the request it hits.</summary>
internal enum FaultKind
{
    /// <summary>Answer the status with an empty body, without processing.</summary>
    Status,

    /// <summary>Wait, then process normally.</summary>
    Latency,

    /// <summary>Drop the connection without processing.</summary>
    Reset,

    /// <summary>Process fully (the change is applied), then drop the connection instead of answering.</summary>
    CommitThenReset,

    /// <summary>Answer 200 with a WeChat-style <c>{"errcode","errmsg"}</c> body, without processing.</summary>
    WechatErrcode,
}

/// <summary>
/// One scheduled fault. <see cref="Remaining"/> null means unlimited (a <c>forSeconds</c> fault without a count);
/// mutable state is only touched under the <see cref="FaultSchedule"/>'s lock.
/// </summary>
internal sealed class Fault
{
    public required FaultKind Kind { get; init; }

    public int Status { get; init; }

    public TimeSpan Latency { get; init; }

    public int WechatErrcode { get; init; }

    /// <summary>Hit only requests whose path below the channel prefix starts with this; null hits every request.</summary>
    public string? Path { get; init; }

    public int? Remaining { get; set; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public bool IsSpent(DateTimeOffset now) => Remaining <= 0 || now >= ExpiresAt;

    public bool Matches(string path) => Path is null || path.StartsWith(Path, StringComparison.OrdinalIgnoreCase);

    public FaultView ToView() => new(
        Kind.ToString(),
        Kind == FaultKind.Status ? Status : null,
        Kind == FaultKind.Latency ? (long)Latency.TotalMilliseconds : null,
        Kind == FaultKind.WechatErrcode ? WechatErrcode : null,
        Path,
        Remaining,
        ExpiresAt);

    /// <summary>For the log: e.g. <c>status 503 × 3 on /api/v1/contents</c>.</summary>
    public override string ToString()
    {
        var what = Kind switch
        {
            FaultKind.Status => $"status {Status}",
            FaultKind.Latency => $"latency {Latency.TotalMilliseconds} ms",
            FaultKind.WechatErrcode => $"wechat errcode {WechatErrcode}",
            _ => Kind.ToString(),
        };
        var howLong = ExpiresAt is { } until ? $" until {until:O}" : string.Empty;
        var howMany = Remaining is { } count ? $" × {count}" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{what}{howMany}{howLong} on {Path ?? "every path"}");
    }
}

/// <summary>A fault as <c>GET /_sandbox/{channel}/faults</c> shows it.</summary>
internal sealed record FaultView(
    string Kind,
    int? Status,
    long? LatencyMs,
    int? WechatErrcode,
    string? Path,
    int? Remaining,
    DateTimeOffset? ExpiresAt);
