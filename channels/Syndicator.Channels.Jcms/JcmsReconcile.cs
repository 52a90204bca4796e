using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Syndicator.Core.Channels;
using Syndicator.Core.Tracking;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.Jcms;

/// <summary>What an earlier add whose answer was lost came to: found (id, url), not there, or unknown (an outcome to return).</summary>
internal sealed record JcmsFound(string ArticleId, Uri? Url);

/// <summary>
/// Finds the article an earlier add created, never by sending it again: through the interface's query where the portal
/// has one (<c>SupportsQuery</c>), else through the column's public list page where one is configured
/// (<c>Reconcile:ListPage</c>), else not at all — the outcome is then Unconfirmed, in words.
/// </summary>
internal sealed class JcmsReconcile
{
    private readonly JcmsChannel _channel;
    private readonly JcmsApi _api;
    private readonly DeliveryContext _context;

    public JcmsReconcile(JcmsChannel channel, JcmsApi api, DeliveryContext context)
    {
        _channel = channel;
        _api = api;
        _context = context;
    }

    /// <summary>Whether this portal offers any way to look.</summary>
    public static bool Possible(JcmsChannel channel) =>
        channel.Options.SupportsQuery || !string.IsNullOrWhiteSpace(channel.Options.Reconcile.ListPage);

    /// <summary>The article, null when there is none, or the outcome to return when the portal cannot tell.</summary>
    public async Task<(JcmsFound? Found, ChannelOutcome? Outcome)> FindAsync(int column, string title, string why, CancellationToken cancellationToken)
    {
        if (_channel.Options.SupportsQuery)
        {
            return await QueryAsync(cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(_channel.Options.Reconcile.ListPage))
        {
            return await ListPageAsync(column, title, cancellationToken);
        }

        return (null, new ChannelOutcome.Unconfirmed(
            $"the add of «{title}» to column {column} was sent but {why}; this portal's interface offers no query " +
            $"({_channel.Key("SupportsQuery")} is off) and no list page is configured ({_channel.Key("Reconcile:ListPage")}), so whether the article " +
            $"arrived cannot be checked without risking a second one. Look for it in column {column} of the portal's back office: " +
            "if it is there, confirm the delivery with its URL; if not, retry the delivery"));
    }

    private async Task<(JcmsFound?, ChannelOutcome?)> QueryAsync(CancellationToken cancellationToken)
    {
        var answer = await _api.QueryAsync(_context.Item.Id, column: null, cancellationToken);
        if (answer.Succeeded)
        {
            return (answer.ArticleId is { } id ? new JcmsFound(id, answer.Url) : null, null);
        }

        JcmsConnector.LogFailure(_channel, answer, "query (reconcile)");
        var failure = JcmsOutcomes.Failure(_channel, answer, "the query for an earlier add", delivery: null);

        // Never Rejected here: a delivery that fails for good while its add may have landed invites a second one.
        return (null, failure is ChannelOutcome.AuthFailed or ChannelOutcome.Unconfirmed
            ? failure
            : new ChannelOutcome.Transient($"could not reconcile an earlier add: {JcmsOutcomes.Reason(failure)}") { Code = answer.Code });
    }

    private async Task<(JcmsFound?, ChannelOutcome?)> ListPageAsync(int column, string title, CancellationToken cancellationToken)
    {
        var options = _channel.Options.Reconcile;
        var page = new Uri(_channel.SiteRoot, options.ListPage!.Replace("{column}", column.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        string html;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, page);
            ChannelHttp.MarkIdempotent(request);
            using var response = await _channel.Http().SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (null, new ChannelOutcome.Transient($"could not reconcile an earlier add: the list page {page} answers {(int)response.StatusCode}")
                {
                    Code = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            }

            html = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new ChannelOutcome.Transient($"could not reconcile an earlier add: no answer from the list page {page}: {_channel.Redaction.Scrub(ex.GetBaseException().Message)}"));
        }

        var idPattern = new Regex(options.IdPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var wanted = ContentFingerprint.Squeeze(title);
        var matches = new HtmlParser().ParseDocument(html).QuerySelectorAll("a[href]")
            .Where(a => ContentFingerprint.Squeeze(a.GetAttribute("title") ?? a.TextContent) == wanted)
            .Select(a => Uri.TryCreate(page, a.GetAttribute("href"), out var url) ? url : null)
            .OfType<Uri>()
            .Distinct()
            .ToList();
        if (matches.Count > 1)
        {
            return (null, new ChannelOutcome.Unconfirmed(
                $"the add of «{title}» to column {column} was sent but its answer was lost, and the list page {page} shows {matches.Count} articles of that title: " +
                "look in the portal's back office which one is this item's, then confirm the delivery with its URL"));
        }

        if (matches.Count == 0)
        {
            return (null, null);
        }

        var match = idPattern.Match(matches[0].AbsolutePath);
        var id = match.Success && match.Groups.Count > 1 ? match.Groups[1].Value : "";
        return (new JcmsFound(id, matches[0]), null);
    }
}
