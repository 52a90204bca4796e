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

    public void Migrate()
    {
        var result = Engine().PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"The SQLite migration '{result.ErrorScript?.Name}' failed: {result.Error?.Message}", result.Error);
        }
    }

    /// <summary>True when every embedded migration is journaled.</summary>
    public bool IsUpToDate() => !Engine().IsUpgradeRequired();

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
