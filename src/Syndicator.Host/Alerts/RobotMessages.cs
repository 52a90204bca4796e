using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Syndicator.Core.Alerts;

namespace Syndicator.Host.Alerts;

/// <summary>
/// An alert as a robot message, and the URL to post it to. Formats (docs/operations.md cites the sources):
/// DingTalk custom robot <c>{"msgtype":"markdown","markdown":{"title","text"}}</c>, signed when a secret is set with
/// <c>timestamp</c> (unix ms) and <c>sign</c> = URL-encoded Base64 of HMAC-SHA256(key: secret, data:
/// <c>timestamp + "\n" + secret</c>); WeCom group robot <c>{"msgtype":"markdown","markdown":{"content"}}</c>;
/// <c>json</c>: the alert's own fields.
/// </summary>
internal static class RobotMessages
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static JsonObject Body(Alert alert, WebhookOptions options)
    {
        var title = Title(alert, options.Keyword);
        return options.Format switch
        {
            WebhookFormat.DingTalk => new JsonObject
            {
                ["msgtype"] = "markdown",
                ["markdown"] = new JsonObject { ["title"] = AlertText.Plain(title, AlertText.MaxLine), ["text"] = Markdown(alert, title) },
            },
            WebhookFormat.WeCom => new JsonObject
            {
                ["msgtype"] = "markdown",
                ["markdown"] = new JsonObject { ["content"] = Markdown(alert, title) },
            },
            _ => new JsonObject
            {
                ["kind"] = alert.Kind,
                ["severity"] = alert.Severity.ToString().ToLowerInvariant(),
                ["subject"] = AlertText.Plain(alert.Subject, AlertText.MaxLine),
                ["title"] = AlertText.Plain(title, AlertText.MaxLine),
                ["text"] = AlertText.Plain(alert.Text, AlertText.MaxText, multiline: true),
                ["at"] = alert.At.ToString("O", CultureInfo.InvariantCulture),
            },
        };
    }

    /// <summary>The URL to post to: as configured, plus DingTalk's signature when a secret is set.</summary>
    public static Uri Address(WebhookOptions options, DateTimeOffset now)
    {
        var url = options.Url!;
        if (options.Format != WebhookFormat.DingTalk || string.IsNullOrEmpty(options.Secret))
        {
            return url;
        }

        var timestamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var separator = string.IsNullOrEmpty(url.Query) ? "?" : "&";
        return new Uri($"{url.AbsoluteUri}{separator}timestamp={timestamp}&sign={Uri.EscapeDataString(Sign(timestamp, options.Secret))}");
    }

    /// <summary>DingTalk's signature: Base64 of HMAC-SHA256 over <c>timestamp + "\n" + secret</c>, keyed with the secret (UTF-8).</summary>
    public static string Sign(string timestamp, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "\n" + secret)));

    private static string Title(Alert alert, string? keyword) =>
        string.IsNullOrEmpty(keyword) || alert.Title.Contains(keyword, StringComparison.Ordinal) ? alert.Title : $"[{keyword}] {alert.Title}";

    private static string Markdown(Alert alert, string title)
    {
        var level = alert.Severity switch
        {
            AlertSeverity.Critical => "严重 critical",
            AlertSeverity.Warning => "警告 warning",
            _ => "恢复 resolved",
        };
        var at = alert.At.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        // Every part that can quote a remote platform is escaped; only the frame around it is markdown.
        return $"#### {AlertText.Markdown(title, AlertText.MaxLine)}\n\n**{level}** · `{alert.Kind}` · {AlertText.Markdown(alert.Subject, AlertText.MaxLine)}\n\n" +
            $"{AlertText.Markdown(alert.Text, AlertText.MaxText, multiline: true)}\n\n> {at} (UTC+8)";
    }
}
