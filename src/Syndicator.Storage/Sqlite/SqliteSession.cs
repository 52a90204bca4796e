using Dapper;
using Microsoft.Data.Sqlite;

namespace Syndicator.Storage.Sqlite;

/// <summary>One connection and its transaction; runs the embedded scripts by name.</summary>
internal sealed class SqliteSession(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) : IStoreSession
{
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string script, object? args = null) =>
        (await connection.QueryAsync<T>(Command(script, args))).AsList();

    public Task<T?> QueryFirstOrDefaultAsync<T>(string script, object? args = null) =>
        connection.QueryFirstOrDefaultAsync<T>(Command(script, args));

    public Task<T?> ScalarAsync<T>(string script, object? args = null) =>
        connection.ExecuteScalarAsync<T>(Command(script, args));

    public Task<int> ExecuteAsync(string script, object? args = null) =>
        connection.ExecuteAsync(Command(script, args));

    private CommandDefinition Command(string script, object? args) =>
        new(SqliteDatabase.Sql[script], args, transaction, cancellationToken: cancellationToken);
}
