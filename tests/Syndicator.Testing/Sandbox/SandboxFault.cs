namespace Syndicator.Testing.Sandbox;

/// <summary>
/// A fault for <c>POST /_sandbox/{channel}/faults</c>. Build one with a factory and narrow it with
/// <c>with { Path = "/api/v1/contents" }</c>.
/// </summary>
public sealed record SandboxFault
{
    public int? Status { get; init; }

    public int? LatencyMs { get; init; }

    public bool? Reset { get; init; }

    public bool? CommitThenReset { get; init; }

    public int? WechatErrcode { get; init; }

    public int? Count { get; init; }

    public double? ForSeconds { get; init; }

    public string? Path { get; init; }

    public static SandboxFault Fail(int status, int count = 1) => new() { Status = status, Count = count };

    public static SandboxFault FailFor(int status, TimeSpan duration) => new() { Status = status, ForSeconds = duration.TotalSeconds };

    public static SandboxFault Delay(TimeSpan latency, int count = 1) => new() { LatencyMs = (int)latency.TotalMilliseconds, Count = count };

    public static SandboxFault DropConnection(int count = 1) => new() { Reset = true, Count = count };

    public static SandboxFault CommitThenDropConnection(int count = 1) => new() { CommitThenReset = true, Count = count };

    public static SandboxFault WechatError(int errcode, int count = 1) => new() { WechatErrcode = errcode, Count = count };
}
