using System.Data;
using Npgsql;

namespace Syndicator.Storage.Postgres;

/// <summary>
/// Connections and transactions on one PostgreSQL database, from Npgsql's bounded pool (one data source per store).
/// Writes run in READ COMMITTED transactions whose statements take row locks (claims skip locked rows, compare-and-swap
/// writes wait for them); reads run in a REPEATABLE READ transaction, so several queries see one snapshot.
/// </summary>
/// <remarks>
/// No retry loops: a failure (the server restarting, say) surfaces as an <see cref="NpgsqlException"/> to the caller,
/// whose own schedule (the dispatcher's poll, the next readiness probe) tries again. After a broken connection the pool
/// is cleared, so the next try opens a fresh connection instead of drawing another dead idle one.
/// </remarks>
internal sealed class PostgresDatabase : IStoreDatabase
{
    internal static readonly SqlScripts Sql = new("Postgres");

    /// <summary>Statements Npgsql keeps prepared per connection (least recently used recycled beyond it).</summary>
    internal const int MaxAutoPrepare = 128;

    /// <summary>Uses of a statement on a connection before Npgsql prepares it.</summary>
    internal const int AutoPrepareMinUsages = 2;

    public PostgresDatabase(string connectionString, int maxConnections = 8)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(Configure(connectionString, maxConnections));
    }

    /// <summary>
    /// The connection string the pool uses: at most <paramref name="maxConnections"/> connections (Npgsql's
    /// <c>Maximum Pool Size</c>: work beyond it waits for a free one), the store's hot statements prepared automatically
    /// after <see cref="AutoPrepareMinUsages"/> uses (<c>Max Auto Prepare</c>, unless the connection string sets its
    /// own) and kept prepared across the pool's opens and closes, and the durable commit as a start-up option of each
    /// connection (<see cref="Durable"/>) — settings sent once per connection, never a round trip per transaction.
    /// </summary>
    internal static string Configure(string connectionString, int maxConnections)
    {
        var builder = new NpgsqlConnectionStringBuilder(Durable(connectionString)) { MaxPoolSize = maxConnections };
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, maxConnections);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Every session commits durably (<c>synchronous_commit = on</c>, PostgreSQL's default) whatever the database or
    /// role was set to: a commit that returned — an item answered 202, a checkpoint before a send — is on disk. Set as a
    /// start-up option of each connection, beside any options the connection string already carries.
    /// </summary>
    internal static string Durable(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options)
            ? "-c synchronous_commit=on"
            : builder.Options + " -c synchronous_commit=on";
        return builder.ConnectionString;
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public Task<T> ReadAsync<T>(Func<PostgresSession, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(IsolationLevel.RepeatableRead, work, cancellationToken);

    public Task<T> WriteAsync<T>(Func<PostgresSession, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(IsolationLevel.ReadCommitted, work, cancellationToken);

    Task<T> IStoreDatabase.ReadAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken cancellationToken) =>
        ReadAsync<T>(s => work(s), cancellationToken);

    Task<T> IStoreDatabase.WriteAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync<T>(s => work(s), cancellationToken);

    public Task WriteAsync(Func<PostgresSession, Task> work, CancellationToken cancellationToken) =>
        WriteAsync<bool>(async s =>
        {
            await work(s);
            return true;
        }, cancellationToken);

    /// <summary>Runs <paramref name="work"/> on a connection of its own, outside any transaction (migrations).</summary>
    public async Task<T> OnConnectionAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return await work(connection);
        }
        catch (NpgsqlException) when (connection.State is ConnectionState.Broken or ConnectionState.Closed)
        {
            DataSource.Clear();
            throw;
        }
    }

    public void Dispose() => DataSource.Dispose();

    private async Task<T> RunAsync<T>(IsolationLevel isolation, Func<PostgresSession, Task<T>> work, CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = await DataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(isolation, cancellationToken);
            var result = await work(new PostgresSession(connection, transaction, cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (NpgsqlException) when (connection is null || connection.State is ConnectionState.Broken or ConnectionState.Closed)
        {
            DataSource.Clear();
            throw;
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
