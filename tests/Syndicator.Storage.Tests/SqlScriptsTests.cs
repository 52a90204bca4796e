using Syndicator.Storage.Postgres;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Tests;

/// <summary>Where each provider's SQL comes from: its own folder first, then the scripts both share (<c>Sql/Common</c>).</summary>
public sealed class SqlScriptsTests
{
    private static readonly string[] Resources = typeof(SqlScripts).Assembly.GetManifestResourceNames();

    [Fact]
    public void Lookup_OwnAndCommonScripts_ProviderFolderFirstThenCommon()
    {
        Assert.Contains("FOR UPDATE SKIP LOCKED", PostgresDatabase.Sql["Leases.Claim"], StringComparison.Ordinal);
        Assert.DoesNotContain("FOR UPDATE", SqliteDatabase.Sql["Leases.Claim"], StringComparison.Ordinal);
        Assert.Same(SqliteDatabase.Sql["Users.Failed"], SqliteDatabase.Sql["Users.Failed"]);
        Assert.Equal(SqliteDatabase.Sql["Users.Failed"], PostgresDatabase.Sql["Users.Failed"]);
        Assert.Contains("Syndicator.Storage.Sql.Common.Users.Failed.sql", Resources);
    }

    /// <summary>
    /// A script is kept once: never in Common and a provider's folder at once (the provider's copy would hide the
    /// shared one), and never word for word in both providers' folders (it belongs in Common).
    /// </summary>
    [Fact]
    public void Scripts_SharedOnes_KeptOnceInCommon()
    {
        const string root = "Syndicator.Storage.Sql.";
        var common = Names(root + "Common.");
        var sqlite = Names(root + "Sqlite.");
        var postgres = Names(root + "Postgres.");

        Assert.Empty(common.Intersect(sqlite));
        Assert.Empty(common.Intersect(postgres));
        var twins = sqlite.Intersect(postgres).Where(n => SqliteDatabase.Sql[n] == PostgresDatabase.Sql[n]).ToList();
        Assert.True(twins.Count == 0, $"identical on both providers, move to Sql/Common: {string.Join(", ", twins)}");
    }

    private static HashSet<string> Names(string prefix) =>
        [.. Resources
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && !n.StartsWith(prefix + "Migrations.", StringComparison.Ordinal))
            .Select(n => n[prefix.Length..^".sql".Length])];
}
