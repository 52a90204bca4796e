using System.Net;
using System.Net.Sockets;

namespace Syndicator.Host.WebConsole;

/// <summary>
/// The client address that sign-in brakes count by: an IPv4 address as it is, an IPv6 address by its /64 network
/// (one subscriber commonly holds a whole /64, so counting single IPv6 addresses would be no brake at all). Behind a
/// proxy this is whatever the forwarded-headers middleware made of <c>X-Forwarded-For</c>.
/// </summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context) => Of(context.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
