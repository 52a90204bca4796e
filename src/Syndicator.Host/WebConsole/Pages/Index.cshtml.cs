using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;

namespace Syndicator.Host.WebConsole.Pages;

/// <summary>信息列表: items, newest first, with per-channel status chips; filters and search by id or title.</summary>
[Authorize(Policy = ConsolePolicies.ReadItems)]
internal sealed class IndexModel(IItemStore items, ChannelCatalogue catalogue) : PageModel
{
    private const int PageSize = 200;

    public IReadOnlyList<ItemRecord> Items { get; private set; } = [];

    public IReadOnlyList<string> ChannelIds { get; } = [.. catalogue.Channels.Select(c => c.Id)];

    public IReadOnlyList<string> Categories { get; } = [.. catalogue.Categories.Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> Statuses { get; } = ["in_progress", "delivered", "attention", "withdrawn"];

    public string? Status { get; private set; }

    public string? Channel { get; private set; }

    public string? Category { get; private set; }

    public string? Since { get; private set; }

    public string? Query { get; private set; }

    public async Task OnGetAsync(string? status, string? channel, string? category, string? since, string? q, CancellationToken cancellationToken)
    {
        Status = Statuses.Contains(status) ? status : null;
        Channel = ChannelIds.Contains(channel) ? channel : null;
        Category = Categories.Contains(category) ? category : null;
        DateTimeOffset? from = null;
        if (DateOnly.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            Since = since;
            from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        ItemStatus? wanted = Status is not null && ItemStatusRules.TryParse(Status, out var parsed) ? parsed : null;
        var page = await items.ListAsync(new ItemQuery(wanted, Channel, Category, from, Query is null ? PageSize : 500), cancellationToken);
        if (Query is not null)
        {
            // An exact id finds the item whatever the other filters; otherwise the title (or id) contains the words.
            var exact = await items.GetAsync(Query, cancellationToken);
            page = [.. (exact is null ? [] : new[] { exact }).Concat(page.Where(i => i.Id != exact?.Id
                && (i.Title.Contains(Query, StringComparison.OrdinalIgnoreCase) || i.Id.Contains(Query, StringComparison.OrdinalIgnoreCase))))];
        }

        Items = page;
    }
}
