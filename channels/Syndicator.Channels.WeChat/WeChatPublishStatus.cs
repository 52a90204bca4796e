namespace Syndicator.Channels.WeChat;

/// <summary>The <c>publish_status</c> values of <c>freepublish/get</c> (reference §5b), in words an operator reads.</summary>
internal static class WeChatPublishStatus
{
    public const int Succeeded = 0;
    public const int Publishing = 1;

    public static string Meaning(int status) => status switch
    {
        2 => "原创声明失败 (originality check failed)",
        3 => "常规失败 (general failure; WeChat gives no reason)",
        4 => "平台审核不通过 (rejected by platform review)",
        5 => "成功后用户删除所有文章 (all articles deleted by a user after publishing)",
        6 => "成功后系统封禁所有文章 (all articles banned by the platform after publishing)",
        _ => $"未知发布状态 {status} (unknown publish status)",
    };
}
