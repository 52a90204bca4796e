using Microsoft.Extensions.Configuration;

namespace Syndicator.Core.Channels;

/// <summary>A configured channel: <c>Channels:&lt;id&gt;</c>. Connector-specific settings sit in the same section.</summary>
public sealed record ChannelDefinition(string Id, ChannelOptions Options, IConfigurationSection Settings)
{
    public string DisplayName => string.IsNullOrWhiteSpace(Options.DisplayName) ? Id : Options.DisplayName;

    public string Connector => Options.Connector;

    public bool Enabled => Options.Enabled;
}

/// <summary>The settings every channel has, whatever its connector (<c>Channels:&lt;id&gt;:…</c>).</summary>
public sealed class ChannelOptions
{
    /// <summary>The protocol family, e.g. <c>sscms</c>. Required.</summary>
    public string Connector { get; set; } = "";

    /// <summary>What operators call the outlet. Default: the channel id.</summary>
    public string? DisplayName { get; set; }

    /// <summary>A disabled channel is not routed to and not dispatched. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many deliveries of this channel run at once. Default: 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How long one try of one delivery may take before it is cut off. Default: 60 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one HTTP call may take (each inner retry gets its own). Default: 20 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Inner retries of a call that is safe to repeat, within one try. Default: 2.</summary>
    public int RequestRetries { get; set; } = 2;

    /// <summary>
    /// How long the channel's HTTP client refuses calls at once after most of its recent calls failed (at least
    /// <c>2 × CircuitFailures</c> calls in 30 s, half of them failing). Default: 15 s.
    /// </summary>
    public TimeSpan RequestCircuitBreak { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Tries failing in a row for the channel's own reasons (transient, credentials) that open its circuit. Default: 5.</summary>
    public int CircuitFailures { get; set; } = 5;

    /// <summary>How long an open circuit claims nothing before one try is let through. Default: 1 minute.</summary>
    public TimeSpan CircuitBreak { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most this many tries start in any minute; 0 for no limit. Default: 0.</summary>
    public int MaxPerMinute { get; set; }
}
