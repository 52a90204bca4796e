using Syndicator.Testing.Postgres;

namespace Syndicator.Host.Tests;

/// <summary>One throwaway PostgreSQL cluster for the PostgreSQL tests of this assembly.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresClusterGroup : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
