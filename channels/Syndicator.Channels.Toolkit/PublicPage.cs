using System.Net;
using AngleSharp.Html.Parser;
using Syndicator.Core.Tracking;

namespace Syndicator.Channels.Toolkit;

/// <summary>
/// Verifies an article by its public page, for connectors whose platform publishes web pages: a GET of the URL the
/// channel returned (never another), over the channel's page client (<see cref="ChannelHttp.PageClientName"/>), and a comparison of the page's title and
/// article body with the approved ones.
/// </summary>
/// <param name="TitleSelector">The CSS selector of the article's title on the page (the first match counts), e.g.
/// <c>h1</c>; the document's <c>&lt;title&gt;</c> when nothing matches.</param>
/// <param name="BodySelector">The CSS selector of the element that holds the article's body, e.g. <c>div.body</c>.
/// Null: the platform's page layout is unknown (a hand-off channel), so the body counts as there when the page's whole
/// text contains the approved text, and the title when the page's text contains it.</param>
public sealed record PublicPage(string TitleSelector, string? BodySelector)
{
    /// <summary>Fetches <paramref name="url"/> and compares it with <paramref name="expectedTitle"/> and <paramref name="expectedBodyHtml"/>.</summary>
    public async Task<LiveCheck> CheckAsync(
        HttpClient http, Uri url, string expectedTitle, string expectedBodyHtml, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(url);
        string html;
        try
        {
            // Redirects are followed here, a few at most, each through the same client: its policy judges every hop.
            var at = url;
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, at);
                ChannelHttp.MarkIdempotent(request);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location && hop < MaxRedirects)
                {
                    at = location.IsAbsoluteUri ? location : new Uri(at, location);
                    continue;
                }

                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
                {
                    return new LiveCheck(LiveStatus.Missing, null, null, $"页面不存在 the page answers {(int)response.StatusCode}: {at}");
                }

                if (!response.IsSuccessStatusCode)
                {
                    return new LiveCheck(LiveStatus.Unreachable, null, null, $"页面无法访问 the page answers {(int)response.StatusCode}: {at}");
                }

                if (response.Content.Headers.ContentLength > MaxPageBytes)
                {
                    return new LiveCheck(LiveStatus.Unreachable, null, null, $"页面过大 the page is larger than {MaxPageBytes} bytes: {at}");
                }

                html = await ReadBoundedAsync(response.Content, cancellationToken);
                break;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Network failures, timeouts (the resilience pipeline's included), a host or address the channel's fetch
            // policy refuses, a page too large: no answer to judge the article by.
            return new LiveCheck(LiveStatus.Unreachable, null, null, $"页面无法访问 no answer from {url}: {ex.GetBaseException().Message}");
        }

        return Compare(html, expectedTitle, expectedBodyHtml);
    }

    /// <summary>The most redirects followed from the URL the channel returned. Default: 3.</summary>
    public const int MaxRedirects = 3;

    /// <summary>The largest page read; a larger one is not parsed. Default: 4 MiB.</summary>
    public const int MaxPageBytes = 4 * 1024 * 1024;

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static async Task<string> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxPageBytes)
            {
                throw new InvalidDataException($"the page is larger than {MaxPageBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        var charset = content.Headers.ContentType?.CharSet;
        var encoding = System.Text.Encoding.UTF8;
        try
        {
            if (!string.IsNullOrWhiteSpace(charset))
            {
                encoding = System.Text.Encoding.GetEncoding(charset.Trim('"'));
            }
        }
        catch (ArgumentException)
        {
            // An unknown charset reads as UTF-8, as ReadAsStringAsync would fail on it instead.
        }

        return encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Compares a fetched page with the approved title and body.</summary>
    public LiveCheck Compare(string pageHtml, string expectedTitle, string expectedBodyHtml)
    {
        var page = new HtmlParser().ParseDocument(pageHtml);
        var liveTitle = (page.QuerySelector(TitleSelector)?.TextContent ?? page.Title ?? "").Trim();
        var expectedText = ContentFingerprint.NormalText(expectedBodyHtml);
        string liveText;
        bool bodyMatches;
        bool titleMatches;
        if (BodySelector is null)
        {
            liveText = ContentFingerprint.NormalText(page.Body?.InnerHtml);
            bodyMatches = liveText.Contains(expectedText, StringComparison.Ordinal);
            titleMatches = liveText.Contains(ContentFingerprint.Squeeze(expectedTitle), StringComparison.Ordinal)
                || ContentFingerprint.Squeeze(page.Title) == ContentFingerprint.Squeeze(expectedTitle);
        }
        else
        {
            if (page.QuerySelector(BodySelector) is not { } body)
            {
                return new LiveCheck(LiveStatus.Changed, liveTitle, null, $"页面上找不到正文 the page has no article body ({BodySelector})");
            }

            liveText = ContentFingerprint.NormalText(body.InnerHtml);
            bodyMatches = liveText == expectedText;
            titleMatches = ContentFingerprint.Squeeze(liveTitle) == ContentFingerprint.Squeeze(expectedTitle);
        }

        var fingerprint = ContentFingerprint.Of(BodySelector is null ? page.Body?.InnerHtml : page.QuerySelector(BodySelector)!.InnerHtml);
        return LiveComparison.Judge(titleMatches, bodyMatches, liveTitle, expectedTitle, fingerprint);
    }
}
