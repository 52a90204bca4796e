using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Syndicator.Sandbox.Tests.Approval;

/// <summary>Raw WCM calls over HTTP, as a client would make them: a form login, then post-data envelopes with the session cookie.</summary>
internal static class ApprovalCalls
{
    public const string Center = "approval/wcm/center.do";

    /// <summary>A client that keeps no cookies of its own: each call carries exactly the session the test names.</summary>
    public static HttpClient CreateClient(Testing.Sandbox.SandboxServer sandbox) =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = sandbox.BaseAddress };

    /// <summary>
    /// Logs in; answers the JSESSIONID when the login succeeded (a 302, T1; null otherwise), the answer's body, and the
    /// cookie the answer set whatever it was (T1: every answer sets one).
    /// </summary>
    public static async Task<(string? Session, string Body, string? Cookie, HttpStatusCode Status)> LoginAsync(
        this HttpClient client, string userName = SandboxCredentials.ApprovalUserName, string password = SandboxCredentials.ApprovalPassword,
        bool forceKick = false, string? ownSession = null)
    {
        using var form = new FormUrlEncodedContent([new("UserName", userName), new("PassWord", password), .. forceKick ? [new KeyValuePair<string, string>("ForceKick", "true")] : Array.Empty<KeyValuePair<string, string>>()]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "approval/wcm/app/login_dowith.jsp") { Content = form };
        if (ownSession is not null)
        {
            request.Headers.Add("Cookie", $"JSESSIONID={ownSession}");
        }

        using var response = await client.SendAsync(request);
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault(v => v.StartsWith("JSESSIONID=", StringComparison.Ordinal)) : null;
        var id = cookie?["JSESSIONID=".Length..].Split(';')[0];
        return (response.StatusCode == HttpStatusCode.Redirect ? id : null, await response.Content.ReadAsStringAsync(), id, response.StatusCode);
    }

    public static async Task<WcmAnswer> CallAsync(this HttpClient client, string? session, string service, string method, params (string Name, string Value)[] parameters)
    {
        var data = new XElement(
            "post-data",
            new XElement("method", new XAttribute("type", method), service),
            new XElement("parameters", parameters.Select(p => new XElement(p.Name, new XCData(p.Value)))));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Center}?serviceid={service}&methodname={method}")
        {
            // The Java client labels raw XML as a form post; the emulator must sniff the body.
            Content = new StringContent(data.ToString(), Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (session is not null)
        {
            request.Headers.Add("Cookie", $"JSESSIONID={session}");
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var root = body.Length == 0 ? new XElement("empty") : XElement.Parse(body);
        return new WcmAnswer(response.StatusCode, response.Headers.Contains("TRSNotLogin"), response.Headers.Contains("TRSException"), root);
    }

    public static Task<WcmAnswer> SaveAsync(this HttpClient client, string session, int objectId, string title, params (string Name, string Value)[] more) =>
        client.CallAsync(session, "wcm6_document", "save", [("ObjectId", objectId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("ChannelId", "101"), ("DOCTYPE", "20"), ("DOCTITLE", title), ("DOCHTMLCON", "<p>正文</p>"), .. more]);
}

internal sealed record WcmAnswer(HttpStatusCode Status, bool NotLoggedIn, bool TrsException, XElement Root)
{
    public bool IsFault => Root.Name.LocalName == "fault";

    public string? FaultCode => IsFault ? Root.Element("code")?.Value : null;

    public string? FaultMessage => IsFault ? Root.Element("message")?.Value : null;

    public string Text(string name) => Root.Element(name)?.Value ?? throw new InvalidOperationException($"no {name} in {Root}");
}
