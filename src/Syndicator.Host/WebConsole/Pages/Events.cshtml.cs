using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Syndicator.Core.Application;
using Syndicator.Core.Storage;

namespace Syndicator.Host.WebConsole.Pages;

/// <summary>
/// 事件推送 (IT): each enabled event subscription with its queue and circuit, its recent events and its failed ones
/// (optionally about one item), and replay — what <c>GET /api/events/subscriptions</c>, <c>GET /api/events</c> and
/// <c>POST /api/events/replay</c> do, through the same <see cref="EventsService"/>. Never a subscription's secret.
/// </summary>
[Authorize(Policy = ConsolePolicies.Events)]
internal sealed class EventsModel(EventsService events, ConsoleText text, TimeProvider time) : PageModel
{
    /// <summary>How many of a subscription's newest events the page shows.</summary>
    public const int RecentLength = 20;

    /// <summary>How many of a subscription's newest failed events the page shows.</summary>
    public const int FailedLength = 20;

    public IReadOnlyList<SubscriptionEvents> Subscriptions { get; private set; } = [];

    /// <summary>The item the events are filtered by, if any.</summary>
    public string? ItemId { get; private set; }

    /// <summary>The item filter as typed (cut at <see cref="EventsService.MaxItemIdLength"/> + 1 characters), shown back in its field.</summary>
    public string ItemInput { get; private set; } = "";

    /// <summary>Messages next to the fields they are about: <c>item</c>, <c>since</c>, <c>subscription</c>.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The replay form's start as typed (or a day ago), and its chosen subscription ("" for every one).</summary>
    public string Since { get; private set; } = "";

    public string ReplayTo { get; private set; } = "";

    /// <summary>What a replay just queued, in words.</summary>
    public string? Done { get; private set; }

    public bool CanReplay => ConsolePolicies.Roles[ConsolePolicies.EventsReplay].Any(User.IsInRole);

    public async Task OnGetAsync(string? item, CancellationToken cancellationToken)
    {
        Since = text.LocalInput(time.GetUtcNow().AddDays(-1));
        await LoadAsync(item, cancellationToken);
    }

    /// <summary>重新发送: every event since the start to the chosen subscription (or every one), under the same ids; audited.</summary>
    [HandlerPolicy(ConsolePolicies.EventsReplay)]
    public async Task<IActionResult> OnPostReplayAsync(string? since, string? subscription, string? item, CancellationToken cancellationToken)
    {
        Since = since is { Length: <= 19 } ? since : "";
        ReplayTo = string.IsNullOrEmpty(subscription) ? "" : subscription;
        var from = text.ParseLocal(since);
        if (from is null)
        {
            Errors["since"] = text["ReplaySinceBad"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            var answer = await events.ReplayAsync(from, ReplayTo.Length == 0 ? null : ReplayTo, ConsoleAuth.Actor(User), cancellationToken);
            if (answer.Refusal is { } refusal)
            {
                foreach (var (field, messages) in refusal.Errors)
                {
                    Errors[field] = Localized(field) + " " + string.Join(" ", messages);
                }

                Response.StatusCode = (int)refusal.Kind;
            }
            else
            {
                var queued = answer.Value!;
                Done = text.Format("ReplayDone", queued.Values.Sum(),
                    string.Join(text.Language == ConsoleText.English ? ", " : "，", queued.Select(q => q.Key + " " + q.Value.ToString(CultureInfo.InvariantCulture))));
            }
        }

        await LoadAsync(item, cancellationToken);
        return Page();
    }

    private string Localized(string field) => field switch
    {
        "since" => text.Format("ReplaySinceRange", (int)EventsService.MaxReplayAge.TotalDays),
        "subscription" => text["ReplaySubscriptionBad"],
        _ => "",
    };

    private async Task LoadAsync(string? item, CancellationToken cancellationToken)
    {
        ItemId = string.IsNullOrWhiteSpace(item) ? null : item.Trim();
        ItemInput = ItemId is null ? "" : ItemId[..Math.Min(ItemId.Length, EventsService.MaxItemIdLength + 1)];
        if (ItemId is { Length: > EventsService.MaxItemIdLength })
        {
            // Refused and not applied: the page lists every item's events under the message.
            Errors["item"] = text.Format("ItemIdTooLong", EventsService.MaxItemIdLength);
            ItemId = null;
            if (Response.StatusCode == StatusCodes.Status200OK)
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            }
        }

        var list = new List<SubscriptionEvents>();
        foreach (var view in await events.SubscriptionsAsync(cancellationToken))
        {
            var recent = await events.ListAsync(view.Name, false, ItemId, RecentLength, cancellationToken);
            var failed = await events.ListAsync(view.Name, true, ItemId, FailedLength, cancellationToken);
            list.Add(new SubscriptionEvents(view, recent.Value ?? [], failed.Value ?? []));
        }

        Subscriptions = list;
    }
}

/// <summary>One subscription as the page shows it: its view, its newest events and its newest failed ones.</summary>
internal sealed record SubscriptionEvents(
    SubscriptionView View, IReadOnlyList<EventDeliveryRecord> Recent, IReadOnlyList<EventDeliveryRecord> Failed);
