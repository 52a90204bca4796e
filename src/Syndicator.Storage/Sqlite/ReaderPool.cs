using System.Collections.Concurrent;

namespace Syndicator.Storage.Sqlite;

/// <summary>
/// A fixed number of reader connections: a read takes a free one or waits for one, never opening more than the
/// bound. A connection opens on first need and stays open; one that broke is disposed on return and its slot opens a
/// fresh one next time.
/// </summary>
internal sealed class ReaderPool(int size, Func<CancellationToken, Task<LongLivedConnection>> open) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(size, size);
    private readonly ConcurrentQueue<LongLivedConnection> _idle = new();
    private volatile bool _disposed;

    public int Size => size;

    /// <summary>A connection for the caller alone until <see cref="Return"/>; waits while all are in use.</summary>
    public async Task<LongLivedConnection> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            while (_idle.TryDequeue(out var idle))
            {
                if (idle.Usable)
                {
                    return idle;
                }

                idle.Dispose();
            }

            return await open(cancellationToken);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public void Return(LongLivedConnection connection)
    {
        if (connection.Usable && !_disposed)
        {
            _idle.Enqueue(connection);
        }
        else
        {
            connection.Dispose();
        }

        // A dispose racing this return finds the connection either queued (and disposes it) or already disposed here.
        if (_disposed)
        {
            DisposeIdle();
        }

        _slots.Release();
    }

    public void Dispose()
    {
        _disposed = true;
        DisposeIdle();
    }

    private void DisposeIdle()
    {
        while (_idle.TryDequeue(out var idle))
        {
            idle.Dispose();
        }
    }
}
