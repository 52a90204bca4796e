using DbUp;
using DbUp.Engine;

namespace Syndicator.Storage.Sqlite;

/// <summary>
/// Applies the numbered scripts in <c>Sql/Sqlite/Migrations</c> with DbUp, in name order, each in its own
/// transaction, journaled in <c>schema_versions</c>.
/// </summary>
internal sealed class SqliteMigrator(string connectionString)
{
    private const string JournalTable = "schema_versions";

    private volatile bool _upToDate;

    public void Migrate()
    {
        var result = Engine().PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"The SQLite migration '{result.ErrorScript?.Name}' failed: {result.Error?.Message}", result.Error);
        }

        _upToDate = true;
    }

    /// <summary>
    /// True when every embedded migration is journaled. Once true it stays true (migrations are only ever added), so
    /// the readiness probe stops opening a connection of DbUp's own on the file each time it asks.
    /// </summary>
    public bool IsUpToDate() => _upToDate || (_upToDate = !Engine().IsUpgradeRequired());

    private UpgradeEngine Engine()
    {
        var prefix = SqliteDatabase.Sql.MigrationPrefix;
        return DeployChanges.To
            .SqliteDatabase(connectionString)
            .JournalToSqliteTable(JournalTable)
            .WithScriptsEmbeddedInAssembly(typeof(SqliteMigrator).Assembly, name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
    }
}
