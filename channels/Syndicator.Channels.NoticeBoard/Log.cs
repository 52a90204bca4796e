using Microsoft.Extensions.Logging;

namespace Syndicator.Channels.NoticeBoard;

/// <summary>The connector's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Channel {Channel}: the notice of item {ItemId} was cut at {Pages} pages (bound or deadline); it says the rest is in the original")]
    public static partial void Cut(ILogger logger, string channel, string itemId, int pages);

    [LoggerMessage(2, LogLevel.Error, "Channel {Channel}: the test notice did not render")]
    public static partial void RenderFailed(ILogger logger, string channel, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "Channel {Channel}: the notice of item {ItemId} has characters its fonts lack, printed as boxes: {Missing}")]
    public static partial void MissingGlyphs(ILogger logger, string channel, string itemId, string missing);
}
