using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Syndicator.Host.GoLive;

/// <summary>
/// What the go-live probe saw on the wire: every HTTP call a channel's client made while a probe step ran, with
/// secrets removed. Only a probe turns it on (<see cref="Begin"/>), for the calls of its own async flow, so normal
/// deliveries pay nothing.
/// </summary>
internal sealed partial class ProbeRecorder
{
    /// <summary>The most characters of a request or answer body kept per call.</summary>
    public const int ExcerptLength = 300;

    private static readonly AsyncLocal<ProbeRecorder?> Current = new();

    private readonly List<ProbeCall> _calls = [];
    private readonly IReadOnlyList<string> _secrets;
    private readonly TimeProvider _time;

    private ProbeRecorder(IReadOnlyList<string> secrets, TimeProvider time)
    {
        _secrets = secrets;
        _time = time;
    }

    /// <summary>The recorder of the running probe step, if any.</summary>
    public static ProbeRecorder? Active => Current.Value;

    /// <summary>Starts recording the calls of this async flow; <paramref name="secrets"/> are blanked wherever they appear.</summary>
    public static ProbeRecorder Begin(IReadOnlyList<string> secrets, TimeProvider time)
    {
        var recorder = new ProbeRecorder(secrets, time);
        Current.Value = recorder;
        return recorder;
    }

    /// <summary>Stops recording and returns the calls seen.</summary>
    public IReadOnlyList<ProbeCall> End()
    {
        Current.Value = null;
        lock (_calls)
        {
            return [.. _calls];
        }
    }

    public DateTimeOffset Now => _time.GetUtcNow();

    public long Timestamp => _time.GetTimestamp();

    public TimeSpan Since(long started) => _time.GetElapsedTime(started);

    public void Add(ProbeCall call)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }
    }

    /// <summary><paramref name="text"/> with every configured secret and every token-like parameter blanked, cut to an excerpt.</summary>
    public string Scrub(string? text, int max = ExcerptLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var cut = text.Length > max * 4 ? text[..(max * 4)] : text;
        foreach (var secret in _secrets)
        {
            cut = cut.Replace(secret, "***", StringComparison.Ordinal)
                .Replace(Uri.EscapeDataString(secret), "***", StringComparison.Ordinal);
        }

        cut = SecretParameter().Replace(cut, m => m.Groups["name"].Value + m.Groups["sep"].Value + "***");
        cut = cut.ReplaceLineEndings(" ").Trim();
        return cut.Length <= max ? cut : cut[..max] + "…";
    }

    // access_token=…, "access_token":"…", password=…, secret=… in query strings, forms and JSON.
    [GeneratedRegex(@"(?<name>access_token|token|password|passwd|pwd|secret|appsecret|api_?key)(?<sep>""?\s*[:=]\s*""?)[^&""\s<,}]+", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex SecretParameter();
}

/// <summary>One HTTP call seen by the probe: what was sent (no secrets), the status, an excerpt of the answer, the time.</summary>
public sealed record ProbeCall(
    DateTimeOffset At, string Method, string Url, string? Sent, int? Status, string Answer, long DurationMs);

/// <summary>
/// The outermost handler of every channel's HttpClient: records the call while a probe step runs in this flow.
/// </summary>
internal sealed class ProbeRecordingHandler : DelegatingHandler
{
    private const int MaxBufferedBody = 256 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (ProbeRecorder.Active is not { } recorder)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var at = recorder.Now;
        var started = recorder.Timestamp;
        var sent = await DescribeAsync(request.Content, recorder, cancellationToken);
        var url = recorder.Scrub(request.RequestUri?.ToString(), 500);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var answer = await DescribeAsync(response.Content, recorder, cancellationToken);
            var location = response.Headers.Location is { } to ? $" → {recorder.Scrub(to.ToString(), 200)}" : "";
            recorder.Add(new ProbeCall(at, request.Method.Method, url, sent, (int)response.StatusCode, answer + location,
                (long)recorder.Since(started).TotalMilliseconds));
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            recorder.Add(new ProbeCall(at, request.Method.Method, url, sent, null, recorder.Scrub("no answer: " + ex.GetBaseException().Message),
                (long)recorder.Since(started).TotalMilliseconds));
            throw;
        }
    }

    private static async Task<string?> DescribeAsync(HttpContent? content, ProbeRecorder recorder, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return null;
        }

        var type = content.Headers.ContentType?.MediaType ?? "";
        var length = content.Headers.ContentLength;
        var textual = type.Length == 0 || type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("json", StringComparison.Ordinal)
            || type.Contains("xml", StringComparison.Ordinal) || type == "application/x-www-form-urlencoded";
        if (!textual || length > MaxBufferedBody)
        {
            return $"[{(type.Length == 0 ? "body" : type)}, {(length is { } n ? n + " bytes" : "streamed")}]";
        }

        try
        {
            // Buffered, so the connector still reads the whole body after us.
            await content.LoadIntoBufferAsync(MaxBufferedBody, cancellationToken);
            return recorder.Scrub(await content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException)
        {
            return $"[{type}, over {MaxBufferedBody} bytes]";
        }
    }
}
