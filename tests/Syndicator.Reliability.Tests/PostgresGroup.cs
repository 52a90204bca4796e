using Syndicator.Testing.Postgres;

namespace Syndicator.Reliability.Tests;

/// <summary>A throwaway PostgreSQL cluster of this assembly's own, since its tests stop and start it.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresGroup : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL restarted";
}
