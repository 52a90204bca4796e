namespace Syndicator.Host.Hosting;

/// <summary>What <c>syndicator serve</c> was asked for on its command line; each set value overrides configuration.</summary>
public sealed record ServeSettings
{
    /// <summary>Listen URLs (<c>--urls</c>); null keeps <c>Api:Urls</c>.</summary>
    public string? Urls { get; init; }

    /// <summary>Folder of the SQLite file (<c>--data</c>).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>A PostgreSQL connection string (<c>--postgres</c>).</summary>
    public string? Postgres { get; init; }

    /// <summary>Base URL of a running <c>syndicator sandbox</c> (<c>--sandbox</c>).</summary>
    public Uri? Sandbox { get; init; }

    /// <summary>Further configuration values (tests and the demo use these), applied last.</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>Arguments for the host builder (environment, content root).</summary>
    public string[] Args { get; init; } = [];
}
