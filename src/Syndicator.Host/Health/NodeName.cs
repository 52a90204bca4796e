namespace Syndicator.Host.Health;

/// <summary>How a node names itself on the rows it writes: host name and process id.</summary>
internal static class NodeName
{
    public static string Current { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
