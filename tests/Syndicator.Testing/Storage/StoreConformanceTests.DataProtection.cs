using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

/// <summary>The Data Protection key ring in the store: written once per key, seen by every instance on the database.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task DataProtectionKeys_AddedOnce_ListedInOrderByAnotherInstance()
    {
        var keys = Store.DataProtectionKeys;
        await keys.AddKeyAsync("key-b", "<key id=\"b\"/>", T0.AddMinutes(1), Ct);
        await keys.AddKeyAsync("key-a", "<key id=\"a\"/>", T0, Ct);
        await keys.AddKeyAsync("key-a", "<key id=\"changed\"/>", T0.AddMinutes(2), Ct);

        var other = await PeerAsync();
        var listed = await other.DataProtectionKeys.ListKeyRingAsync(Ct);

        Assert.Equal(["<key id=\"a\"/>", "<key id=\"b\"/>"], listed);
    }
}
