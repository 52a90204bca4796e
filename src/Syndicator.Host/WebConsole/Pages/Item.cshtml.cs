using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Application;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;

namespace Syndicator.Host.WebConsole.Pages;

/// <summary>
/// 信息详情: the item's metadata, accountability chain, deliveries with their attempts, audit trail and per-channel
/// previews; and the operator's actions. Every action takes two posts: the first (with a reason) shows what will
/// happen, the second (confirmed) does it through the same command code as the API.
/// </summary>
[Authorize(Policy = ConsolePolicies.ReadItems)]
internal sealed partial class ItemModel(
    IItemStore items, IDeliveryStore deliveries, IAuditLog audit, ChannelCatalogue catalogue, OperatorCommands commands,
    ConsoleText text, IBoardStore board, ConnectorRegistry connectors) : PageModel
{
    public ItemRecord Item { get; private set; } = null!;

    public ItemRevision Revision { get; private set; } = null!;

    public IReadOnlyDictionary<string, IReadOnlyList<Attempt>> Attempts { get; private set; } = new Dictionary<string, IReadOnlyList<Attempt>>();

    public IReadOnlyList<AuditEntry> Trail { get; private set; } = [];

    public IReadOnlyList<ChannelPreview> Previews { get; private set; } = [];

    /// <summary>The action awaiting confirmation, when the last post asked for one.</summary>
    public PendingAction? Pending { get; private set; }

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    public bool CanOperate => ConsolePolicies.Roles[ConsolePolicies.Operate].Any(User.IsInRole);

    public IEnumerable<string> EnabledChannels => catalogue.EnabledChannels.Select(c => c.Id);

    public bool IsWeChat(string channel) => catalogue.Find(channel)?.Connector == "wechat";

    public async Task<IActionResult> OnGetAsync(string id, string? done, CancellationToken cancellationToken)
    {
        Done = done is "republish" or "withdraw" or "retry" or "confirm" or "posted" or "taken_down" ? text.Format("Done", text[Label(done)]) : null;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFoundPage(id);
    }

    [HandlerPolicy(ConsolePolicies.Operate)]
    public Task<IActionResult> OnPostRepublishAsync(string id, string[]? channels, string? reason, bool confirmed, CancellationToken cancellationToken) =>
        ItemActionAsync("republish", id, channels, reason, confirmed, commands.RepublishAsync, cancellationToken);

    [HandlerPolicy(ConsolePolicies.Operate)]
    public Task<IActionResult> OnPostWithdrawAsync(string id, string[]? channels, string? reason, bool confirmed, CancellationToken cancellationToken) =>
        ItemActionAsync("withdraw", id, channels, reason, confirmed, commands.WithdrawAsync, cancellationToken);

    [HandlerPolicy(ConsolePolicies.Operate)]
    public async Task<IActionResult> OnPostRetryAsync(string id, string deliveryId, string? reason, bool confirmed, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFoundPage(id);
        }

        if (Ask("retry", reason, confirmed, [], deliveryId, null) is { } asked)
        {
            return asked;
        }

        var answer = await commands.RetryAsync(deliveryId, reason, ConsoleAuth.Actor(User), cancellationToken);
        return After("retry", id, answer.Refusal);
    }

    [HandlerPolicy(ConsolePolicies.Operate)]
    public async Task<IActionResult> OnPostConfirmAsync(
        string id, string deliveryId, string? url, string? reason, bool confirmed, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFoundPage(id);
        }

        if (Ask("confirm", reason, confirmed, [], deliveryId, url) is { } asked)
        {
            return asked;
        }

        var answer = await commands.ConfirmAsync(deliveryId, url, reason, ConsoleAuth.Actor(User), cancellationToken);
        return After("confirm", id, answer.Refusal);
    }

    private async Task<IActionResult> ItemActionAsync(
        string kind, string id, string[]? channels, string? reason, bool confirmed,
        Func<string, IReadOnlyList<string?>?, string?, string, CancellationToken, Task<CommandAnswer<CommandOutcome>>> command,
        CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFoundPage(id);
        }

        var chosen = (channels ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList();
        if (Ask(kind, reason, confirmed, chosen, null, null) is { } asked)
        {
            return asked;
        }

        var answer = await command(id, [.. chosen], reason, ConsoleAuth.Actor(User), cancellationToken);
        return After(kind, id, answer.Refusal);
    }

    /// <summary>The page again (with an error, or with the confirmation step) unless the action is confirmed with a reason.</summary>
    private PageResult? Ask(string kind, string? reason, bool confirmed, List<string> channels, string? deliveryId, string? url)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            Error = text["ReasonRequired"];
            return Page();
        }

        if (confirmed)
        {
            return null;
        }

        var delivery = deliveryId is null ? null : Item.Deliveries.FirstOrDefault(d => d.Id == deliveryId);
        var targets = channels.Count > 0 ? channels : delivery is not null ? [delivery.Channel] : Revision.Channels;
        Pending = new PendingAction(kind, channels, deliveryId, delivery?.Channel, url, reason.Trim(),
            kind == "withdraw" && targets.Any(IsWeChat));
        return Page();
    }

    private IActionResult After(string kind, string id, Refusal? error)
    {
        if (error is null)
        {
            return Redirect($"/items/{Uri.EscapeDataString(id)}?done={kind}");
        }

        Error = text.Format("NotPossible", error.Detail);
        Response.StatusCode = (int)error.Kind;
        return Page();
    }

    private ContentResult NotFoundPage(string id)
    {
        Error = text.Format("NotFound", id);
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Content(Error);
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await items.GetAsync(id, cancellationToken) is not { } item)
        {
            return false;
        }

        Item = item;
        Revision = (await items.GetRevisionAsync(id, item.Revision, cancellationToken))!;
        var attempts = new Dictionary<string, IReadOnlyList<Attempt>>(StringComparer.Ordinal);
        foreach (var delivery in item.Deliveries)
        {
            attempts[delivery.Id] = await deliveries.GetAttemptsAsync(delivery.Id, cancellationToken);
        }

        Attempts = attempts;
        Trail = await audit.ListAsync(id, 200, cancellationToken);
        Previews = [.. Revision.Channels.Select(c => ChannelPreview.Of(Revision, c, IsWeChat(c), catalogue.Find(c)?.DisplayName ?? c))];
        Board = (await board.ListConfirmationsAsync(id, cancellationToken)).ToDictionary(c => c.DeliveryId, StringComparer.Ordinal);
        return true;
    }

    public static string Label(string kind) => kind switch
    {
        "republish" => "Republish",
        "withdraw" => "Withdraw",
        "retry" => "Retry",
        "posted" => "ConfirmPosted",
        "taken_down" => "ConfirmTakenDown",
        _ => "ConfirmHandoff",
    };
}

/// <summary>An action shown for confirmation; <see cref="WeChatWarning"/> when it deletes from WeChat.</summary>
internal sealed record PendingAction(
    string Kind, IReadOnlyList<string> Channels, string? DeliveryId, string? DeliveryChannel, string? Url, string Reason, bool WeChatWarning);
