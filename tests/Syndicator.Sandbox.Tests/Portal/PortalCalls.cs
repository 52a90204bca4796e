using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace Syndicator.Sandbox.Tests.Portal;

/// <summary>Raw receive-interface calls over HTTP, as a client of the protocol would make them.</summary>
internal static class PortalCalls
{
    public const string Receive = "portal/jcms/interface/receive.jsp";

    /// <summary>A <c>main</c> document: status, the sandbox's credentials (unless <paramref name="withCredentials"/> is false), the article's fields.</summary>
    public static string Document(string status, string articleFields, bool withCredentials = true, string password = SandboxCredentials.PortalPassword) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><main><status>{status}</status>" +
        (withCredentials ? $"<userid>{SandboxCredentials.PortalUserId}</userid><password>{password}</password>" : "") +
        $"<article>{articleFields}</article></main>";

    public static string Fields(string title = "关于做好汛期安全工作的通知", string sourceId = "txsl-1", string extra = "") =>
        $"<columnid>{SandboxCredentials.PortalColumnId}</columnid><sourceid>{sourceId}</sourceid><标题>{title}</标题>" +
        $"<正文><![CDATA[<p>正文</p>]]></正文><发布机构>桐乡市水利局</发布机构>{extra}";

    public static async Task<XElement> PostAsync(this HttpClient client, string xml, string path = Receive, string mediaType = "text/xml")
    {
        using var content = new StringContent(xml, Encoding.UTF8, new MediaTypeHeaderValue(mediaType));
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }

    public static async Task<XElement> AddAsync(this HttpClient client, string sourceId = "txsl-1", string extra = "")
    {
        var reply = await client.PostAsync(Document("A", Fields(sourceId: sourceId, extra: extra)));
        Assert.Equal("0", reply.Element("errorcode")?.Value);
        return reply;
    }

    public static string Code(this XElement reply) => reply.Element("errorcode")!.Value;

    public static string Message(this XElement reply) => reply.Element("message")!.Value;
}
