using System.Net;
using System.Net.Sockets;

namespace Syndicator.Channels.WeChat.Tests;

/// <summary>A loopback port nothing listens on (it was free a moment ago), for "connection refused".</summary>
internal static class ClosedPort
{
    public static int Find()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
