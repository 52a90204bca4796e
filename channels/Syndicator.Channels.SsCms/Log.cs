using Microsoft.Extensions.Logging;

namespace Syndicator.Channels.SsCms;

/// <summary>The connector's log messages. None carries the API key.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Channel {Channel}: creating item {ItemId} in SSCMS channel {Column}")]
    public static partial void Creating(ILogger logger, string channel, string itemId, int column);

    [LoggerMessage(2, LogLevel.Information, "Channel {Channel}: item {ItemId} created as content {RemoteId}")]
    public static partial void Created(ILogger logger, string channel, string itemId, string remoteId);

    [LoggerMessage(3, LogLevel.Information, "Channel {Channel}: an earlier create of item {ItemId} did land, as content {RemoteId}; not creating again")]
    public static partial void Reconciled(ILogger logger, string channel, string itemId, string remoteId);

    [LoggerMessage(4, LogLevel.Information, "Channel {Channel}: an earlier create of item {ItemId} did not land; creating now")]
    public static partial void ReconcileFoundNothing(ILogger logger, string channel, string itemId);

    [LoggerMessage(5, LogLevel.Information, "Channel {Channel}: item {ItemId} updated in content {RemoteId}")]
    public static partial void Updated(ILogger logger, string channel, string itemId, string remoteId);

    [LoggerMessage(6, LogLevel.Information, "Channel {Channel}: item {ItemId} withdrawn (content {RemoteId} moved to the recycle bin)")]
    public static partial void Withdrawn(ILogger logger, string channel, string itemId, string remoteId);

    [LoggerMessage(7, LogLevel.Information, "Channel {Channel}: content {RemoteId} of item {ItemId} was already gone")]
    public static partial void AlreadyGone(ILogger logger, string channel, string itemId, string remoteId);

    [LoggerMessage(8, LogLevel.Warning, "Channel {Channel}: SSCMS answered {Call} with {Status}: {Message}")]
    public static partial void CallRefused(ILogger logger, string channel, string call, int status, string message);

    [LoggerMessage(9, LogLevel.Warning, "Channel {Channel}: {Call} got no answer from SSCMS (sent: {Sent}): {Error}")]
    public static partial void CallFailed(ILogger logger, string channel, string call, bool sent, string error);
}
