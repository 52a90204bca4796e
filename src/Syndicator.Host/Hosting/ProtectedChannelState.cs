using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Syndicator.Core.Storage;

namespace Syndicator.Host.Hosting;

/// <summary>
/// Channel state whose values are secrets — the WeChat access token (<c>access_token</c>) and the TRS WCM session
/// (<c>wcm_session</c>) — stored encrypted with Data Protection, with a purpose naming the channel and the key (a value
/// copied to another row does not read). Every node reads them because the key ring is shared
/// (<see cref="DataProtectionSetup"/>). Other state (what was last alerted, quotas) is stored as it is.
/// </summary>
internal sealed class ProtectedChannelState(IChannelStateStore inner, IDataProtectionProvider protection) : IChannelStateStore
{
    /// <summary>The state keys whose values are secrets.</summary>
    public static readonly IReadOnlySet<string> SecretKeys = new HashSet<string>(StringComparer.Ordinal) { "access_token", "wcm_session" };

    /// <summary>Marks a protected value; anything else under a secret key was written before encryption and is read as it is.</summary>
    public const string Prefix = "dp1:";

    public async Task<ChannelState?> GetAsync(string channel, string key, CancellationToken cancellationToken)
    {
        var state = await inner.GetAsync(channel, key, cancellationToken);
        if (state is null || !SecretKeys.Contains(key) || !state.Value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return state;
        }

        try
        {
            return state with { Value = Protector(channel, key).Unprotect(state.Value[Prefix.Length..]) };
        }
        catch (CryptographicException)
        {
            // A value no key of the ring reads (the ring was lost or replaced): an expired, empty secret, which the
            // connector replaces by a fresh one through the usual compare-and-swap on this version.
            return state with { Value = "", ExpiresAt = DateTimeOffset.UnixEpoch };
        }
    }

    public Task<bool> TryPutAsync(
        string channel, string key, string value, DateTimeOffset? expiresAt, long expectedVersion, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        var stored = SecretKeys.Contains(key) ? Prefix + Protector(channel, key).Protect(value) : value;
        return inner.TryPutAsync(channel, key, stored, expiresAt, expectedVersion, now, cancellationToken);
    }

    private IDataProtector Protector(string channel, string key) =>
        protection.CreateProtector("Syndicator.ChannelState.v1", channel, key);

    /// <summary>Wraps the store's registration of <see cref="IChannelStateStore"/> in this class.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IChannelStateStore));
        services.Remove(original);
        services.AddSingleton<IChannelStateStore>(sp => new ProtectedChannelState(
            (IChannelStateStore)original.ImplementationFactory!(sp), sp.GetRequiredService<IDataProtectionProvider>()));
    }
}
