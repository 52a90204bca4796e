using System.Collections.Frozen;
using System.Reflection;

namespace Syndicator.Storage;

/// <summary>
/// The SQL of one provider, read once from the embedded <c>Sql/&lt;Provider&gt;/**/*.sql</c> files and looked up by
/// relative name: <c>Sql/Sqlite/Leases/Claim.sql</c> is <c>Leases.Claim</c>. A script both providers run word for word
/// lives once, under <c>Sql/Common/</c>, and is found there when the provider's own folder has none of that name.
/// Migrations are not queries and are left out.
/// </summary>
internal sealed class SqlScripts
{
    private const string CommonFolder = "Common";

    private readonly FrozenDictionary<string, string> _scripts;

    public SqlScripts(string provider)
    {
        var assembly = typeof(SqlScripts).Assembly;
        var root = $"{assembly.GetName().Name}.Sql.";
        ResourcePrefix = root + provider + ".";
        MigrationPrefix = ResourcePrefix + "Migrations.";
        var scripts = Scripts(assembly, root + CommonFolder + ".");
        foreach (var (name, sql) in Scripts(assembly, ResourcePrefix))
        {
            scripts[name] = sql;
        }

        _scripts = scripts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The prefix of this provider's resource names.</summary>
    public string ResourcePrefix { get; }

    /// <summary>The prefix of this provider's migration scripts.</summary>
    public string MigrationPrefix { get; }

    /// <summary>Every script name this provider has, its own and the common ones.</summary>
    public IEnumerable<string> Names => _scripts.Keys;

    public string this[string name] =>
        _scripts.TryGetValue(name, out var sql)
            ? sql
            : throw new KeyNotFoundException($"No embedded SQL script '{name}' under '{ResourcePrefix}' or the common scripts.");

    private static Dictionary<string, string> Scripts(Assembly assembly, string prefix) =>
        assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal)
                && !n.StartsWith(prefix + "Migrations.", StringComparison.Ordinal)
                && n.EndsWith(".sql", StringComparison.Ordinal))
            .ToDictionary(n => n[prefix.Length..^".sql".Length], n => Read(assembly, n), StringComparer.Ordinal);

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
