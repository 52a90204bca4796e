using Microsoft.Extensions.Configuration;
using Syndicator.Sandbox;

namespace Syndicator.Host.Hosting;

/// <summary>
/// Points the channels of the default profile at a running sandbox: each channel that has an emulator gets the
/// emulator's base URL (<c>{sandbox}/{channel id}</c>) and the sandbox's credentials.
/// </summary>
internal static class SandboxProfile
{
    private const string OnePixelPng =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    public static Dictionary<string, string?> Settings(IConfiguration configuration, Uri sandbox)
    {
        var root = sandbox.ToString().TrimEnd('/');
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var channel in configuration.GetSection("Channels").GetChildren())
        {
            var prefix = $"Channels:{channel.Key}:";
            switch (channel["Connector"])
            {
                case "sscms":
                    settings[prefix + "BaseUrl"] = $"{root}/{channel.Key}";
                    settings[prefix + "SiteUrl"] = $"{root}/{channel.Key}/site";
                    settings[prefix + "ApiKey"] = SandboxCredentials.BureauApiKey;
                    settings[prefix + "SiteId"] = SandboxCredentials.BureauSiteId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    settings[prefix + "ChannelId"] = SandboxCredentials.BureauChannelId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "wechat":
                    settings[prefix + "ApiBaseUrl"] = $"{root}/{channel.Key}";
                    settings[prefix + "FallbackApiBaseUrl"] = $"{root}/{channel.Key}";
                    settings[prefix + "AppId"] = SandboxCredentials.WeChatAppId;
                    settings[prefix + "AppSecret"] = SandboxCredentials.WeChatAppSecret;
                    settings[prefix + "DefaultCoverBase64"] = OnePixelPng;
                    settings[prefix + "DefaultCoverMediaType"] = "image/png";

                    // The emulator finishes publish jobs in seconds; asking every second keeps the demo quick.
                    settings[prefix + "PublishPollInterval"] = "00:00:01";
                    break;
                default:
                    break;
            }
        }

        return settings;
    }
}
