using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RestSharp;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.TrsWcm;

/// <summary>
/// WCM's HTTP endpoints over RestSharp, on the channel's named <see cref="HttpClient"/> (which does not follow
/// redirects and keeps no cookies: see <see cref="TrsWcmServiceCollectionExtensions"/>): the login form, the
/// <c>center.do</c> RPC (an XML <c>post-data</c> envelope) and the <c>fileuploader.do</c> upload. Every call answers a
/// <see cref="TrsWcmAnswer"/>; none throws for HTTP or network failures.
/// </summary>
internal sealed partial class TrsWcmApi : IDisposable
{
    public const string SessionCookie = "JSESSIONID";

    private readonly RestClient _rest;
    private readonly TrsWcmChannelOptions _options;

    public TrsWcmApi(HttpClient httpClient, TrsWcmChannelOptions options)
    {
        // A trailing slash keeps the base's own path ("/approval") when RestSharp joins it with a resource.
        var baseUrl = new Uri(options.BaseUrl!.AbsoluteUri.TrimEnd('/') + "/wcm/");
        _rest = new RestClient(httpClient, new RestClientOptions(baseUrl) { FollowRedirects = false }, disposeHttpClient: false);
        _options = options;
    }

    /// <summary>
    /// <c>POST app/login_dowith.jsp</c> with <c>UserName</c> and <c>PassWord</c> as a form body (never the query string),
    /// plus <c>ForceKick=true</c> only when configured (T2). The page starts with <c>session.invalidate();
    /// getSession(true)</c>, so every answer sets a fresh <c>JSESSIONID</c>, a refusal included (T1): success is read
    /// from the answer, never from the cookie — a <c>302</c> (to <c>main.jsp</c>) or a page that only sends the browser
    /// on with a script; a page with <c>alert(…)</c> is a refusal, one with WCM's "already logged in" confirm is
    /// ERR_USER_LOGINED. <paramref name="ownSession"/>, the session this channel last had, is sent along so that the
    /// page's invalidate ends it rather than it counting as someone else's.
    /// </summary>
    public async Task<(string? SessionId, TrsWcmAnswer Answer)> LoginAsync(string? ownSession, CancellationToken cancellationToken)
    {
        var request = new RestRequest("app/login_dowith.jsp", Method.Post)
            .AddParameter("UserName", _options.UserName, ParameterType.GetOrPost)
            .AddParameter("PassWord", _options.Password, ParameterType.GetOrPost);
        if (_options.ForceKick)
        {
            request.AddParameter("ForceKick", "true", ParameterType.GetOrPost);
        }

        request.AlwaysMultipartFormData = false;
        if (ownSession is not null)
        {
            WithSession(request, ownSession);
        }

        var response = await _rest.ExecuteAsync(request, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (!HttpFailures.Answered(response))
        {
            return (null, new TrsWcmAnswer(response));
        }

        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            var session = SessionOf(response);
            return session is null
                ? (null, new TrsWcmAnswer(response, new TrsWcmLoginRefusal(false, $"WCM's login redirected (HTTP {status}) without a {SessionCookie} cookie")))
                : (session, new TrsWcmAnswer(response));
        }

        return ReadLoginPage(response);
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
    /// <c>POST fileuploader.do</c> with the raw bytes, a <c>FileExt</c> header and <c>TargetFlag</c> (T3: <c>W0</c> for
    /// pictures shown in the body, <c>U0</c> for attachments); the answer's <c>ShowName</c> names the stored file. Not
    /// marked safe to repeat: a repeat stores a second (unused) file.
    /// </summary>
    public Task<TrsWcmAnswer> UploadAsync(string extension, string targetFlag, byte[] content, string sessionId, CancellationToken cancellationToken)
    {
        var request = new RestRequest("fileuploader.do", Method.Post)
            .AddHeader("FileExt", extension)
            .AddHeader("TargetFlag", targetFlag)
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

    /// <summary>
    /// Reads a 200 login page (T1, T2; the two public copies of <c>login_dowith.jsp</c>): WCM's "already logged in"
    /// confirm (<c>bLogined = true</c> or <c>用户[…]已在[…]登录</c>), an <c>alert(…)</c> (refused), or a page that only
    /// redirects by script (<c>window.location.href="…menu.jsp"/"main.jsp"</c>: logged in, the older copy).
    /// </summary>
    private static (string? SessionId, TrsWcmAnswer Answer) ReadLoginPage(RestResponse response)
    {
        var page = response.Content ?? "";
        if (response.IsSuccessStatusCode)
        {
            if (LoginedPattern().Match(page) is { Success: true } logined)
            {
                return (null, new TrsWcmAnswer(response, new TrsWcmLoginRefusal(true, Unescape(logined.Value))));
            }

            if (page.Contains("bLogined = true", StringComparison.Ordinal) || page.Contains("bLogined=true", StringComparison.Ordinal))
            {
                return (null, new TrsWcmAnswer(response, new TrsWcmLoginRefusal(true, "用户已在别处登录 (ERR_USER_LOGINED)")));
            }

            if ((AlertPattern().Match(page) is { Success: true } a ? a : LocalizedAlertPattern().Match(page)) is { Success: true } alert)
            {
                return (null, new TrsWcmAnswer(response, new TrsWcmLoginRefusal(false, Unescape(alert.Groups["text"].Value.Trim()))));
            }

            if (ScriptRedirectPattern().IsMatch(page) && SessionOf(response) is { } session)
            {
                return (session, new TrsWcmAnswer(response));
            }
        }

        var refusal = response.IsSuccessStatusCode
            ? $"WCM's login answered a page that is neither a redirect nor a refusal: {HttpFailures.Excerpt(page)}"
            : $"WCM's login answered HTTP {(int)response.StatusCode}: {HttpFailures.Excerpt(page)}";
        return (null, new TrsWcmAnswer(response, new TrsWcmLoginRefusal(false, refusal)));
    }

    private static string Unescape(string text) => text.Replace("\\r", "", StringComparison.Ordinal).Replace("\\n", " ", StringComparison.Ordinal);

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

        var value = response.Headers?
            .Where(h => string.Equals(h.Name, "Set-Cookie", StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Value)
            .Select(v => v?.Split(',').Select(c => c.Trim()).FirstOrDefault(c => c.StartsWith(SessionCookie + "=", StringComparison.Ordinal)))
            .FirstOrDefault(v => v is not null)?[(SessionCookie.Length + 1)..].Split(';')[0];
        return string.IsNullOrEmpty(value) ? null : WebUtility.UrlDecode(value);
    }

    private async Task<TrsWcmAnswer> SendAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var response = await _rest.ExecuteAsync(request, cancellationToken);

        // RestSharp turns a cancelled call into a response; the dispatcher expects the cancellation itself.
        cancellationToken.ThrowIfCancellationRequested();
        return new TrsWcmAnswer(response);
    }

    [GeneratedRegex(@"用户\[[^\]]*\]已在\[[^\]]*\]登录[^""]*", RegexOptions.CultureInvariant)]
    private static partial Regex LoginedPattern();

    [GeneratedRegex(@"alert\s*\(\s*[""'](?<text>[^""']*)[""']", RegexOptions.CultureInvariant)]
    private static partial Regex AlertPattern();

    [GeneratedRegex(@"alert\s*\(\s*String\.format\(\s*WCMLANG\[\s*'LOGIN_DOWITH_ERRMSG'\s*\]\s*,\s*'(?<text>[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex LocalizedAlertPattern();

    [GeneratedRegex(@"location\.href\s*=\s*[""'][^""']*(menu|main)\.jsp", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptRedirectPattern();
}

/// <summary>
/// One <c>center.do</c> call. <paramref name="Idempotent"/>: safe for the inner retry layer to repeat — reads, a save of
/// an existing id (it sets fields), delete, appendix saves, publish. A save with <c>ObjectId</c> 0 never is: a repeat is
/// a second document.
/// </summary>
internal sealed record TrsWcmCall(string Service, string Method, IReadOnlyList<KeyValuePair<string, string>> Parameters, bool Idempotent);
