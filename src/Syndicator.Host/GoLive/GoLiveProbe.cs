using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Application;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Syndicator.Core.Tracking;

namespace Syndicator.Host.GoLive;

/// <summary>
/// The go-live probe (上线检查) for IT: through the channel's own connector, as the dispatcher would drive it, a marked
/// test article is published to a test column, read back, its public page fetched with the channel's selectors,
/// updated, withdrawn and found gone — each step with the calls it made. Whatever fails, the probe still withdraws,
/// so nothing stays live; when it cannot, the report says where the article is. Used alike by
/// <c>POST /api/channels/{c}/verify</c>, the console's 渠道状态 page and <c>syndicator channels verify</c>.
/// </summary>
internal sealed class GoLiveProbe(
    ChannelCatalogue catalogue,
    ConnectorRegistry connectors,
    IHttpClientFactory httpClients,
    IOptions<PublisherOptions> publisher,
    IAuditLog audit,
    TimeProvider time)
{
    /// <summary>How long the whole probe may take; a platform that confirms later is asked again within it.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    /// <summary>The longest column id taken (platforms number their columns; a few use short codes).</summary>
    public const int MaxColumnLength = 64;

    /// <summary>Why a probe request cannot run, naming the field; null when it can.</summary>
    public Refusal? Refusal(string channelId, string? column, bool live)
    {
        if (catalogue.Find(channelId) is not { } channel)
        {
            return Core.Application.Refusal.NotFound("channel", channelId);
        }

        if (!channel.Enabled)
        {
            return Core.Application.Refusal.Field(RefusalKind.Unprocessable, "Channel disabled.", "channel",
                $"Channel '{channelId}' is disabled (Channels:{channelId}:Enabled); the probe runs only on an enabled channel.");
        }

        if (!live)
        {
            return Core.Application.Refusal.Field(RefusalKind.Malformed, "Confirm the live run.", "live",
                "The probe publishes a real (marked) test article and withdraws it again; send live: true (--live) to confirm.");
        }

        if (string.IsNullOrWhiteSpace(column) || column.Length > MaxColumnLength || column.Any(char.IsControl) || column != column.Trim())
        {
            return Core.Application.Refusal.Field(RefusalKind.Malformed, "A test column is required.", "column",
                $"Name the platform's test column (栏目) to publish the test article in: 1–{MaxColumnLength} characters, no spaces around it or control characters. Without one nothing runs.");
        }

        return null;
    }

    /// <summary>Runs the probe; null when <paramref name="channelId"/> is not a configured, enabled channel.</summary>
    public async Task<GoLiveReport?> RunAsync(string channelId, string column, string actor, CancellationToken cancellationToken)
    {
        if (catalogue.Find(channelId) is not { Enabled: true } channel)
        {
            return null;
        }

        var run = new ProbeRun(channel, connectors.For(channel.Id), column, Secrets(channel), time, time.GetUtcNow() + Deadline);
        var item = TestItem(channel, run.StartedAt, revision: 1);
        await StepsAsync(run, item, cancellationToken);

        var report = run.Report(item.Id);
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), actor, "channel.verify", null, null, channel.Id,
            $"上线检查 go-live probe, column {column}",
            $"{(report.Passed ? "passed" : "failed")}: " + string.Join("; ", report.Steps.Select(s => $"{s.Name} {s.Result}"))
                + (report.StillLive is { } live ? $"; still live: {live}" : "")), CancellationToken.None);
        return report;
    }

    private async Task StepsAsync(ProbeRun run, ItemRevision item, CancellationToken cancellationToken)
    {
        var published = await run.OperateAsync("publish", DeliveryOperation.Publish, item, null, cancellationToken);
        if (published is null)
        {
            return;
        }

        var verifier = run.Connector as IChannelVerifier;
        await run.VerifyAsync("read-back", verifier, published, item, LiveStatus.Verified, cancellationToken);
        await PageAsync(run, published, item, cancellationToken);

        var edited = TestItem(run.Channel, run.StartedAt, revision: 2) with { Id = item.Id };
        var updated = await run.OperateAsync("update", DeliveryOperation.Update, edited, published, cancellationToken);
        var current = updated ?? published;
        if (updated is not null)
        {
            await run.VerifyAsync("read-back-update", verifier, updated, edited, LiveStatus.Verified, cancellationToken);
        }

        var gone = await run.OperateAsync("withdraw", DeliveryOperation.Withdraw, updated is null ? item : edited, current, cancellationToken);
        if (gone is null)
        {
            run.StillLive = $"{current.Url?.ToString() ?? "(no page address)"} (remote id {current.RemoteId})";
            return;
        }

        await run.VerifyAsync("gone", verifier, current, updated is null ? item : edited, LiveStatus.Missing, cancellationToken);
    }

    /// <summary>The public page, fetched over the channel's client and read with its configured selectors.</summary>
    private async Task PageAsync(ProbeRun run, Placement placement, ItemRevision item, CancellationToken cancellationToken)
    {
        if (placement.Url is not { } url)
        {
            run.Skip("page", "the platform returned no page address for the article");
            return;
        }

        var selectors = run.Channel.Settings.GetSection("Page").Get<PageSelectors>() ?? new PageSelectors();
        await run.StepAsync("page", async ct =>
        {
            var check = await selectors.ToPublicPage().CheckAsync(
                httpClients.CreateClient(ChannelHttp.ClientName(run.Channel.Id)), url, item.TitleFor(run.Channel.Id), item.BodyHtml, ct);
            var how = selectors.HasBody ? $"selectors {selectors.TitleSelector} / {selectors.BodySelector}" : "no body selector configured: the page's whole text";
            return (check.Status == LiveStatus.Verified ? GoLiveStep.PassedResult : GoLiveStep.FailedResult,
                $"{url}: {check.Detail} ({how})");
        }, cancellationToken);
    }

    /// <summary>A marked test article: no reader can take it for real news, and its id says what it is.</summary>
    private ItemRevision TestItem(ChannelDefinition channel, DateTimeOffset at, int revision)
    {
        var stamp = at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var id = $"golive-{stamp}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        var edit = revision > 1 ? "（已更新）" : "";
        var html = $"<p>【测试】本文由 Syndicator 上线检查自动发布{edit}，检查结束即撤回，请勿转载。</p><p>Go-live probe {id}, revision {revision}.</p>";
        var scheme = publisher.Value.IndexScheme();
        return new ItemRevision
        {
            Id = id,
            Revision = revision,
            // Short enough for WeChat's title limit counted in bytes (platform-truth W5).
            Title = $"【测试】上线检查 {stamp[4..]}{edit}",
            Summary = "上线检查测试文章，将自动撤回。",
            Body = new ItemBody("html", html),
            BodyHtml = html,
            Category = catalogue.Categories.Order(StringComparer.Ordinal).First(),
            Publisher = publisher.Value.Name,
            WrittenOn = DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).Date),

            // Serial 0 is never given out (serials count from 1), so the probe's 索引号 cannot collide with a real one.
            IndexNumber = scheme?.Format(IndexNumberScheme.YearOf(at), 0),
            Channels = [channel.Id],
            Approval = new ApprovalChain("上线检查", ["上线检查"], "上线检查", at),
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{id}|{revision}|{html}"))),
            AcceptedAt = at,
        };
    }

    /// <summary>The channel's configured secrets (any key naming a password, secret, key or token), blanked in the report.</summary>
    private static string[] Secrets(ChannelDefinition channel) =>
        [.. channel.Settings.AsEnumerable()
            .Where(kv => kv.Value is { Length: >= 4 } && IsSecretName(kv.Key[(kv.Key.LastIndexOf(':') + 1)..]))
            .Select(kv => kv.Value!)
            .Distinct(StringComparer.Ordinal)];

    private static bool IsSecretName(string name) =>
        name.Contains("password", StringComparison.OrdinalIgnoreCase) || name.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("key", StringComparison.OrdinalIgnoreCase) || name.Contains("token", StringComparison.OrdinalIgnoreCase);
}
