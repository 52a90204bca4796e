using RestSharp;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.Jcms;

/// <summary>
/// The receive interface over RestSharp, on the channel's named <see cref="HttpClient"/>. Every call is one POST of one
/// XML document and answers a <see cref="JcmsAnswer"/>; none throws for HTTP or network failures.
/// </summary>
internal sealed class JcmsApi : IDisposable
{
    private readonly RestClient _rest;
    private readonly JcmsChannel _channel;

    public JcmsApi(HttpClient httpClient, JcmsChannel channel)
    {
        _channel = channel;
        _rest = new RestClient(httpClient, new RestClientOptions(channel.Endpoint), disposeHttpClient: false);
    }

    /// <summary>Add: never marked safe to repeat, since a repeated add is a second article.</summary>
    public Task<JcmsAnswer> AddAsync(System.Xml.Linq.XElement article, CancellationToken cancellationToken) =>
        SendAsync(JcmsXml.Add, article, idempotent: false, cancellationToken);

    /// <summary>Update sets every field again, so a repeat changes nothing.</summary>
    public Task<JcmsAnswer> UpdateAsync(int articleId, System.Xml.Linq.XElement article, CancellationToken cancellationToken)
    {
        article.AddFirst(new System.Xml.Linq.XElement("articleid", articleId));
        return SendAsync(JcmsXml.Update, article, idempotent: true, cancellationToken);
    }

    /// <summary>Delete of a deleted article answers success again: safe to repeat.</summary>
    public Task<JcmsAnswer> DeleteAsync(int articleId, CancellationToken cancellationToken) =>
        SendAsync(JcmsXml.Delete, JcmsXml.Reference(articleId: articleId), idempotent: true, cancellationToken);

    /// <summary>A read: the live articles carrying our reference, or (with only a column) the column's count.</summary>
    public Task<JcmsAnswer> QueryAsync(string? sourceId, int? column, CancellationToken cancellationToken) =>
        SendAsync(JcmsXml.Query, JcmsXml.Reference(sourceId: sourceId, column: column), idempotent: true, cancellationToken);

    public void Dispose() => _rest.Dispose();

    private async Task<JcmsAnswer> SendAsync(string status, System.Xml.Linq.XElement article, bool idempotent, CancellationToken cancellationToken)
    {
        var options = _channel.Options;
        var legacy = options.LegacyQueryStringCredentials;
        var request = new RestRequest("", Method.Post)
            .AddStringBody(JcmsXml.Document(status, legacy ? null : (options.UserId, options.Password), article), "text/xml");
        if (legacy)
        {
            // The old interface's form [H1]; the connector then redacts every URL it writes (see JcmsRedaction).
            request.AddQueryParameter("userid", options.UserId).AddQueryParameter("password", options.Password).AddQueryParameter("charset", "UTF-8");
        }

        if (idempotent)
        {
            request.Interceptors = [IdempotentMark.Instance];
        }

        var response = await _rest.ExecuteAsync(request, cancellationToken);

        // RestSharp turns a cancelled call into a response; the dispatcher expects the cancellation itself.
        cancellationToken.ThrowIfCancellationRequested();
        return new JcmsAnswer(response, _channel.Redaction);
    }
}
