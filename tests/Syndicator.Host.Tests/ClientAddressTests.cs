using System.Net;
using Syndicator.Host.WebConsole;

namespace Syndicator.Host.Tests;

/// <summary>What the sign-in brake and the lock-out count by.</summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    public void Of_Address_CountedByItselfOrItsIpv6Network(string address, string counted) =>
        Assert.Equal(counted, ClientAddress.Of(IPAddress.Parse(address)));

    [Fact]
    public void Of_TwoAddressesOfOneIpv6Subscriber_CountedTogether() =>
        Assert.Equal(ClientAddress.Of(IPAddress.Parse("2001:db8:1:2::1")), ClientAddress.Of(IPAddress.Parse("2001:db8:1:2::ffff")));

    [Fact]
    public void Of_NoAddress_OneSharedBucket() => Assert.Equal("unknown", ClientAddress.Of((IPAddress?)null));
}
