using System.Globalization;
using System.Text.RegularExpressions;

namespace Syndicator.Sandbox.Bureau;

/// <summary>
/// The database columns a list query may name in <c>wheres</c> and <c>orders</c>, with SQL-like comparison:
/// NULL matches nothing, booleans are stored as <c>True</c>/<c>False</c> text, <c>Like</c> takes <c>%</c> and
/// <c>_</c> wildcards and ignores ASCII case (as SQLite does), <c>In</c>/<c>NotIn</c> take a comma-separated list.
/// </summary>
internal static class ContentColumns
{
    private static readonly Dictionary<string, Func<BureauContent, object?>> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Id"] = static c => (long)c.Id,
        ["Guid"] = static c => c.ContentGuid,
        ["SiteId"] = static c => (long)c.SiteId,
        ["ChannelId"] = static c => (long)c.ChannelId,
        ["Checked"] = static c => c.Checked,
        ["CheckedLevel"] = static c => (long)c.CheckedLevel,
        ["Title"] = static c => c.Title,
        ["SubTitle"] = static c => c.SubTitle,
        ["Body"] = static c => c.Body,
        ["Summary"] = static c => c.Summary,
        ["Author"] = static c => c.Author,
        ["Source"] = static c => c.Source,
        ["ImageUrl"] = static c => c.ImageUrl,
        ["VideoUrl"] = static c => c.VideoUrl,
        ["FileUrl"] = static c => c.FileUrl,
        ["LinkUrl"] = static c => c.LinkUrl,
        ["LinkType"] = static c => c.LinkType,
        ["TagNames"] = static c => string.Join(',', c.TagNames),
        ["GroupNames"] = static c => string.Join(',', c.GroupNames),
        ["SourceId"] = static c => (long)c.SourceId,
        ["ReferenceId"] = static c => (long)c.ReferenceId,
        ["TemplateId"] = static c => (long)c.TemplateId,
        ["Taxis"] = static c => (long)c.Taxis,
        ["Hits"] = static c => (long)c.Hits,
        ["Downloads"] = static c => (long)c.Downloads,
        ["Top"] = static c => c.Top,
        ["Recommend"] = static c => c.Recommend,
        ["Hot"] = static c => c.Hot,
        ["Color"] = static c => c.Color,
        ["AddDate"] = static c => c.AddDate,
        ["AdminId"] = static c => (long)c.AdminId,
        ["CreatedDate"] = static c => c.CreatedDate,
        ["LastModifiedDate"] = static c => c.LastModifiedDate,
    };

    public static Func<BureauContent, object?> Column(string? name) =>
        name is not null && Columns.TryGetValue(name, out var column)
            ? column
            : throw new ContentQueryException($"SQLite Error 1: 'no such column: {name}'.");

    public static bool Matches(object? actual, string? @operator, string? value)
    {
        if (actual is null || value is null)
        {
            return false;
        }

        return (string.IsNullOrEmpty(@operator) ? "=" : @operator).ToUpperInvariant() switch
        {
            "=" => Compare(actual, value) == 0,
            "<>" or "!=" => Compare(actual, value) != 0,
            ">" => Compare(actual, value) > 0,
            ">=" => Compare(actual, value) >= 0,
            "<" => Compare(actual, value) < 0,
            "<=" => Compare(actual, value) <= 0,
            "IN" => InList(actual, value),
            "NOTIN" => !InList(actual, value),
            "LIKE" => Like(actual, value),
            "NOTLIKE" => !Like(actual, value),
            _ => throw new ContentQueryException($"SQLite Error 1: 'near \"{@operator}\": syntax error'."),
        };
    }

    /// <summary>Orders like SQL: NULL first, numbers by value, booleans false before true, text by ordinal.</summary>
    public static int Order(object? left, object? right) => (left, right) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (long l, long r) => l.CompareTo(r),
        (bool l, bool r) => l.CompareTo(r),
        _ => string.CompareOrdinal(Text(left), Text(right)),
    };

    private static int Compare(object actual, string value) =>
        actual is long number && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var other)
            ? number.CompareTo(other)
            : actual is bool
                ? string.Compare(Text(actual), value, StringComparison.OrdinalIgnoreCase)
                : string.CompareOrdinal(Text(actual), value);

    private static bool InList(object actual, string values) =>
        values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(v => Compare(actual, v) == 0);

    private static bool Like(object actual, string pattern)
    {
        var regex = @"\A" + Regex.Escape(pattern).Replace("%", ".*", StringComparison.Ordinal).Replace("_", ".", StringComparison.Ordinal) + @"\z";
        return Regex.IsMatch(Text(actual), regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    private static string Text(object value) => value switch
    {
        bool flag => flag ? "True" : "False",
        long number => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>A list query SSCMS's database would reject (unknown column or operator): answered as a server fault.</summary>
internal sealed class ContentQueryException(string message) : Exception(message);
