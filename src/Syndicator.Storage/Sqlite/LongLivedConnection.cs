using System.Data;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Syndicator.Storage.Sqlite;

/// <summary>
/// One connection kept open for the store's life: its settings applied once, when it opens, and each script's command
/// kept with it, so that its statements are prepared once (Microsoft.Data.Sqlite keeps a command's statements prepared
/// until its text or connection changes or it is disposed; Dapper builds and disposes a command on every call).
/// </summary>
internal sealed class LongLivedConnection : IDisposable
{
    /// <summary>More distinct scripts than the store has: beyond it, a statement runs on a command of its own.</summary>
    internal const int MaxCommands = 512;

    private readonly Dictionary<string, CachedCommand> _commands = new(StringComparer.Ordinal);

    private LongLivedConnection(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    /// <summary>False once the connection failed in a way that leaves it unfit (closed, I/O error, corruption): replaced, never reused.</summary>
    public bool Usable => !_broken && Connection.State == ConnectionState.Open;

    private bool _broken;

    /// <summary>Opens a connection on <paramref name="connectionString"/> and applies the per-connection settings.</summary>
    public static async Task<LongLivedConnection> OpenAsync(string connectionString, int cacheKiB, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = SqliteDatabase.Sql["Connection.Pragmas"]
                + SqliteDatabase.Sql["Connection.CacheSize"].Replace("{kib}", cacheKiB.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return new LongLivedConnection(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The command of <paramref name="sql"/> on this connection, ready for new parameters; null past <see cref="MaxCommands"/>.</summary>
    public CachedCommand? Command(string sql, SqliteTransaction transaction)
    {
        if (!_commands.TryGetValue(sql, out var cached))
        {
            if (_commands.Count >= MaxCommands)
            {
                return null;
            }

            var command = Connection.CreateCommand();
            command.CommandText = sql;
            cached = new CachedCommand(command);
            _commands[sql] = cached;
        }

        cached.Command.Transaction = transaction;
        cached.Command.Parameters.Clear();
        return cached;
    }

    /// <summary>Notes a failure of work on this connection: one that leaves the connection unfit marks it for replacement.</summary>
    public void Observe(Exception exception)
    {
        // SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_CANTOPEN, SQLITE_NOTADB: the file or the handle is in doubt.
        if (exception is SqliteException { SqliteErrorCode: 10 or 11 or 14 or 26 } || Connection.State != ConnectionState.Open)
        {
            _broken = true;
        }
    }

    public void Dispose()
    {
        foreach (var cached in _commands.Values)
        {
            cached.Command.Dispose();
        }

        _commands.Clear();
        Connection.Dispose();
    }
}

/// <summary>A script's command on one connection, with the row reader last used with it.</summary>
internal sealed class CachedCommand(SqliteCommand command)
{
    public SqliteCommand Command { get; } = command;

    /// <summary>The row parser built for the script's columns and a row type; rebuilt when another type asks.</summary>
    public Delegate? Parser { get; set; }
}
