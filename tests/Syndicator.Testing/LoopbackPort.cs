using System.Net;
using System.Net.Sockets;

namespace Syndicator.Testing;

/// <summary>Loopback ports for tests that start servers or need "connection refused".</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on: free a moment ago (the OS handed it out and it was let go).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
