using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Syndicator.Storage.Sqlite;

/// <summary>
/// Transactions on one SQLite file over a bounded set of long-lived connections: one writer and
/// <see cref="SqliteConnectionSettings.Readers"/> readers, each opened once with its settings applied once
/// (<c>Connection/Pragmas.sql</c>, <c>Connection/CacheSize.sql</c>) and its statements prepared once, kept for the
/// store's life and disposed with it. Writes run one at a time on the writer: an in-process gate queues them without
/// burning the busy timeout, and <c>BEGIN IMMEDIATE</c> takes the file's write lock before the first read, so a
/// read-then-write never meets another writer half-way (other processes, e.g. the CLI, wait on the lock). Reads run in
/// a deferred transaction on a reader: one consistent WAL snapshot, never blocking the writer; a read waits for a free
/// reader rather than opening another connection.
/// </summary>
/// <remarks>
/// <para><b>Group commit.</b> Every commit syncs the log to disk (<c>synchronous = FULL</c>), so writes waiting at the
/// gate are committed together: whoever holds the gate runs every queued write (up to <see cref="MaxBatch"/>) in one
/// transaction, each in its own savepoint — a write that fails is rolled back to its savepoint and fails alone — and
/// releases the writers only after the one commit has returned. A write whose caller gave up before it ran is not
/// run.</para>
/// <para><b>Broken connections.</b> A connection whose work failed with an I/O error or corruption, or that is no
/// longer open, is disposed and replaced by a fresh one on next need, never reused.</para>
/// </remarks>
internal sealed class SqliteDatabase : IStoreDatabase
{
    internal static readonly SqlScripts Sql = new("Sqlite");

    /// <summary>Most writes committed together.</summary>
    internal const int MaxBatch = 64;

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentQueue<IQueuedWrite> _queued = new();
    private readonly ReaderPool _readers;
    private readonly int _cacheKiB;
    private LongLivedConnection? _writer;
    private int _opened;
    private bool _disposed;

    public SqliteDatabase(string connectionString)
        : this(connectionString, SqliteConnectionSettings.Default)
    {
    }

    public SqliteDatabase(string connectionString, SqliteConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // The store keeps its own connections open; Microsoft.Data.Sqlite's pool would only keep closed ones alive.
        ConnectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        _cacheKiB = settings.CacheKiB;
        _readers = new ReaderPool(settings.Readers, OpenAsync);
    }

    public string ConnectionString { get; }

    /// <summary>Connections opened so far (the writer, the readers, and any opened to replace a broken one).</summary>
    internal int ConnectionsOpened => Volatile.Read(ref _opened);

    /// <summary>The number of reader connections.</summary>
    internal int Readers => _readers.Size;

    /// <summary>Called with each connection as it is opened, its settings applied (tests attach a statement trace).</summary>
    internal Action<SqliteConnection>? Opened { get; set; }

    public async Task<T> ReadAsync<T>(Func<SqliteSession, Task<T>> work, CancellationToken cancellationToken)
    {
        var reader = await _readers.RentAsync(cancellationToken);
        try
        {
            await using var transaction = reader.Connection.BeginTransaction(deferred: true);
            return await work(new SqliteSession(reader, transaction, cancellationToken));
        }
        catch (Exception ex)
        {
            reader.Observe(ex);
            throw;
        }
        finally
        {
            _readers.Return(reader);
        }
    }

    public async Task<T> WriteAsync<T>(Func<SqliteSession, Task<T>> work, CancellationToken cancellationToken)
    {
        var write = new QueuedWrite<T>(work, cancellationToken);
        _queued.Enqueue(write);
        while (!write.Done.IsCompleted)
        {
            // Not cancellable: the write is queued, and whoever holds the gate may be running it now. Its own token
            // stops it from running once cancelled; the wait here lasts one batch at most.
            await _writeGate.WaitAsync(CancellationToken.None);
            try
            {
                if (!write.Done.IsCompleted)
                {
                    await CommitQueuedAsync();
                }
            }
            finally
            {
                _writeGate.Release();
            }
        }

        return await write.Done;
    }

