using System.Text.Json;

namespace Syndicator.Sandbox.Bureau;

/// <summary>The body of <c>POST /api/v1/contents</c>, and how the site's contents answer it.</summary>
internal sealed class ContentQuery
{
    public int SiteId { get; init; }

    public int? ChannelId { get; init; }

    public bool? Checked { get; init; }

    public bool? Top { get; init; }

    public bool? Recommend { get; init; }

    public bool? Hot { get; init; }

    public IReadOnlyList<string>? TagNames { get; init; }

    public IReadOnlyList<string>? GroupNames { get; init; }

    public IReadOnlyList<Where>? Wheres { get; init; }

    public IReadOnlyList<Order>? Orders { get; init; }

    public int Page { get; init; }

    public int PerPage { get; init; }

    public int EffectivePage => Page > 0 ? Page : 1;

    public int EffectivePerPage => PerPage > 0 ? PerPage : 20;

    /// <summary>
    /// Filters <paramref name="contents"/> (already limited to the channel scope, recycle bin excluded), orders them
    /// (default: top, channel, taxis, id — all descending, as SSCMS does) and cuts the page.
    /// </summary>
    /// <exception cref="ContentQueryException">A where or order names an unknown column or operator.</exception>
    public (int TotalCount, IReadOnlyList<BureauContent> Page) Run(IEnumerable<BureauContent> contents)
    {
        var filters = (Wheres ?? []).Select(static w => (Column: ContentColumns.Column(w.Column), w.Operator, Value: w.Text())).ToList();
        var matching = contents
            .Where(c => Checked is null || c.Checked == Checked)
            .Where(c => Top is null || c.Top == Top)
            .Where(c => Recommend is null || c.Recommend == Recommend)
            .Where(c => Hot is null || c.Hot == Hot)
            .Where(c => HasAny(c.TagNames, TagNames) && HasAny(c.GroupNames, GroupNames))
            .Where(c => filters.TrueForAll(f => ContentColumns.Matches(f.Column(c), f.Operator, f.Value)))
            .ToList();
        var orders = Orders is { Count: > 0 } ? Orders : DefaultOrders;
        matching.Sort((left, right) => CompareBy(orders, left, right));
        var page = matching.Skip((EffectivePage - 1) * EffectivePerPage).Take(EffectivePerPage).ToList();
        return (matching.Count, page);
    }

    private static readonly Order[] DefaultOrders =
        [new() { Column = "Top", Desc = true }, new() { Column = "ChannelId", Desc = true }, new() { Column = "Taxis", Desc = true }, new() { Column = "Id", Desc = true }];

    private static int CompareBy(IReadOnlyList<Order> orders, BureauContent left, BureauContent right)
    {
        foreach (var order in orders)
        {
            var column = ContentColumns.Column(order.Column);
            var result = ContentColumns.Order(column(left), column(right));
            if (result != 0)
            {
                return order.Desc ? -result : result;
            }
        }

        return 0;
    }

    // SSCMS matches a content carrying any one of the names asked for; an empty or absent list does not filter.
    private static bool HasAny(IReadOnlyList<string> names, IReadOnlyList<string>? wanted) =>
        wanted is null || wanted.All(string.IsNullOrEmpty) || wanted.Any(w => !string.IsNullOrEmpty(w) && names.Contains(w));

    internal sealed class Where
    {
        public string? Column { get; init; }

        public string? Operator { get; init; }

        /// <summary>SSCMS reads the value as text; numbers and booleans are taken as their text too.</summary>
        public JsonElement Value { get; init; }

        public string? Text() => Value.ValueKind switch
        {
            JsonValueKind.String => Value.GetString(),
            JsonValueKind.Number => Value.GetRawText(),
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            _ => null,
        };
    }

    internal sealed class Order
    {
        public string? Column { get; init; }

        public bool Desc { get; init; }
    }
}
