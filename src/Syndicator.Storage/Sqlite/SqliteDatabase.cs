using Microsoft.Data.Sqlite;

namespace Syndicator.Storage.Sqlite;

/// <summary>
/// Connections and transactions on one SQLite file. Writes run one at a time: an in-process gate queues them
/// without burning the busy timeout, and <c>BEGIN IMMEDIATE</c> takes the file's write lock before the first read,
/// so a read-then-write never meets another writer half-way (other processes, e.g. the CLI, wait on the lock).
/// Reads run in a deferred transaction: one consistent WAL snapshot, never blocking the writer.
/// </summary>
internal sealed class SqliteDatabase : IStoreDatabase
{
    internal static readonly SqlScripts Sql = new("Sqlite");

    private readonly SemaphoreSlim _writeGate = new(1, 1);

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
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);

            // Microsoft.Data.Sqlite maps BeginTransaction(deferred: false) to BEGIN IMMEDIATE.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(new SqliteSession(connection, transaction, cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writeGate.Release();
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
