using Microsoft.Extensions.Logging;

namespace Syndicator.Channels.TrsWcm;

/// <summary>The connector's log messages. None carries the password or the session id.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Channel {Channel}: creating item {ItemId} in WCM channel {Column}")]
    public static partial void Creating(ILogger logger, string channel, string itemId, int column);

    [LoggerMessage(2, LogLevel.Information, "Channel {Channel}: item {ItemId} saved as document {RemoteId}")]
    public static partial void Created(ILogger logger, string channel, string itemId, int remoteId);

    [LoggerMessage(3, LogLevel.Information, "Channel {Channel}: an earlier create of item {ItemId} did land, as document {RemoteId}; not creating again")]
    public static partial void Reconciled(ILogger logger, string channel, string itemId, int remoteId);

    [LoggerMessage(4, LogLevel.Information, "Channel {Channel}: an earlier create of item {ItemId} did not land; creating now")]
    public static partial void ReconcileFoundNothing(ILogger logger, string channel, string itemId);

    [LoggerMessage(5, LogLevel.Information, "Channel {Channel}: item {ItemId} published as document {RemoteId}")]
    public static partial void Published(ILogger logger, string channel, string itemId, int remoteId);

    [LoggerMessage(6, LogLevel.Information, "Channel {Channel}: item {ItemId} withdrawn (document {RemoteId} moved to the recycle bin)")]
    public static partial void Withdrawn(ILogger logger, string channel, string itemId, int remoteId);

    [LoggerMessage(7, LogLevel.Information, "Channel {Channel}: document {RemoteId} of item {ItemId} was already gone")]
    public static partial void AlreadyGone(ILogger logger, string channel, string itemId, int remoteId);

    [LoggerMessage(8, LogLevel.Warning, "Channel {Channel}: WCM answered {Call} with {Code}: {Message}")]
    public static partial void CallRefused(ILogger logger, string channel, string call, string code, string message);

    [LoggerMessage(9, LogLevel.Warning, "Channel {Channel}: {Call} got no answer from WCM (sent: {Sent}): {Error}")]
    public static partial void CallFailed(ILogger logger, string channel, string call, bool sent, string error);

    [LoggerMessage(11, LogLevel.Information, "Channel {Channel}: logged in to WCM as {UserName}")]
    public static partial void LoggedIn(ILogger logger, string channel, string userName);

    [LoggerMessage(12, LogLevel.Warning, "Channel {Channel}: WCM refused the login of {UserName} ({Reason})")]
    public static partial void LoginFailed(ILogger logger, string channel, string userName, string reason);

    [LoggerMessage(13, LogLevel.Information, "Channel {Channel}: the WCM session had expired at {Call}; logging in again once")]
    public static partial void SessionExpired(ILogger logger, string channel, string call);
}
