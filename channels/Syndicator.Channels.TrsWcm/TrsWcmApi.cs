using System.Xml.Linq;
using RestSharp;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.TrsWcm;

/// <summary>
/// WCM's HTTP endpoints over RestSharp, on the channel's named <see cref="HttpClient"/>: the login form, the
/// <c>center.do</c> RPC (an XML <c>post-data</c> envelope) and the <c>fileuploader.do</c> upload. Every call answers a
/// <see cref="TrsWcmAnswer"/>; none throws for HTTP or network failures.
/// </summary>
internal sealed class TrsWcmApi : IDisposable
{
    public const string SessionCookie = "JSESSIONID";

    private readonly RestClient _rest;
    private readonly TrsWcmChannelOptions _options;

    public TrsWcmApi(HttpClient httpClient, TrsWcmChannelOptions options)
    {
        // A trailing slash keeps the base's own path ("/approval") when RestSharp joins it with a resource.
        var baseUrl = new Uri(options.BaseUrl!.AbsoluteUri.TrimEnd('/') + "/wcm/");
        _rest = new RestClient(httpClient, new RestClientOptions(baseUrl), disposeHttpClient: false);
        _options = options;
    }

    /// <summary>
    /// <c>POST app/login_dowith.jsp</c> with <c>UserName</c> and <c>PassWord</c> as a form body (never the query string:
    /// URLs end up in access logs). A login changes nothing and may be repeated. The session id is the
    /// <c>JSESSIONID</c> cookie of the answer; null when none was set (refused).
    /// </summary>
    public async Task<(string? SessionId, TrsWcmAnswer Answer)> LoginAsync(CancellationToken cancellationToken)
    {
        var request = Safe(new RestRequest("app/login_dowith.jsp", Method.Post)
            .AddParameter("UserName", _options.UserName, ParameterType.GetOrPost)
            .AddParameter("PassWord", _options.Password, ParameterType.GetOrPost));
        request.AlwaysMultipartFormData = false;
        var answer = await SendAsync(request, cancellationToken);
        var session = SessionOf(answer.Response);
        answer.LoginRefused = session is null && answer.Answered && (answer.Fault is not null || answer.Response.IsSuccessStatusCode);
        return (session, answer);
    }

    /// <summary>
    /// <c>POST center.do?serviceid=…&amp;methodname=…</c> with the call as <c>post-data</c>:
    /// <c>&lt;method type="METHOD"&gt;SERVICE&lt;/method&gt;</c> and one CDATA element per parameter (reference §1.2).
    /// </summary>
    public Task<TrsWcmAnswer> CallAsync(TrsWcmCall call, string sessionId, CancellationToken cancellationToken)
    {
        var request = new RestRequest("center.do", Method.Post)
            .AddQueryParameter("serviceid", call.Service)
            .AddQueryParameter("methodname", call.Method)
            .AddStringBody(PostData(call), ContentType.Xml);
        return SendAsync(WithSession(call.Idempotent ? Safe(request) : request, sessionId), cancellationToken);
    }

    /// <summary>
    /// <c>POST fileuploader.do</c> with the raw bytes and a <c>FileExt</c> header; the answer's <c>ShowName</c> names the
    /// stored file. Not marked safe to repeat: a repeat stores a second (unused) file.
    /// </summary>
    public Task<TrsWcmAnswer> UploadAsync(string extension, byte[] content, string sessionId, CancellationToken cancellationToken)
    {
        var request = new RestRequest("fileuploader.do", Method.Post)
            .AddHeader("FileExt", extension)
            .AddHeader("TargetFlag", "U0")
            .AddBody(content, "application/octet-stream");
        return SendAsync(WithSession(request, sessionId), cancellationToken);
    }

    public void Dispose() => _rest.Dispose();

    internal static string PostData(TrsWcmCall call)
    {
        var method = new XElement("method", new XAttribute("type", call.Method), call.Service);
        var data = new XElement("post-data", method);
        if (call.Parameters.Count > 0)
        {
            data.Add(new XElement("parameters", call.Parameters.Select(p => new XElement(p.Key, new XCData(p.Value)))));
        }

        return new XDocument(new XDeclaration("1.0", "UTF-8", null), data).Declaration + data.ToString(SaveOptions.DisableFormatting);
    }

    private static RestRequest WithSession(RestRequest request, string sessionId) =>
        request.AddHeader("Cookie", $"{SessionCookie}={sessionId}");

    /// <summary>Marks a call the inner retry layer may repeat (see <see cref="TrsWcmCall.Idempotent"/>).</summary>
    private static RestRequest Safe(RestRequest request)
    {
        request.Interceptors = [IdempotentMark.Instance];
        return request;
    }

    private static string? SessionOf(RestResponse response)
    {
        var fromCookies = response.Cookies?.FirstOrDefault(c => c.Name == SessionCookie)?.Value;
        if (!string.IsNullOrEmpty(fromCookies))
        {
            return fromCookies;
        }

        var header = response.Headers?
            .Where(h => string.Equals(h.Name, "Set-Cookie", StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Value)
            .FirstOrDefault(v => v is not null && v.StartsWith(SessionCookie + "=", StringComparison.Ordinal));
        var value = header?[(SessionCookie.Length + 1)..].Split(';')[0];
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private async Task<TrsWcmAnswer> SendAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var response = await _rest.ExecuteAsync(request, cancellationToken);

        // RestSharp turns a cancelled call into a response; the dispatcher expects the cancellation itself.
        cancellationToken.ThrowIfCancellationRequested();
        return new TrsWcmAnswer(response);
    }
}

/// <summary>
/// One <c>center.do</c> call. <paramref name="Idempotent"/>: safe for the inner retry layer to repeat — reads, a save of
/// an existing id (it sets fields), delete, metadata and appendix saves, publish. A save with <c>ObjectId</c> 0 never is:
/// a repeat is a second document.
/// </summary>
internal sealed record TrsWcmCall(string Service, string Method, IReadOnlyList<KeyValuePair<string, string>> Parameters, bool Idempotent);
