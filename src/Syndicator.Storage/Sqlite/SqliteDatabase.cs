using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Syndicator.Storage.Sqlite;

/// <summary>
/// Connections and transactions on one SQLite file. Writes run one at a time: an in-process gate queues them
/// without burning the busy timeout, and <c>BEGIN IMMEDIATE</c> takes the file's write lock before the first read,
/// so a read-then-write never meets another writer half-way (other processes, e.g. the CLI, wait on the lock).
/// Reads run in a deferred transaction: one consistent WAL snapshot, never blocking the writer.
/// </summary>
/// <remarks>
/// <para><b>Group commit.</b> Every commit syncs the log to disk (<c>synchronous = FULL</c>), so writes waiting at the
/// gate are committed together: whoever holds the gate runs every queued write (up to <see cref="MaxBatch"/>) in one
/// transaction, each in its own savepoint — a write that fails is rolled back to its savepoint and fails alone — and
/// releases the writers only after the one commit has returned. A write whose caller gave up before it ran is not
/// run.</para>
/// </remarks>
internal sealed class SqliteDatabase : IStoreDatabase
{
    internal static readonly SqlScripts Sql = new("Sqlite");

    /// <summary>Most writes committed together.</summary>
    internal const int MaxBatch = 64;

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentQueue<IQueuedWrite> _queued = new();

    public SqliteDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public async Task<T> ReadAsync<T>(Func<SqliteSession, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await work(new SqliteSession(connection, transaction, cancellationToken));
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

    /// <summary>Runs the queued writes in one transaction, each in a savepoint; answers them after the commit.</summary>
    private async Task CommitQueuedAsync()
    {
        var batch = new List<IQueuedWrite>();
        while (batch.Count < MaxBatch && _queued.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        var ran = new List<IQueuedWrite>();
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None);

            // Microsoft.Data.Sqlite maps BeginTransaction(deferred: false) to BEGIN IMMEDIATE.
            await using var transaction = connection.BeginTransaction(deferred: false);
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
                    await batch[i].RunAsync(new SqliteSession(connection, transaction, batch[i].CancellationToken));
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

    /// <summary>Runs <paramref name="work"/> alone against the file, outside any transaction (migrations).</summary>
    public async Task ExclusiveAsync(Func<SqliteConnection, Task> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await work(connection);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = Sql["Connection.Pragmas"];
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void Dispose()
    {
        // Pooled connections hold the file open; let it go with the store (tests delete their directories).
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
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
