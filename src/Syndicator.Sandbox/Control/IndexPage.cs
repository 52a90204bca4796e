using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Syndicator.Sandbox.Channels;

namespace Syndicator.Sandbox.Control;

/// <summary><c>GET /</c>: what every emulated platform holds, with links to the published pages, for people to look at.</summary>
internal static class IndexPage
{
    // Encodes markup characters only: Chinese titles stay readable in the page source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static IEndpointRouteBuilder MapSandboxIndexPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Render);
        return app;
    }

    public static ContentHttpResult Render(SandboxChannels channels)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>Syndicator 沙箱</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em}.deleted{color:#999;text-decoration:line-through}</style>")
            .Append("</head><body><h1>Syndicator 沙箱 — 模拟发布平台</h1>");
        foreach (var channel in channels.All)
        {
            AppendChannel(html, channel);
        }

        html.Append("</body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static void AppendChannel(StringBuilder html, SandboxChannel channel)
    {
        var name = Html.Encode(channel.Name);
        var articles = channel.Emulator.Articles();
        html.Append(CultureInfo.InvariantCulture, $"<h2>{Html.Encode(channel.Emulator.DisplayName)} (<code>/{name}</code>)</h2>")
            .Append(CultureInfo.InvariantCulture, $"<p>{articles.Count} 篇 · <a href=\"/_sandbox/{name}/articles\">articles</a> · <a href=\"/_sandbox/{name}/stats\">stats</a></p>");
        if (articles.Count == 0)
        {
            html.Append("<p>（暂无文章）</p>");
            return;
        }

        html.Append("<table><tr><th>remoteId</th><th>标题</th><th>更新时间</th><th>状态</th></tr>");
        foreach (var article in articles)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{(article.Deleted ? "deleted" : "live")}\"><td>{Html.Encode(article.RemoteId)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td><a href=\"{Html.Encode(article.Url)}\">{Html.Encode(article.Title ?? "（无标题）")}</a></td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{article.UpdatedAt:u}</td><td>{(article.Deleted ? "已删除" : "有效")}</td></tr>");
        }

        html.Append("</table>");
    }
}
