using Microsoft.Extensions.Logging;

namespace Syndicator.Channels.Jcms;

/// <summary>The connector's log messages. None carries the password; endpoints and texts from outside are logged redacted.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Channel {Channel}: adding item {ItemId} to portal column {Column}")]
    public static partial void Adding(ILogger logger, string channel, string itemId, int column);

    [LoggerMessage(2, LogLevel.Information, "Channel {Channel}: item {ItemId} added as article {RemoteId}")]
    public static partial void Added(ILogger logger, string channel, string itemId, string remoteId);

    [LoggerMessage(3, LogLevel.Information, "Channel {Channel}: an earlier add of item {ItemId} did land, as article {RemoteId}; not adding again")]
    public static partial void Reconciled(ILogger logger, string channel, string itemId, string remoteId);

    [LoggerMessage(4, LogLevel.Information, "Channel {Channel}: an earlier add of item {ItemId} did not land; adding now")]
    public static partial void ReconcileFoundNothing(ILogger logger, string channel, string itemId);

    [LoggerMessage(5, LogLevel.Information, "Channel {Channel}: item {ItemId} updated in article {RemoteId}")]
    public static partial void Updated(ILogger logger, string channel, string itemId, string remoteId);

    [LoggerMessage(6, LogLevel.Information, "Channel {Channel}: item {ItemId} withdrawn (article {RemoteId} deleted)")]
    public static partial void Withdrawn(ILogger logger, string channel, string itemId, string remoteId);

    [LoggerMessage(7, LogLevel.Information, "Channel {Channel}: {Operation} of item {ItemId} handed off to the portal's back office: the interface does not support it here")]
    public static partial void HandedOff(ILogger logger, string channel, string operation, string itemId);

    [LoggerMessage(8, LogLevel.Warning, "Channel {Channel}: the portal answered {Call} with HTTP {Code}: {Excerpt}")]
    public static partial void CallRefused(ILogger logger, string channel, string call, string code, string excerpt);

    [LoggerMessage(9, LogLevel.Warning, "Channel {Channel}: {Call} got no answer from the portal at {Endpoint} (sent: {Sent}): {Error}")]
    public static partial void CallFailed(ILogger logger, string channel, string call, string endpoint, bool sent, string error);

    [LoggerMessage(11, LogLevel.Warning,
        "Channel {Channel}: Envelope:Credentials is Query, the public client's form: the interface password travels in the URL of every call to {Endpoint}, " +
        "where proxies and access logs keep it. Use HTTPS or the government extranet, and ask the portal whether it reads them from the XML (Xml) or a header (Header).")]
    public static partial void QueryCredentials(ILogger logger, string channel, string endpoint);
}
