using System.Net;
using Syndicator.Core.Items;

namespace Syndicator.Host.WebConsole.Pages;

/// <summary>
/// How an item will look on one channel: the sanitized body every connector gets, with the channel's title, as a
/// whole document for a sandboxed <c>srcdoc</c> frame (never put into the console page itself). WeChat shows at
/// phone width, the sites at page width.
/// </summary>
internal sealed record ChannelPreview(string Channel, string DisplayName, bool Phone, string Document)
{
    public static ChannelPreview Of(ItemRevision item, string channel, bool phone, string displayName)
    {
        var body = ItemHtml.InlineImages(item.BodyHtml, item.Images);
        var summary = item.SummaryFor(channel) is { } s ? $"<p class=\"summary\">{WebUtility.HtmlEncode(s)}</p>" : "";
        var style = phone
            ? "body{font:17px/1.75 -apple-system,'PingFang SC',sans-serif;margin:0;padding:16px;color:#333}h1{font-size:22px;line-height:1.4}"
            : "body{font:16px/1.8 'Microsoft YaHei','PingFang SC',serif;margin:0 auto;max-width:960px;padding:24px;color:#222}h1{text-align:center;font-size:24px}";
        var document = $$"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><style>{{style}}img{max-width:100%;height:auto}.summary{color:#666}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px}</style></head>
            <body><h1>{{WebUtility.HtmlEncode(item.TitleFor(channel))}}</h1>{{summary}}{{body}}</body></html>
            """;
        return new ChannelPreview(channel, displayName, phone, document);
    }
}
