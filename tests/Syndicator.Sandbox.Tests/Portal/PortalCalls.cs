using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;

namespace Syndicator.Sandbox.Tests.Portal;

/// <summary>Raw receive-interface calls over HTTP, as the public client makes them (platform-truth §4) unless told otherwise.</summary>
internal static class PortalCalls
{
    public const string Receive = "portal/jcms/interface/receive.jsp";

    /// <summary>The public client's URL: the credentials in the query string (§4).</summary>
    public static string WithCredentials(string userId = SandboxCredentials.PortalUserId, string password = SandboxCredentials.PortalPassword) =>
        $"{Receive}?userid={Uri.EscapeDataString(userId)}&password={Uri.EscapeDataString(password)}&charset=UTF-8";

    /// <summary>A <c>main</c> document with one article; <paramref name="status"/> only for a site with an operation element.</summary>
    public static string Document(string articleFields, string? status = null, string root = "main", string beforeArticle = "") =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><{root}>" + (status is null ? "" : $"<status>{status}</status>") +
        $"{beforeArticle}<article>{articleFields}</article></{root}>";

    public static string Fields(string title = "关于做好汛期安全工作的通知", string sourceId = "txsl-1", string extra = "") =>
        $"<columnid>{SandboxCredentials.PortalColumnId}</columnid><sourceid>{sourceId}</sourceid><标题>{title}</标题>" +
        $"<正文><![CDATA[<p>正文</p>]]></正文><发布机构>桐乡市水利局</发布机构>{extra}";

    /// <summary>Posts raw XML labelled form-urlencoded, as the public client does (§4), and answers the reply's root.</summary>
    public static async Task<XElement> PostAsync(this HttpClient client, string xml, string? path = null, string mediaType = "application/x-www-form-urlencoded")
    {
        using var content = new StringContent(xml, Encoding.UTF8, new MediaTypeHeaderValue(mediaType));
        using var response = await client.PostAsync(new Uri(path ?? WithCredentials(), UriKind.Relative), content);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }

    public static async Task<XElement> AddAsync(this HttpClient client, string sourceId = "txsl-1", string extra = "", string? status = null)
    {
        var reply = await client.PostAsync(Document(Fields(sourceId: sourceId, extra: extra), status));
        Assert.True(reply.Succeeded(), reply.ToString());
        return reply;
    }

    public static bool Succeeded(this XElement reply) => reply.Element("success")?.Value == "true";

    public static string Message(this XElement reply) => reply.Element("message")!.Value;

    /// <summary>Sets the site up (<c>POST /_sandbox/portal/settings</c>).</summary>
    public static async Task SiteAsync(this HttpClient client, object settings)
    {
        using var response = await client.PostAsJsonAsync("_sandbox/portal/settings", settings);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A site whose interface names operations in <c>status</c> and does update, delete and query.</summary>
    public static Task FullSiteAsync(this HttpClient client) =>
        client.SiteAsync(new { operationElement = "status", supportsUpdate = true, supportsDelete = true, supportsQuery = true });
}
