using System.Xml.Linq;
using RestSharp;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.Jcms;

/// <summary>
/// The receive interface over RestSharp, on the channel's named <see cref="HttpClient"/>. Every call is one POST of one
/// raw UTF-8 XML document, with the credentials where <c>Envelope:Credentials</c> puts them, and answers a
/// <see cref="JcmsAnswer"/>; none throws for HTTP or network failures.
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

    private JcmsEnvelopeOptions Envelope => _channel.Options.Envelope;

    /// <summary>Add: never marked safe to repeat, since a repeated add is a second article.</summary>
    public Task<JcmsAnswer> AddAsync(XElement article, CancellationToken cancellationToken) =>
        SendAsync(Envelope.Operations.Add, article, idempotent: false, cancellationToken);

    /// <summary>Update (where the portal supports it) sets every field again, so a repeat changes nothing.</summary>
    public Task<JcmsAnswer> UpdateAsync(XElement article, CancellationToken cancellationToken) =>
        SendAsync(Envelope.Operations.Update, article, idempotent: true, cancellationToken);

    /// <summary>Delete (where the portal supports it) of a deleted article changes nothing: safe to repeat.</summary>
    public Task<JcmsAnswer> DeleteAsync(string articleId, CancellationToken cancellationToken) =>
        SendAsync(Envelope.Operations.Delete, _channel.Xml.Reference(articleId: articleId), idempotent: true, cancellationToken);

    /// <summary>A read (where the portal supports it): the articles carrying our item id, or a column's.</summary>
    public Task<JcmsAnswer> QueryAsync(string? sourceId, int? column, CancellationToken cancellationToken) =>
        SendAsync(Envelope.Operations.Query, _channel.Xml.Reference(sourceId: sourceId, column: column), idempotent: true, cancellationToken);

    public void Dispose() => _rest.Dispose();

    private async Task<JcmsAnswer> SendAsync(string operation, XElement article, bool idempotent, CancellationToken cancellationToken)
    {
        var options = _channel.Options;
        var request = new RestRequest("", Method.Post).AddStringBody(_channel.Xml.Document(operation, article), Envelope.ContentType);
        switch (Envelope.Credentials)
        {
            case JcmsCredentialPlacement.Query:
                // The public client's form (§4); every text the connector writes is redacted (JcmsRedaction).
                request.AddQueryParameter(Envelope.UserIdName, options.UserId).AddQueryParameter(Envelope.PasswordName, options.Password);
                if (!string.IsNullOrWhiteSpace(Envelope.Charset))
                {
                    request.AddQueryParameter("charset", Envelope.Charset);
                }

                break;
            case JcmsCredentialPlacement.Header:
                request.AddHeader(Envelope.UserIdName, options.UserId).AddHeader(Envelope.PasswordName, options.Password);
                break;
            default:
                break;
        }

        if (idempotent)
        {
            request.Interceptors = [IdempotentMark.Instance];
        }

        var response = await _rest.ExecuteAsync(request, cancellationToken);

        // RestSharp turns a cancelled call into a response; the dispatcher expects the cancellation itself.
        cancellationToken.ThrowIfCancellationRequested();
        return new JcmsAnswer(response, _channel.Rules, _channel.Redaction);
    }
}
