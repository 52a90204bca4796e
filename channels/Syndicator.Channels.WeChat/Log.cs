using Microsoft.Extensions.Logging;

namespace Syndicator.Channels.WeChat;

/// <summary>The connector's log messages. None carries the AppSecret or an access token.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Channel {Channel}: could not connect to {Host} for {Call}; trying the fallback host")]
    public static partial void FallingBack(ILogger logger, string channel, string call, string host);

    [LoggerMessage(2, LogLevel.Information, "Channel {Channel}: access token fetched (stable_token, normal mode), valid until {ExpiresAt}")]
    public static partial void TokenFetched(ILogger logger, string channel, DateTimeOffset expiresAt);

    [LoggerMessage(3, LogLevel.Information, "Channel {Channel}: another process stored a token first; using theirs")]
    public static partial void TokenRaceLost(ILogger logger, string channel);

    [LoggerMessage(4, LogLevel.Warning, "Channel {Channel}: {Call} refused the access token ({Errcode}); refreshing once and retrying")]
    public static partial void TokenRefused(ILogger logger, string channel, string call, int errcode);

    [LoggerMessage(5, LogLevel.Warning, "Channel {Channel}: WeChat answered {Call} with {Code}: {Message}")]
    public static partial void CallRefused(ILogger logger, string channel, string call, string code, string message);

    [LoggerMessage(6, LogLevel.Warning, "Channel {Channel}: {Call} got no answer from WeChat (connected: {Sent}): {Error}")]
    public static partial void CallFailed(ILogger logger, string channel, string call, bool sent, string error);

    [LoggerMessage(7, LogLevel.Information, "Channel {Channel}: item {ItemId} revision {Revision}: {Step}")]
    public static partial void Step(ILogger logger, string channel, string itemId, int revision, string step);

    [LoggerMessage(8, LogLevel.Information, "Channel {Channel}: item {ItemId} published as article {ArticleId}")]
    public static partial void Published(ILogger logger, string channel, string itemId, string articleId);

    [LoggerMessage(9, LogLevel.Information, "Channel {Channel}: item {ItemId}: new article {ArticleId} replaces {OldArticleId}; old article {Action}")]
    public static partial void Replaced(ILogger logger, string channel, string itemId, string articleId, string oldArticleId, string action);

    [LoggerMessage(10, LogLevel.Information, "Channel {Channel}: item {ItemId} withdrawn (article {ArticleId} deleted)")]
    public static partial void Withdrawn(ILogger logger, string channel, string itemId, string articleId);

    [LoggerMessage(12, LogLevel.Information, "Channel {Channel}: mass-send digest of {Count} articles sent as msg_id {MsgId} (clientmsgid {ClientMsgId})")]
    public static partial void DigestSent(ILogger logger, string channel, int count, long msgId, string clientMsgId);
}
