using Microsoft.Extensions.Configuration;
using Syndicator.Sandbox;

namespace Syndicator.Host.Hosting;

/// <summary>
/// Points the channels of the default profile at a running sandbox: each channel that has an emulator gets the
/// emulator's base URL (<c>{sandbox}/{channel id}</c>) and the sandbox's credentials, and may read its pages on
/// loopback (<c>AllowPrivateAddresses</c>: the page hosts are those of the emulator's addresses).
/// </summary>
internal static class SandboxProfile
{
    private const string OnePixelPng =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    /// <summary>Policy documents (政策文件) go to the platform's second column, as a real catalogue would file them.</summary>
    private static void Columns(IConfiguration configuration, Dictionary<string, string?> settings, string channel, int policyColumn)
    {
        var categories = configuration.GetSection("Catalogue:Categories").GetChildren().ToList();
        var policy = categories.FindIndex(c => c["Name"] == "政策文件");
        if (policy >= 0)
        {
            settings[$"Catalogue:Categories:{policy}:ChannelColumns:{channel}"] = Text(policyColumn);
        }
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Webhook(Dictionary<string, string?> settings, string prefix, string root)
    {
        settings[prefix + "Url"] = $"{root}/webhook/events";
        settings[prefix + "Secret"] = SandboxCredentials.WebhookSecret;
    }

    public static Dictionary<string, string?> Settings(IConfiguration configuration, Uri sandbox)
    {
        var root = sandbox.ToString().TrimEnd('/');
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var channel in configuration.GetSection("Channels").GetChildren())
        {
            var prefix = $"Channels:{channel.Key}:";
            if (channel["Connector"] is "sscms" or "wechat" or "jcms" or "trswcm")
            {
                // The emulators' pages are on loopback, which a channel's page client refuses unless told otherwise.
                settings[prefix + "AllowPrivateAddresses"] = "true";
            }

            switch (channel["Connector"])
            {
                case "sscms":
                    settings[prefix + "BaseUrl"] = $"{root}/{channel.Key}";
                    settings[prefix + "SiteUrl"] = $"{root}/{channel.Key}/site";
                    settings[prefix + "ApiKey"] = SandboxCredentials.BureauApiKey;
                    settings[prefix + "SiteId"] = Text(SandboxCredentials.BureauSiteId);
                    settings[prefix + "ChannelId"] = Text(SandboxCredentials.BureauChannelId);

                    // The emulator's page template puts the body in div.article-content (a site's own template, S9).
                    settings[prefix + "Page:BodySelector"] = "div.article-content";
                    break;
                case "wechat":
                    settings[prefix + "ApiBaseUrl"] = $"{root}/{channel.Key}";
                    settings[prefix + "FallbackApiBaseUrl"] = $"{root}/{channel.Key}";
                    settings[prefix + "AppId"] = SandboxCredentials.WeChatAppId;
                    settings[prefix + "AppSecret"] = SandboxCredentials.WeChatAppSecret;
                    settings[prefix + "DefaultCoverBase64"] = OnePixelPng;
                    settings[prefix + "DefaultCoverMediaType"] = "image/png";

                    // The emulator finishes publish jobs in seconds; asking every second keeps the demo quick (each ask
                    // still spends the day's freepublish/get budget, as on the platform).
                    for (var i = 0; i < 4; i++)
                    {
                        settings[$"{prefix}PublishPollSchedule:{Text(i)}"] = "00:00:01";
                    }

                    // The emulator takes a submitted draft out of the box within the request, on loopback: a draft still
                    // there a quarter of a minute after a lost submit was not submitted.
                    settings[prefix + "SubmitSettleWindow"] = "00:00:15";
                    break;
                case "jcms":
                    settings[prefix + "BaseUrl"] = $"{root}/{channel.Key}/";
                    settings[prefix + "UserId"] = SandboxCredentials.PortalUserId;
                    settings[prefix + "Password"] = SandboxCredentials.PortalPassword;
                    settings[prefix + "ColumnId"] = Text(SandboxCredentials.PortalColumnId);
                    Columns(configuration, settings, channel.Key, SandboxCredentials.PortalPolicyColumnId);

                    // The emulator's reply shape, list page and page template (docs/channels/jcms.md), and a site that takes
                    // updates, withdrawals and queries: the sandbox command and demo start the portal so
                    // (SandboxOptions.PortalTakesChanges); the connector's own default is adds only (platform-truth §4).
                    foreach (var (key, value) in Syndicator.Sandbox.Portal.PortalConnectorSettings.Default.Concat(Syndicator.Sandbox.Portal.PortalConnectorSettings.FullInterface))
                    {
                        settings[prefix + key] = value;
                    }
                    break;
                case "trswcm":
                    settings[prefix + "BaseUrl"] = $"{root}/{channel.Key}/";
                    settings[prefix + "UserName"] = SandboxCredentials.ApprovalUserName;
                    settings[prefix + "Password"] = SandboxCredentials.ApprovalPassword;
                    settings[prefix + "ChannelId"] = Text(SandboxCredentials.ApprovalChannelId);
                    settings[prefix + "Mode"] = "metaview";
                    settings[prefix + "PageUrlRule"] = $"{root}/{channel.Key}/site/{{channelId}}/{{yyyyMM}}/t{{yyyyMMdd}}_{{docId}}.html";
                    settings[prefix + "Page:TitleSelector"] = "h1.article-title";
                    settings[prefix + "Page:BodySelector"] = "#zoom";
                    Columns(configuration, settings, channel.Key, SandboxCredentials.ApprovalNoticeChannelId);
                    break;
                case "webhook":
                    Webhook(settings, prefix, root);
                    break;
                default:
                    break;
            }
        }

        // A generic webhook channel on the sandbox's receiver, off unless the configuration turns it on
        // (Channels:webhook:Enabled=true). Off, it is not defined at all: a disabled channel would still be listed (the
        // channel overview, the annual report), and the default profile's channels, routing and reports stay as they are.
        if (configuration["Channels:webhook:Connector"] is null
            && bool.TryParse(configuration["Channels:webhook:Enabled"], out var webhook) && webhook)
        {
            settings["Channels:webhook:Connector"] = "webhook";
            settings["Channels:webhook:DisplayName"] = "Webhook receiver";
            Webhook(settings, "Channels:webhook:", root);
        }

        // The office system's stand-in: events to the sandbox's receiver, which verifies them, when the configuration
        // turns the subscription on (Events:Subscriptions:office:Enabled=true) and gives it no address of its own (a secret
        // of its own is kept: the receiver then refuses every signature, as a real one would).
        if (configuration["Events:Subscriptions:office:Url"] is null
            && bool.TryParse(configuration["Events:Subscriptions:office:Enabled"], out var office) && office)
        {
            settings["Events:Subscriptions:office:Url"] = $"{root}/_sandbox/events";
            settings["Events:Subscriptions:office:Secret"] = configuration["Events:Subscriptions:office:Secret"] ?? SandboxCredentials.EventsSecret;
        }

        // The portal needs 索引号; a configuration without an organisation code gets the sandbox's.
        if (string.IsNullOrWhiteSpace(configuration["Publisher:OrganisationCode"]))
        {
            settings["Publisher:OrganisationCode"] = SandboxCredentials.OrganisationCode;
        }

        return settings;
    }
}
