using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Syndicator.Host.Api;
using Syndicator.Host.GoLive;
using Syndicator.Host.Health;

namespace Syndicator.Host.WebConsole.Pages;

/// <summary>渠道状态 (IT): what <c>GET /api/channels</c> shows, and "check now" as <c>POST /api/channels/{c}/check</c> does it.</summary>
[Authorize(Policy = ConsolePolicies.Channels)]
internal sealed class ChannelsModel(ChannelOverview overview, ChannelHealthService health, GoLiveProbe probe, ConsoleText text) : PageModel
{
    /// <summary>How many stored checks the page shows per channel, newest first.</summary>
    public const int HistoryLength = 10;

    public IReadOnlyList<ChannelView> Channels { get; private set; } = [];

    public string? Done { get; private set; }

    /// <summary>Why a go-live probe could not run (the field's message), when it could not.</summary>
    public string? Refused { get; private set; }

    /// <summary>The go-live probe just run from this page, if any.</summary>
    public GoLiveReport? Report { get; private set; }

    /// <summary>Each channel's latest stored checks (scheduled or by hand, from whichever node ran them).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<HealthCheckView>> History { get; private set; } =
        new Dictionary<string, IReadOnlyList<HealthCheckView>>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Channels = await overview.ListAsync(cancellationToken);
        var history = new Dictionary<string, IReadOnlyList<HealthCheckView>>(StringComparer.Ordinal);
        foreach (var channel in Channels)
        {
            history[channel.Id] = [.. (await health.HistoryAsync(channel.Id, HistoryLength, cancellationToken)).Select(HealthCheckView.From)];
        }

        History = history;
    }

    [HandlerPolicy(ConsolePolicies.Channels)]
    public async Task<IActionResult> OnPostCheckAsync(string channel, CancellationToken cancellationToken)
    {
        var health = await overview.CheckAsync(channel, ConsoleAuth.Actor(User), cancellationToken);
        if (health is null)
        {
            return NotFound();
        }

        Done = text.Format("Checked", channel, text["health." + health.Status]);
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>上线检查: the go-live probe, as <c>POST /api/channels/{c}/verify</c> runs it.</summary>
    [HandlerPolicy(ConsolePolicies.Channels)]
    public async Task<IActionResult> OnPostVerifyAsync(string channel, string? column, bool live, CancellationToken cancellationToken)
    {
        if (probe.Refusal(channel, column, live) is { } refusal)
        {
            Refused = refusal.Detail;
        }
        else
        {
            Report = await probe.RunAsync(channel, column!, ConsoleAuth.Actor(User), cancellationToken);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }
}
