using Dapper;
using Microsoft.Data.Sqlite;

namespace Syndicator.Storage.Sqlite;

/// <summary>One connection and its transaction; runs the embedded scripts by name.</summary>
internal sealed class SqliteSession(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) : IStoreSession
{
    /// <summary>The session's connection and transaction, for what no script says (a setting read back in a test).</summary>
    internal (SqliteConnection Connection, SqliteTransaction Transaction) Raw => (connection, transaction);

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string script, object? args = null) =>
        (await connection.QueryAsync<T>(Command(script, args))).AsList();

    public Task<T?> QueryFirstOrDefaultAsync<T>(string script, object? args = null) =>
        connection.QueryFirstOrDefaultAsync<T>(Command(script, args));

    public Task<T?> ScalarAsync<T>(string script, object? args = null) =>
        connection.ExecuteScalarAsync<T>(Command(script, args));

    public Task<int> ExecuteAsync(string script, object? args = null) =>
        connection.ExecuteAsync(Command(script, args));

    /// <summary>Nothing to do: SQLite runs one write transaction at a time (<c>BEGIN IMMEDIATE</c> behind a gate).</summary>
    public Task LockItemAsync(string itemId) => Task.CompletedTask;

    /// <summary>A JSON array, which the scripts read with <c>json_each</c>.</summary>
    public object IdList(IReadOnlyList<string> ids) => StorageJson.Serialize(ids);

    private CommandDefinition Command(string script, object? args) =>
        new(SqliteDatabase.Sql[script], args, transaction, cancellationToken: cancellationToken);
}
