namespace Syndicator.Core.Storage;

/// <summary>
/// Small pieces of state a connector shares with every process and node of the service — the WeChat access token
/// above all, which must be one per account (a second fetch elsewhere would invalidate it). Writes are
/// compare-and-swap on a version, so two nodes refreshing at once cannot both win.
/// </summary>
public interface IChannelStateStore
{
    /// <summary>The state under (<paramref name="channel"/>, <paramref name="key"/>); null when none was ever written.</summary>
    Task<ChannelState?> GetAsync(string channel, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="value"/> if the stored version is still <paramref name="expectedVersion"/> (0: only if
    /// nothing is stored yet). True when written (the version is then one more); false when someone else wrote first —
    /// re-read and use theirs.
    /// </summary>
    Task<bool> TryPutAsync(
        string channel, string key, string value, DateTimeOffset? expiresAt, long expectedVersion, DateTimeOffset now,
        CancellationToken cancellationToken);
}

/// <summary>A stored piece of channel state. <see cref="Value"/> may be a secret: never log it.</summary>
public sealed record ChannelState(string Value, long Version, DateTimeOffset? ExpiresAt, DateTimeOffset UpdatedAt);
