using System.Collections.Concurrent;
using System.Globalization;

namespace Syndicator.Sandbox.Channels;

/// <summary>Thread-safe counters of one channel, read by <c>GET /_sandbox/{channel}/stats</c>.</summary>
internal sealed class ChannelStats
{
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _requests;
    private long _creates;
    private long _updates;
    private long _deletes;
    private long _faultsInjected;

    public void RequestReceived() => Interlocked.Increment(ref _requests);

    public void Created() => Interlocked.Increment(ref _creates);

    public void Updated() => Interlocked.Increment(ref _updates);

    public void Deleted() => Interlocked.Increment(ref _deletes);

    public void FaultInjected() => Interlocked.Increment(ref _faultsInjected);

    /// <summary>Counts an error the emulator answered by its own rules: an HTTP status or a platform code.</summary>
    public void ErrorAnswered(string code) => _errors.AddOrUpdate(code, 1, static (_, count) => count + 1);

    public void ErrorAnswered(int status) => ErrorAnswered(status.ToString(CultureInfo.InvariantCulture));

    public StatsSnapshot Snapshot() => new(
        Interlocked.Read(ref _requests),
        Interlocked.Read(ref _creates),
        Interlocked.Read(ref _updates),
        Interlocked.Read(ref _deletes),
        Interlocked.Read(ref _faultsInjected),
        new SortedDictionary<string, long>(_errors, StringComparer.Ordinal));

    public void Reset()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _creates, 0);
        Interlocked.Exchange(ref _updates, 0);
        Interlocked.Exchange(ref _deletes, 0);
        Interlocked.Exchange(ref _faultsInjected, 0);
        _errors.Clear();
    }
}

/// <summary>The stats answer (DESIGN §7); property order is the contract's.</summary>
internal sealed record StatsSnapshot(
    long Requests,
    long Creates,
    long Updates,
    long Deletes,
    long FaultsInjected,
    IReadOnlyDictionary<string, long> Errors);
