using System.Collections.Frozen;
using System.Reflection;

namespace Syndicator.Storage;

/// <summary>
/// The SQL of one provider, read once from the embedded <c>Sql/&lt;Provider&gt;/**/*.sql</c> files and looked up by
/// relative name: <c>Sql/Sqlite/Leases/Claim.sql</c> is <c>Leases.Claim</c>. Migrations are not queries and are left out.
/// </summary>
internal sealed class SqlScripts
{
    private readonly FrozenDictionary<string, string> _scripts;

    public SqlScripts(string provider)
    {
        var assembly = typeof(SqlScripts).Assembly;
        ResourcePrefix = $"{assembly.GetName().Name}.Sql.{provider}.";
        MigrationPrefix = ResourcePrefix + "Migrations.";
        _scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                && !n.StartsWith(MigrationPrefix, StringComparison.Ordinal)
                && n.EndsWith(".sql", StringComparison.Ordinal))
            .ToFrozenDictionary(
                n => n[ResourcePrefix.Length..^".sql".Length],
                n => Read(assembly, n),
                StringComparer.Ordinal);
    }

    /// <summary>The prefix of this provider's resource names.</summary>
    public string ResourcePrefix { get; }

    /// <summary>The prefix of this provider's migration scripts.</summary>
    public string MigrationPrefix { get; }

    public string this[string name] =>
        _scripts.TryGetValue(name, out var sql)
            ? sql
            : throw new KeyNotFoundException($"No embedded SQL script '{name}' under '{ResourcePrefix}'.");

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
