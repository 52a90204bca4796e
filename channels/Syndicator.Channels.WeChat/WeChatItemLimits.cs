using Syndicator.Core.Items;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// The draft field limits of WeChat (wechat-api.md §4a, from the draft/add documentation: title 32 字, author 16 字,
/// digest 128 字, content under 20,000 characters), checked at intake so nothing is ever truncated in silence.
/// </summary>
internal static class WeChatItemLimits
{
    public const int Title = 32;
    public const int Author = 16;
    public const int Digest = 128;
    public const int Content = 20_000;

    public static IEnumerable<KeyValuePair<string, string>> Check(string channel, ItemRevision item)
    {
        var overridden = item.Overrides.TryGetValue(channel, out var o) ? o : null;
        if (item.TitleFor(channel).Length > Title)
        {
            yield return Problem(
                !string.IsNullOrWhiteSpace(overridden?.Title) ? $"overrides.{channel}.title" : "title",
                $"{item.TitleFor(channel).Length} characters is over WeChat's title limit of {Title}; give a shorter title in overrides.{channel}.title.");
        }

        if (item.SummaryFor(channel) is { } digest && digest.Length > Digest)
        {
            yield return Problem(
                !string.IsNullOrWhiteSpace(overridden?.Summary) ? $"overrides.{channel}.summary" : "summary",
                $"{digest.Length} characters is over WeChat's digest limit of {Digest}; give a shorter summary in overrides.{channel}.summary.");
        }

        if (item.Publisher.Length > Author)
        {
            yield return Problem("publisher", $"{item.Publisher.Length} characters is over WeChat's author limit of {Author}.");
        }

        if (item.BodyHtml.Length >= Content)
        {
            yield return Problem("body.content", $"{item.BodyHtml.Length} characters of HTML is over WeChat's content limit of {Content}.");
        }
    }

    private static KeyValuePair<string, string> Problem(string field, string message) => KeyValuePair.Create(field, message);
}
