using System.Globalization;
using System.Text.Json;
using RestSharp;
using Syndicator.Core.Channels;
using RestSharp.Serializers.Json;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.SsCms;

/// <summary>
/// The SSCMS v1 contents API and the ping routes over RestSharp, on the channel's named <see cref="HttpClient"/> (which will carry the
/// channel's resilience pipeline; none yet). Every call answers an <see cref="SsCmsAnswer{T}"/>; none throws for HTTP or network failures.
/// </summary>
internal sealed class SsCmsApi : IDisposable
{
    private const string ApiKeyHeader = "X-SS-API-KEY";

    private readonly RestClient _rest;
    private readonly int _siteId;

    public SsCmsApi(HttpClient httpClient, SsCmsChannelOptions options)
    {
        // A trailing slash keeps the base's own path ("/bureau") when RestSharp joins it with a resource.
        var baseUrl = new Uri(options.BaseUrl!.AbsoluteUri.TrimEnd('/') + "/api/");
        _rest = new RestClient(
            httpClient,
            new RestClientOptions(baseUrl),
            disposeHttpClient: false,
            configureSerialization: s => s.UseSystemTextJson(SsCmsJson.Options));

        // The header, never the ?apiKey= query form: query strings end up in access logs.
        _rest.AddDefaultHeader(ApiKeyHeader, options.ApiKey);
        _siteId = options.SiteId;
    }

    public Task<SsCmsAnswer<SsCmsContent>> CreateAsync(int column, SsCmsContentFields fields, CancellationToken cancellationToken) =>
        SendAsync<SsCmsContent>(Post($"v1/contents/{_siteId}/{column}", fields), cancellationToken);

    public Task<SsCmsAnswer<SsCmsContent>> UpdateAsync(int column, int id, SsCmsContentFields fields, CancellationToken cancellationToken) =>
        SendAsync<SsCmsContent>(Safe(Post($"v1/contents/{_siteId}/{column}/{Id(id)}/actions/update", fields)), cancellationToken);

    public Task<SsCmsAnswer<SsCmsContent>> DeleteAsync(int column, int id, CancellationToken cancellationToken) =>
        SendAsync<SsCmsContent>(Safe(new RestRequest($"v1/contents/{_siteId}/{column}/{Id(id)}/actions/delete", Method.Post)), cancellationToken);

    public Task<SsCmsAnswer<SsCmsContent>> GetAsync(int column, int id, CancellationToken cancellationToken) =>
        SendAsync<SsCmsContent>(Safe(new RestRequest($"v1/contents/{_siteId}/{column}/{Id(id)}")), cancellationToken);

    public Task<SsCmsAnswer<SsCmsContentList>> ListAsync(int column, int perPage, string? title, CancellationToken cancellationToken)
    {
        IReadOnlyList<SsCmsListWhere> wheres = title is null ? [] : [new SsCmsListWhere("Title", "=", title)];
        return ListAsync(column, perPage, wheres, cancellationToken);
    }

    /// <summary>The list row of content <paramref name="id"/>: the one answer that carries its <c>navigationUrl</c> (S7).</summary>
    public Task<SsCmsAnswer<SsCmsContentList>> FindAsync(int column, int id, CancellationToken cancellationToken) =>
        ListAsync(column, 1, [new SsCmsListWhere("Id", "=", Id(id))], cancellationToken);

    /// <summary><c>GET /api/ping</c> (S1): unauthenticated; answers <c>pong</c>; proves only that SSCMS answers.</summary>
    public async Task<SsCmsAnswer<string>> PingAsync(CancellationToken cancellationToken)
    {
        var response = await _rest.ExecuteAsync(Safe(new RestRequest("ping")), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return new SsCmsAnswer<string>(response, response.IsSuccessStatusCode ? response.Content ?? "" : null);
    }

    /// <summary><c>GET /api/ping/status</c> (S1, S5): unauthenticated; the version and whether the database answers.</summary>
    public Task<SsCmsAnswer<SsCmsStatus>> StatusAsync(CancellationToken cancellationToken) =>
        SendAsync<SsCmsStatus>(Safe(new RestRequest("ping/status")), cancellationToken);

    private Task<SsCmsAnswer<SsCmsContentList>> ListAsync(int column, int perPage, IReadOnlyList<SsCmsListWhere> wheres, CancellationToken cancellationToken)
    {
        var query = new SsCmsListQuery(_siteId, column, 1, perPage, [new SsCmsListOrder("Id", Desc: true)], wheres);
        return SendAsync<SsCmsContentList>(Safe(Post("v1/contents", query)), cancellationToken);
    }

    public void Dispose() => _rest.Dispose();

    private static RestRequest Post<TBody>(string resource, TBody body)
        where TBody : class =>
        new RestRequest(resource, Method.Post).AddJsonBody(body);

    /// <summary>
    /// Marks a call the inner retry layer may repeat: reads, the list query, update (it sets fields) and delete (a
    /// second delete answers 200 again). Create is never marked: a repeated create is a second article.
    /// </summary>
    private static RestRequest Safe(RestRequest request)
    {
        request.Interceptors = [IdempotentMark.Instance];
        return request;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<SsCmsAnswer<T>> SendAsync<T>(RestRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var response = await _rest.ExecuteAsync(request, cancellationToken);

        // RestSharp turns a cancelled call into a response; the dispatcher expects the cancellation itself.
        cancellationToken.ThrowIfCancellationRequested();
        return new SsCmsAnswer<T>(response, Parse<T>(response));
    }

    private static T? Parse<T>(RestResponse response)
        where T : class
    {
        if (!response.IsSuccessStatusCode || string.IsNullOrWhiteSpace(response.Content))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(response.Content, SsCmsJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
