using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Syndicator.Host.Api;

namespace Syndicator.Host.WebConsole.Pages;

/// <summary>渠道状态 (IT): what <c>GET /api/channels</c> shows, and "check now" as <c>POST /api/channels/{c}/check</c> does it.</summary>
[Authorize(Policy = ConsolePolicies.Channels)]
internal sealed class ChannelsModel(ChannelOverview overview, ConsoleText text) : PageModel
{
    public IReadOnlyList<ChannelView> Channels { get; private set; } = [];

    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Channels = await overview.ListAsync(cancellationToken);

    [HandlerPolicy(ConsolePolicies.Channels)]
    public async Task<IActionResult> OnPostCheckAsync(string channel, CancellationToken cancellationToken)
    {
        var health = await overview.CheckAsync(channel, ConsoleAuth.Actor(User), cancellationToken);
        if (health is null)
        {
            return NotFound();
        }

        Done = text.Format("Checked", channel, text["health." + health.Status]);
        Channels = await overview.ListAsync(cancellationToken);
        return Page();
    }
}
