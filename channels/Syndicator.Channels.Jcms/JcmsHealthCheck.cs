using System.Net;
using Syndicator.Core.Channels;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.Jcms;

/// <summary>
/// Proves what can be proven without publishing. Where the portal answers a query (<c>SupportsQuery</c>): one query of
/// the default column — the endpoint answers, the credentials are accepted, the answer is read as configured. Elsewhere
/// the interface has no read, so only reachability is checked: the column's list page (<c>Reconcile:ListPage</c>) or the
/// receive endpoint itself, without credentials.
/// </summary>
internal sealed class JcmsHealthCheck
{
    private readonly JcmsChannel _channel;

    public JcmsHealthCheck(JcmsChannel channel) => _channel = channel;

    public Task<HealthProbe.Verdict> ProbeAsync(CancellationToken cancellationToken) =>
        _channel.Options.SupportsQuery ? QueryAsync(cancellationToken) : ReachAsync(cancellationToken);

    private async Task<HealthProbe.Verdict> QueryAsync(CancellationToken cancellationToken)
    {
        var column = _channel.Options.ColumnId;
        var api = _channel.Api;
        var answer = await api.QueryAsync(sourceId: null, column, cancellationToken);
        if (answer.Succeeded)
        {
            return new(ChannelHealthStatus.Healthy, $"the portal answered a query of column {column}; credentials accepted");
        }

        return JcmsOutcomes.Failure(_channel, answer, $"a query of column {column}", delivery: null) switch
        {
            ChannelOutcome.AuthFailed auth => new(ChannelHealthStatus.Unhealthy, auth.Reason),
            ChannelOutcome.Transient transient when answer.Answered => new(ChannelHealthStatus.Degraded, transient.Reason),
            ChannelOutcome.Rejected rejected => new(ChannelHealthStatus.Unhealthy, $"{rejected.Reason}: check {_channel.Key("ColumnId")}"),
            var other => new(ChannelHealthStatus.Unhealthy, JcmsOutcomes.Reason(other)),
        };
    }

    private async Task<HealthProbe.Verdict> ReachAsync(CancellationToken cancellationToken)
    {
        var listPage = _channel.Options.Reconcile.ListPage;
        var target = string.IsNullOrWhiteSpace(listPage)
            ? _channel.Endpoint
            : new Uri(_channel.SiteRoot, listPage.Replace("{column}", _channel.Options.ColumnId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, target);
            ChannelHttp.MarkIdempotent(request);
            using var response = await _channel.Http().SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                return new(ChannelHealthStatus.Degraded, $"the portal answers {status} at {target}");
            }

            if (!string.IsNullOrWhiteSpace(listPage) && response.StatusCode != HttpStatusCode.OK)
            {
                return new(ChannelHealthStatus.Unhealthy, $"the list page of column {_channel.Options.ColumnId} answers {status} at {target}: check {_channel.Key("ColumnId")} and {_channel.Key("Reconcile:ListPage")}");
            }

            return new(ChannelHealthStatus.Healthy,
                $"the portal answers at {target} ({status}); the credentials are proven only by a publish, since this interface has no read ({_channel.Key("SupportsQuery")} is off)");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new(ChannelHealthStatus.Unhealthy, $"portal unreachable: {_channel.Redaction.Scrub(ex.GetBaseException().Message)}");
        }
    }
}
