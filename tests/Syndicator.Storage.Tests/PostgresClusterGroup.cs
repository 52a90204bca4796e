using Syndicator.Testing.Postgres;

namespace Syndicator.Storage.Tests;

/// <summary>One throwaway PostgreSQL cluster for every PostgreSQL test class of this assembly (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresClusterGroup : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
