using System.Text.Encodings.Web;
using System.Text.Json;

namespace Syndicator.Channels.WeChat;

internal static class WeChatJson
{
    /// <summary>
    /// Chinese is sent as is, never <c>\uXXXX</c>-escaped: escaped titles draw false 45003 answers and show as
    /// literal escapes in the editor (reference §0).
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
