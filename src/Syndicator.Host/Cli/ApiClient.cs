using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Syndicator.Host.Cli;

/// <summary>A thin client of a running service's API, for the CLI verbs and the demo.</summary>
internal sealed class ApiClient : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <summary>How long a call may take unless the verb says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    private readonly HttpClient _http;

    public ApiClient(Uri server, string apiKey)
    {
        // Each call carries its own deadline (DefaultTimeout, or a verb's own for long runs such as the go-live probe).
        _http = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    public Uri Server => _http.BaseAddress!;

    public Task<ApiAnswer> SendJsonAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(method, path)
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        }, cancellationToken);

    public Task<ApiAnswer> PostAsync(string path, object body, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) }, cancellationToken, timeout);

    public Task<ApiAnswer> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    private async Task<ApiAnswer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        using (request)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout ?? DefaultTimeout);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, deadline.Token);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new HttpRequestException($"no answer within {timeout ?? DefaultTimeout}", ex);
            }

            using var answer = response;
            var text = await response.Content.ReadAsStringAsync(deadline.Token);
            JsonElement? body = null;
            if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
            {
                body = JsonDocument.Parse(text).RootElement.Clone();
            }

            return new ApiAnswer((int)response.StatusCode, body, text);
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>An answer of the API: status, JSON body when there is one, raw text.</summary>
internal sealed record ApiAnswer(int Status, JsonElement? Body, string Text)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>A problem's title, detail and field errors, as lines for standard error.</summary>
    public IEnumerable<string> ProblemLines()
    {
        yield return $"HTTP {Status}";
        if (Body is not { ValueKind: JsonValueKind.Object } body)
        {
            if (Text.Length > 0)
            {
                yield return Text;
            }

            yield break;
        }

        if (body.TryGetProperty("title", out var title))
        {
            yield return title.GetString() ?? "";
        }

        if (body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in errors.EnumerateObject())
            {
                foreach (var message in field.Value.EnumerateArray())
                {
                    yield return $"  {field.Name}: {message.GetString()}";
                }
            }
        }
    }
}
