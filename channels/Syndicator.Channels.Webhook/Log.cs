using Microsoft.Extensions.Logging;

namespace Syndicator.Channels.Webhook;

/// <summary>The connector's log messages. None carries the secret or a configured header's value.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Channel {Channel}: {Type} of item {ItemId} delivered as {WebhookId} ({Status})")]
    public static partial void Delivered(ILogger logger, string channel, string type, string itemId, string webhookId, int status);

    [LoggerMessage(2, LogLevel.Warning, "Channel {Channel}: the receiver answered {Type} of item {ItemId} with {Status}")]
    public static partial void Refused(ILogger logger, string channel, string type, string itemId, int status);

    [LoggerMessage(3, LogLevel.Warning, "Channel {Channel}: {Type} of item {ItemId} got no answer (sent: {Sent}): {Error}")]
    public static partial void NoAnswer(ILogger logger, string channel, string type, string itemId, bool sent, string? error);
}
