using System.Text.Json.Nodes;
using RestSharp;
using Syndicator.Core.Items;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// The Official Account HTTP API over RestSharp, on the channel's named <see cref="HttpClient"/>. Every call answers
/// a <see cref="WeChatAnswer"/>; none throws for HTTP or network failures. A call that cannot even connect to the
/// main host goes to the fallback host (reference §9); an answer of any kind, errcode included, is final.
/// </summary>
internal sealed class WeChatApi : IDisposable
{
    private readonly RestClient _rest;
    private readonly WeChatChannel _channel;
    private readonly Uri[] _hosts;

    public WeChatApi(HttpClient httpClient, WeChatChannel channel)
    {
        _rest = new RestClient(httpClient, new RestClientOptions(), disposeHttpClient: false);
        _channel = channel;
        _hosts = [Root(channel.Options.ApiBaseUrl), Root(channel.Options.FallbackApiBaseUrl)];
    }

    /// <summary><c>stable_token</c> in normal mode: repeatable, converges on the account's one token (reference §1b).</summary>
    public Task<WeChatAnswer> StableTokenAsync(CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["grant_type"] = "client_credential",
            ["appid"] = _channel.Options.AppId,
            ["secret"] = _channel.Options.AppSecret,
            ["force_refresh"] = false, // never forced: that would invalidate the token every other node holds
        };
        return SendAsync("stable_token", null, body, idempotent: true, cancellationToken);
    }

    /// <summary>A JSON business call, <c>POST cgi-bin/{call}?access_token=…</c>.</summary>
    public Task<WeChatAnswer> PostAsync(string call, string token, JsonObject body, bool idempotent, CancellationToken cancellationToken) =>
        SendAsync(call, token, body, idempotent, cancellationToken);

    /// <summary>
    /// A multipart upload with the file in field <c>media</c> (reference §2, §3), its bytes written by
    /// <see cref="WeChatMultipart"/> (platform-truth W6), not by RestSharp's form (which quotes the boundary and adds
    /// <c>filename*</c>). Never repeated by the inner layer.
    /// </summary>
    public Task<WeChatAnswer> UploadAsync(string call, string token, MediaFile file, CancellationToken cancellationToken)
    {
        var multipart = WeChatMultipart.Build("media", file);
        return SendAsync(call, host =>
        {
            var request = new RestRequest(CallUri(host, call), Method.Post);
            request.AddQueryParameter("access_token", token);
            request.AddBody(multipart.Body, multipart.ContentType);
            return request;
        }, cancellationToken);
    }

    public void Dispose() => _rest.Dispose();

    private Task<WeChatAnswer> SendAsync(string call, string? token, JsonObject body, bool idempotent, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString(WeChatJson.Options);
        return SendAsync(call, host =>
        {
            var request = new RestRequest(CallUri(host, call), Method.Post);
            if (token is not null)
            {
                request.AddQueryParameter("access_token", token);
            }

            request.AddStringBody(json, DataFormat.Json);
            if (idempotent)
            {
                request.Interceptors = [IdempotentMark.Instance];
            }

            return request;
        }, cancellationToken);
    }

    /// <summary>Sends to the main host, then to the fallback host only if the main one could not be connected to.</summary>
    private async Task<WeChatAnswer> SendAsync(string call, Func<Uri, RestRequest> build, CancellationToken cancellationToken)
    {
        var answer = await ExecuteAsync(call, build(_hosts[0]), cancellationToken);
        if (!answer.NothingSent)
        {
            return answer;
        }

        Log.FallingBack(_channel.Logger, _channel.Id, call, _hosts[0].Host);
        return await ExecuteAsync(call, build(_hosts[1]), cancellationToken);
    }

    private async Task<WeChatAnswer> ExecuteAsync(string call, RestRequest request, CancellationToken cancellationToken)
    {
        var response = await _rest.ExecuteAsync(request, cancellationToken);

        // RestSharp turns a cancelled call into a response; the dispatcher expects the cancellation itself.
        cancellationToken.ThrowIfCancellationRequested();
        return new WeChatAnswer(call, response);
    }

    private static Uri CallUri(Uri host, string call) => new(host, "cgi-bin/" + call);

    // A trailing slash keeps the base's own path ("/wechat") when joined with "cgi-bin/…".
    private static Uri Root(Uri baseUrl) => new(baseUrl.AbsoluteUri.TrimEnd('/') + "/");
}
