using Dapper;
using Npgsql;

namespace Syndicator.Storage.Postgres;

/// <summary>One connection and its transaction; runs the embedded scripts by name.</summary>
internal sealed class PostgresSession(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) : IStoreSession
{
    /// <summary>The session's connection and transaction, for what no script says (a server view read in a test).</summary>
    internal (NpgsqlConnection Connection, NpgsqlTransaction Transaction) Raw => (connection, transaction);

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string script, object? args = null) =>
        (await connection.QueryAsync<T>(Command(script, args))).AsList();

    public Task<T?> QueryFirstOrDefaultAsync<T>(string script, object? args = null) =>
        connection.QueryFirstOrDefaultAsync<T>(Command(script, args));

    public Task<T?> ScalarAsync<T>(string script, object? args = null) =>
        connection.ExecuteScalarAsync<T>(Command(script, args));

    public Task<int> ExecuteAsync(string script, object? args = null) =>
        connection.ExecuteAsync(Command(script, args));

    /// <summary>Serializes this transaction with every other write to the same item (see <c>Connection/LockItem.sql</c>).</summary>
    public Task LockItemAsync(string itemId) => ExecuteAsync("Connection.LockItem", new { itemId });

    /// <summary>A <c>text[]</c>, which the scripts read with <c>= ANY(@itemIds)</c>.</summary>
    public object IdList(IReadOnlyList<string> ids) => ids.ToArray();

    private CommandDefinition Command(string script, object? args) =>
        new(PostgresDatabase.Sql[script], args, transaction, cancellationToken: cancellationToken);
}
