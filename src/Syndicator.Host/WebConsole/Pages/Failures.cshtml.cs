using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Application;
using Syndicator.Core.Storage;

namespace Syndicator.Host.WebConsole.Pages;

/// <summary>
/// 失败队列: failed and unconfirmed deliveries (what a bulk retry would take), filtered by channel. A bulk retry first
/// shows exactly what it will touch, then retries on confirmation, through the same command as the API's.
/// </summary>
[Authorize(Policy = ConsolePolicies.ReadItems)]
internal sealed class FailuresModel(
    OperatorCommands commands, ChannelCatalogue catalogue, ConsoleText text) : PageModel
{
    public IReadOnlyList<Delivery> Deliveries { get; private set; } = [];

    public IReadOnlyList<string> ChannelIds { get; } = [.. catalogue.Channels.Select(c => c.Id)];

    public string? Channel { get; private set; }

    /// <summary>Set when the page shows a bulk retry for confirmation.</summary>
    public string? PendingReason { get; private set; }

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    public bool CanOperate => ConsolePolicies.Roles[ConsolePolicies.Operate].Any(User.IsInRole);

    public async Task OnGetAsync(string? channel, int? retried, CancellationToken cancellationToken)
    {
        Done = retried is { } n ? text.Format("BulkDone", n) : null;
        await LoadAsync(channel, cancellationToken);
    }

    [HandlerPolicy(ConsolePolicies.Operate)]
    public async Task<IActionResult> OnPostRetryAsync(string? channel, string? reason, bool confirmed, CancellationToken cancellationToken)
    {
        await LoadAsync(channel, cancellationToken);
        if (string.IsNullOrWhiteSpace(reason))
        {
            Error = text["ReasonRequired"];
            return Page();
        }

        if (!confirmed)
        {
            PendingReason = reason.Trim();
            return Page();
        }

        var answer = await commands.RetryManyAsync(new RetryFilter(Channel), false, reason, ConsoleAuth.Actor(User), cancellationToken);
        if (answer.Refusal is { } refusal)
        {
            Error = text.Format("NotPossible", refusal.Detail);
            Response.StatusCode = (int)refusal.Kind;
            return Page();
        }

        var retried = answer.Value!;
        return Redirect($"/failures?retried={retried.Count}" + (Channel is null ? "" : "&channel=" + Uri.EscapeDataString(Channel)));
    }

    private async Task LoadAsync(string? channel, CancellationToken cancellationToken)
    {
        Channel = ChannelIds.Contains(channel) ? channel : null;

        // A dry run selects exactly what a retry would take, and changes nothing.
        Deliveries = (await commands.RetryManyAsync(new RetryFilter(Channel), true, null, ConsoleAuth.Actor(User), cancellationToken)).Value ?? [];
    }
}
