using DbUp;
using DbUp.Engine;
using DbUp.Postgresql;
using Npgsql;

namespace Syndicator.Storage.Postgres;

/// <summary>
/// Applies the numbered scripts in <c>Sql/Postgres/Migrations</c> with DbUp, in name order, each in its own
/// transaction, journaled in <c>public.schema_versions</c>. Nodes starting together take turns under a session
/// advisory lock, so a script never runs twice.
/// </summary>
internal sealed class PostgresMigrator(PostgresDatabase database)
{
    private const string JournalSchema = "public";
    private const string JournalTable = "schema_versions";

    public Task MigrateAsync(CancellationToken cancellationToken) =>
        database.OnConnectionAsync(async connection =>
        {
            await Run(connection, "Connection.LockMigrations", cancellationToken);
            try
            {
                var result = Engine().PerformUpgrade();
                if (!result.Successful)
                {
                    throw new InvalidOperationException(
                        $"The PostgreSQL migration '{result.ErrorScript?.Name}' failed: {result.Error?.Message}", result.Error);
                }
            }
            finally
            {
                await Run(connection, "Connection.UnlockMigrations", CancellationToken.None);
            }

            return true;
        }, cancellationToken);

    /// <summary>True when every embedded migration is journaled.</summary>
    public bool IsUpToDate() => !Engine().IsUpgradeRequired();

    private static async Task Run(NpgsqlConnection connection, string script, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(PostgresDatabase.Sql[script], connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private UpgradeEngine Engine()
    {
        var prefix = PostgresDatabase.Sql.MigrationPrefix;
        return DeployChanges.To
            .PostgresqlDatabase(new PostgresqlConnectionManager(database.DataSource))
            .JournalToPostgresqlTable(JournalSchema, JournalTable)
            .WithScriptsEmbeddedInAssembly(typeof(PostgresMigrator).Assembly, name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
    }
}
