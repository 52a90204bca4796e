namespace Syndicator.Storage.Tests.Plans;

/// <summary>
/// A statement the intake, the lanes or the status reads run, and the indexes its plan must use on each provider.
/// </summary>
/// <param name="Name">The script, as <see cref="SqlScripts"/> names it (<c>Leases.Claim</c>).</param>
/// <param name="Sqlite">Indexes SQLite's plan must name (empty: a plain insert, nothing read).</param>
/// <param name="Postgres">Indexes PostgreSQL's plan must name (empty: a plain insert, nothing read).</param>
/// <param name="OrderedWalk">
/// The statement walks one index in its ORDER BY order and stops at its LIMIT (the newest items, the audit log):
/// a SQLite "SCAN … USING INDEX" of one of its own indexes is then the right plan, not a scan of the table.
/// </param>
public sealed record HotStatement(string Name, string[] Sqlite, string[] Postgres, bool OrderedWalk = false)
{
    public override string ToString() => Name;
}
