using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Syndicator.Channels.Webhook.Tests;

/// <summary>A receiver that answers every request with one status, body and Retry-After, and keeps what it got.</summary>
internal sealed class StubHandler(HttpStatusCode status, string body, int? retryAfterSeconds = null) : HttpMessageHandler
{
    private readonly List<HttpRequestMessage> _requests = [];

    public IReadOnlyList<HttpRequestMessage> Requests => _requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Add(request);
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return Task.FromResult(response);
    }
}
