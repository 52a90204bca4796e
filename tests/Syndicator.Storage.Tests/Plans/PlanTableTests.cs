using Syndicator.Storage.Postgres;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Tests.Plans;

/// <summary>The plan table covers every script of the hot folders, on both providers: a new one fails here until listed.</summary>
public sealed class PlanTableTests
{
    public static TheoryData<string> Providers() => ["Sqlite", "Postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void HotFolders_EveryScript_IsInThePlanTable(string provider)
    {
        var scripts = provider == "Sqlite" ? SqliteDatabase.Sql : PostgresDatabase.Sql;
        var listed = HotStatements.All.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        var missing = scripts.Names
            .Where(n => HotStatements.Folders.Any(f => n.StartsWith(f + ".", StringComparison.Ordinal)))
            .Where(n => !listed.Contains(n))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, $"hot scripts without a plan test ({provider}): {string.Join(", ", missing)}");
    }

    [Fact]
    public void PlanTable_EveryStatement_ExistsOnBothProviders()
    {
        foreach (var statement in HotStatements.All)
        {
            Assert.False(string.IsNullOrEmpty(SqliteDatabase.Sql[statement.Name]));
            Assert.False(string.IsNullOrEmpty(PostgresDatabase.Sql[statement.Name]));
        }
    }
}