    /// <summary>Runs the queued writes in one transaction on the writer, each in a savepoint; answers them after the commit.</summary>
    private async Task CommitQueuedAsync()
    {
        var batch = new List<IQueuedWrite>();
        while (batch.Count < MaxBatch && _queued.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        var ran = new List<IQueuedWrite>();
        LongLivedConnection? writer = null;
        try
        {
            writer = await WriterAsync(CancellationToken.None);

            // Microsoft.Data.Sqlite maps BeginTransaction(deferred: false) to BEGIN IMMEDIATE.
            await using var transaction = writer.Connection.BeginTransaction(deferred: false);
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i].CancellationToken.IsCancellationRequested)
                {
                    batch[i].Cancel();
                    continue;
                }

                var savepoint = "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await transaction.SaveAsync(savepoint);
                try
                {
                    await batch[i].RunAsync(new SqliteSession(writer, transaction, batch[i].CancellationToken));
                    await transaction.ReleaseAsync(savepoint);
                    ran.Add(batch[i]);
                }
                catch (Exception ex) when (ex is not SqliteException { SqliteErrorCode: 10 or 11 or 13 }) // I/O, corrupt, full: the transaction is gone
                {
                    await transaction.RollbackAsync(savepoint);
                    await transaction.ReleaseAsync(savepoint);
                    batch[i].Fail(ex);
                }
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            writer?.Observe(ex);

            // Nothing of this batch is committed: every write not answered yet fails with the reason.
            foreach (var write in batch)
            {
                write.Fail(ex);
            }

            return;
        }

        foreach (var write in ran)
        {
            write.Complete();
        }
    }

    /// <summary>The writer connection (callers hold the write gate), opened on first need and again after it broke.</summary>
    private async Task<LongLivedConnection> WriterAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer is { Usable: false })
        {
            _writer.Dispose();
            _writer = null;
        }

        return _writer ??= await OpenAsync(cancellationToken);
    }

    Task<T> IStoreDatabase.ReadAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken cancellationToken) =>
        ReadAsync<T>(s => work(s), cancellationToken);

    Task<T> IStoreDatabase.WriteAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync<T>(s => work(s), cancellationToken);

    public Task WriteAsync(Func<SqliteSession, Task> work, CancellationToken cancellationToken) =>
        WriteAsync<bool>(async s =>
        {
            await work(s);
            return true;
        }, cancellationToken);

    /// <summary>Runs <paramref name="work"/> alone on the writer connection, outside any transaction (migrations).</summary>
    public async Task ExclusiveAsync(Func<SqliteConnection, Task> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var writer = await WriterAsync(cancellationToken);
            try
            {
                await work(writer.Connection);
            }
            catch (Exception ex)
            {
                writer.Observe(ex);
                throw;
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Opens a connection of the set, its settings applied.</summary>
    private async Task<LongLivedConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await LongLivedConnection.OpenAsync(ConnectionString, _cacheKiB, cancellationToken);
        Interlocked.Increment(ref _opened);
        Opened?.Invoke(connection.Connection);
        return connection;
    }

    public void Dispose()
    {
        // Waits for a batch in flight, then closes every connection: the file is let go with the store.
        _writeGate.Wait();
        try
        {
            _disposed = true;
            _writer?.Dispose();
            _writer = null;
            _readers.Dispose();
        }
        finally
        {
            _writeGate.Release();
        }
    }
}

/// <summary>A write waiting for the next group commit.</summary>
internal interface IQueuedWrite
{
    CancellationToken CancellationToken { get; }

    Task RunAsync(SqliteSession session);

    /// <summary>Answers the writer: called only after the commit returned.</summary>
    void Complete();

    void Fail(Exception exception);

    void Cancel();
}

internal sealed class QueuedWrite<T>(Func<SqliteSession, Task<T>> work, CancellationToken cancellationToken) : IQueuedWrite
{
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Done => _done.Task;

    public CancellationToken CancellationToken => cancellationToken;

    public async Task RunAsync(SqliteSession session) => _result = await work(session);

    public void Complete() => _done.TrySetResult(_result!);

    public void Fail(Exception exception) => _done.TrySetException(exception);

    public void Cancel() => _done.TrySetCanceled(cancellationToken);
}
