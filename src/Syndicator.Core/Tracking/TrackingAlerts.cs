using Syndicator.Core.Alerts;
using Syndicator.Core.Storage;

namespace Syndicator.Core.Tracking;

/// <summary>The alert a recorded result calls for, if any: once per change of result, never per run.</summary>
internal static class TrackingAlerts
{
    public const string Kind = "item.tracking";

    public static Alert? For(TrackingWrite write, TrackingResult result, string title, Uri? url)
    {
        var subject = $"{result.Channel}/{result.ItemId}";
        var where = url is null ? $"{result.Channel} ({result.ItemId})" : url.ToString();
        return (write, result.Status) switch
        {
            (TrackingWrite.Unchanged, _) => null,
            (TrackingWrite.First, LiveStatus.Verified) => null,
            (TrackingWrite.Changed, LiveStatus.Verified) => new Alert(Kind, AlertSeverity.Resolved, subject,
                $"已恢复一致：{title}", $"{where} matches what was approved again. {result.Detail}", result.CheckedAt),
            (_, LiveStatus.Changed) => new Alert(Kind, AlertSeverity.Critical, subject,
                $"已发布内容被改动：{title}",
                $"{where} no longer shows what was approved: {result.Detail}. Check the platform; republish the item to restore it.",
                result.CheckedAt),
            (_, LiveStatus.Missing) => new Alert(Kind, AlertSeverity.Critical, subject,
                $"已发布内容不存在：{title}",
                $"{where} is gone: {result.Detail}. If nobody withdrew it on purpose, republish the item.", result.CheckedAt),
            _ => new Alert(Kind, AlertSeverity.Warning, subject,
                $"已发布页面无法访问：{title}", $"{where} could not be checked: {result.Detail}.", result.CheckedAt),
        };
    }
}
