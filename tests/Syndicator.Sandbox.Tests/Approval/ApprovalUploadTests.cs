using System.Xml.Linq;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Sandbox.Tests.Approval;

public sealed class ApprovalUploadTests
{
    [Fact]
    public async Task Upload_ThenSaveAppendixes_FileServedAndListedOnTheDocument()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = ApprovalCalls.CreateClient(sandbox);
        var session = (await client.LoginAsync()).Session!;
        await client.SaveAsync(session, 0, "附件测试");
        byte[] bytes = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31];

        var showName = await UploadAsync(client, session, "pdf", bytes);
        var xml = new XElement("OBJECTS", new XElement("OBJECT", new XAttribute("ID", "0"), new XAttribute("APPFILE", showName), new XAttribute("APPDESC", "通知.pdf"), new XAttribute("APPFLAG", "10")));
        var saved = await client.CallAsync(session, "wcm6_document", "saveAppendixes", ("DocId", "1"), ("AppendixType", "10"), ("AppendixesXML", xml.ToString()));

        Assert.StartsWith("U0", showName, StringComparison.Ordinal);
        Assert.EndsWith(".pdf", showName, StringComparison.Ordinal);
        Assert.False(saved.IsFault);
        Assert.Equal(bytes, await client.GetByteArrayAsync(new Uri($"approval/site/files/{showName}", UriKind.Relative)));
        var appendix = Assert.Single(Assert.Single(await sandbox.Control.GetArticlesAsync("approval")).Metadata["appendixes"]!.AsArray())!;
        Assert.Equal("通知.pdf", appendix["appDesc"]!.GetValue<string>());
    }

    [Fact]
    public async Task SaveAppendixes_FileNeverUploaded_FaultNamingAppendixesXml()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = ApprovalCalls.CreateClient(sandbox);
        var session = (await client.LoginAsync()).Session!;
        await client.SaveAsync(session, 0, "附件测试");

        var answer = await client.CallAsync(session, "wcm6_document", "saveAppendixes", ("DocId", "1"), ("AppendixType", "10"), ("AppendixesXML", "<OBJECTS><OBJECT ID='0' APPFILE='U0nothing.pdf'/></OBJECTS>"));

        Assert.Equal("10", answer.FaultCode);
        Assert.Contains("AppendixesXML", answer.FaultMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithoutFileExt_FaultNamingTheHeader()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = ApprovalCalls.CreateClient(sandbox);
        var session = (await client.LoginAsync()).Session!;

        using var request = new HttpRequestMessage(HttpMethod.Post, "approval/wcm/fileuploader.do") { Content = new ByteArrayContent([1, 2, 3]) };
        request.Headers.Add("Cookie", $"JSESSIONID={session}");
        using var response = await client.SendAsync(request);
        var fault = XElement.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("10", fault.Element("code")!.Value);
        Assert.Contains("FileExt", fault.Element("message")!.Value, StringComparison.Ordinal);
    }

    private static async Task<string> UploadAsync(HttpClient client, string session, string extension, byte[] bytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "approval/wcm/fileuploader.do") { Content = new ByteArrayContent(bytes) };
        request.Headers.Add("Cookie", $"JSESSIONID={session}");
        request.Headers.Add("FileExt", extension);
        using var response = await client.SendAsync(request);
        var root = XElement.Parse(await response.Content.ReadAsStringAsync());
        return root.Element("ShowName")?.Value ?? throw new InvalidOperationException(root.ToString());
    }
}
