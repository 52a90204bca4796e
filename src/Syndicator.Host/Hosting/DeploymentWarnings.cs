using System.Net;
using Syndicator.Core.Channels;

namespace Syndicator.Host.Hosting;

/// <summary>
/// Warnings at start-up about a deployment that works but leaks: credentials that would travel over plain HTTP to a
/// host other than this machine, and a Data Protection key ring stored without encryption.
/// </summary>
internal sealed class DeploymentWarnings(
    IReadOnlyList<ChannelDefinition> channels, DataProtectionSetup.Protection protection, ILogger<DeploymentWarnings> logger) : IHostedService
{
    /// <summary>The settings that name where a connector sends its credentials.</summary>
    private static readonly string[] AddressKeys = ["BaseUrl", "ApiBaseUrl", "FallbackApiBaseUrl"];

    /// <summary>The settings that hold credentials.</summary>
    private static readonly string[] CredentialKeys = ["ApiKey", "Password", "AppSecret"];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, url, credentials) in PlainHttp(channels))
        {
            Log.CredentialsOverPlainHttp(logger, key, url, credentials);
        }

        if (!protection.Encrypted)
        {
            Log.KeyRingUnencrypted(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Every enabled channel's address setting that is <c>http://</c> to a host that is not loopback while the channel
    /// has credentials: the full key of the address, the address, and the keys of the credentials that would travel.
    /// </summary>
    public static IEnumerable<(string Key, string Url, string Credentials)> PlainHttp(IEnumerable<ChannelDefinition> channels)
    {
        foreach (var channel in channels.Where(c => c.Enabled))
        {
            var credentials = CredentialKeys
                .Where(k => !string.IsNullOrEmpty(channel.Settings[k]))
                .Select(k => $"Channels:{channel.Id}:{k}")
                .ToList();
            if (credentials.Count == 0)
            {
                continue;
            }

            foreach (var key in AddressKeys)
            {
                if (Uri.TryCreate(channel.Settings[key], UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
                {
                    yield return ($"Channels:{channel.Id}:{key}", uri.GetLeftPart(UriPartial.Authority), string.Join(", ", credentials));
                }
            }
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
