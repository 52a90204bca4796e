namespace Syndicator.Testing.Postgres;

/// <summary>Where <c>initdb</c> and <c>pg_ctl</c> are: on PATH, else the newest <c>/usr/lib/postgresql/*/bin</c>.</summary>
internal sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    private const string DebianRoot = "/usr/lib/postgresql";

    public static PostgresBinaries Find()
    {
        var initdb = OnPath("initdb");
        var pgCtl = OnPath("pg_ctl");
        if (initdb is not null && pgCtl is not null)
        {
            return new PostgresBinaries(initdb, pgCtl);
        }

        var bin = Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        if (bin is not null)
        {
            return new PostgresBinaries(Path.Combine(bin, "initdb"), Path.Combine(bin, "pg_ctl"));
        }

        var missing = string.Join(" and ", new[] { ("initdb", initdb), ("pg_ctl", pgCtl) }.Where(p => p.Item2 is null).Select(p => $"'{p.Item1}'"));
        throw new InvalidOperationException(
            $"The PostgreSQL tests need a PostgreSQL server installation: {missing} is neither on PATH nor in {DebianRoot}/*/bin. "
            + "Install the server package (e.g. 'apt-get install postgresql') or put its bin directory on PATH.");
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
}
