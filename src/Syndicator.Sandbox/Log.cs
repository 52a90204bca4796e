using Microsoft.Extensions.Logging;
using Syndicator.Sandbox.Faults;

namespace Syndicator.Sandbox;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Sandbox channel {Channel}: fault added ({Fault})")]
    public static partial void FaultAdded(ILogger logger, string channel, string fault);

    [LoggerMessage(2, LogLevel.Information, "Sandbox channel {Channel}: faults cleared")]
    public static partial void FaultsCleared(ILogger logger, string channel);

    [LoggerMessage(3, LogLevel.Debug, "Sandbox channel {Channel}: injected {Kind} into {Method} {Path}")]
    public static partial void FaultInjected(ILogger logger, string channel, FaultKind kind, string method, string path);

    [LoggerMessage(4, LogLevel.Information, "Sandbox reset: every channel emptied")]
    public static partial void SandboxReset(ILogger logger);

    [LoggerMessage(5, LogLevel.Information, "Sandbox channel {Channel}: the caller of {Path} left before the answer ({Error})")]
    public static partial void AnswerLost(ILogger logger, string channel, string path, string error);

    [LoggerMessage(6, LogLevel.Information, "Sandbox channel wechat: publish job {PublishId} finished with status {Status}")]
    public static partial void WeChatPublishJobFinished(ILogger logger, long publishId, int status);
}
