using Dapper;
using Microsoft.Data.Sqlite;

namespace Syndicator.Storage.Sqlite;

/// <summary>
/// One long-lived connection and its transaction; runs the embedded scripts by name, each on the connection's own
/// prepared command (parameters bound from the arguments' properties, rows read with Dapper's row parsers). Arguments
/// that are not plain values (a list to expand, a type handler's type) go through Dapper as before.
/// </summary>
internal sealed class SqliteSession(LongLivedConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) : IStoreSession
{
    /// <summary>The session's connection and transaction, for what no script says (a setting read back in a test).</summary>
    internal (SqliteConnection Connection, SqliteTransaction Transaction) Raw => (connection.Connection, transaction);

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string script, object? args = null)
    {
        if (Prepared(script, args) is not { } cached)
        {
            return (await connection.Connection.QueryAsync<T>(Command(script, args))).AsList();
        }

        await using var reader = await cached.Command.ExecuteReaderAsync(cancellationToken);
        var parse = SqliteValues.ParserFor<T>(cached, reader);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(parse(reader));
        }

        return rows;
    }

    public async Task<T?> QueryFirstOrDefaultAsync<T>(string script, object? args = null)
    {
        if (Prepared(script, args) is not { } cached)
        {
            return await connection.Connection.QueryFirstOrDefaultAsync<T>(Command(script, args));
        }

        await using var reader = await cached.Command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqliteValues.ParserFor<T>(cached, reader)(reader) : default;
    }

    public async Task<T?> ScalarAsync<T>(string script, object? args = null) =>
        Prepared(script, args) is { } cached
            ? SqliteValues.Parse<T>(await cached.Command.ExecuteScalarAsync(cancellationToken))
            : await connection.Connection.ExecuteScalarAsync<T>(Command(script, args));

    public async Task<int> ExecuteAsync(string script, object? args = null) =>
        Prepared(script, args) is { } cached
            ? await cached.Command.ExecuteNonQueryAsync(cancellationToken)
            : await connection.Connection.ExecuteAsync(Command(script, args));

    /// <summary>Nothing to do: SQLite runs one write transaction at a time (<c>BEGIN IMMEDIATE</c> behind a gate).</summary>
    public Task LockItemAsync(string itemId) => Task.CompletedTask;

    /// <summary>A JSON array, which the scripts read with <c>json_each</c>.</summary>
    public object IdList(IReadOnlyList<string> ids) => StorageJson.Serialize(ids);

    /// <summary>The script's prepared command on this connection with <paramref name="args"/> bound; null when Dapper must bind them.</summary>
    private CachedCommand? Prepared(string script, object? args)
    {
        if (!SqliteParameters.CanBind(args) || connection.Command(SqliteDatabase.Sql[script], transaction) is not { } cached)
        {
            return null;
        }

        SqliteParameters.Bind(cached.Command, args);
        return cached;
    }

    private CommandDefinition Command(string script, object? args) =>
        new(SqliteDatabase.Sql[script], args, transaction, cancellationToken: cancellationToken);
}
