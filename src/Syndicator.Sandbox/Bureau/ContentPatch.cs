using System.Text.Json;

namespace Syndicator.Sandbox.Bureau;

/// <summary>
/// The fields a create or update call sends, checked for type before anything is stored. Names match
/// case-insensitively (as ASP.NET Core model binding does); fields SSCMS manages itself (id, guid, siteId, channelId,
/// sourceId, adminId, dates, counters) and unknown fields are ignored. No content validation: <c>{}</c> is accepted.
/// </summary>
internal sealed class ContentPatch
{
    private delegate Action<BureauContent>? Reader(JsonElement value);

    private static readonly Dictionary<string, Reader> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = v => Text(v, (c, s) => c.Title = s),
        ["subTitle"] = v => Text(v, (c, s) => c.SubTitle = s),
        ["body"] = v => Text(v, (c, s) => c.Body = s),
        ["summary"] = v => Text(v, (c, s) => c.Summary = s),
        ["author"] = v => Text(v, (c, s) => c.Author = s),
        ["source"] = v => Text(v, (c, s) => c.Source = s),
        ["imageUrl"] = v => Text(v, (c, s) => c.ImageUrl = s),
        ["videoUrl"] = v => Text(v, (c, s) => c.VideoUrl = s),
        ["fileUrl"] = v => Text(v, (c, s) => c.FileUrl = s),
        ["linkUrl"] = v => Text(v, (c, s) => c.LinkUrl = s),
        ["linkType"] = v => Text(v, (c, s) => c.LinkType = s ?? "None"),
        ["color"] = v => Text(v, (c, s) => c.Color = s),
        ["addDate"] = v => Text(v, (c, s) => c.AddDate = s),
        ["tagNames"] = v => Names(v, (c, l) => c.TagNames = l),
        ["groupNames"] = v => Names(v, (c, l) => c.GroupNames = l),
        ["checked"] = v => Flag(v, (c, b) => c.Checked = b),
        ["top"] = v => Flag(v, (c, b) => c.Top = b),
        ["recommend"] = v => Flag(v, (c, b) => c.Recommend = b),
        ["hot"] = v => Flag(v, (c, b) => c.Hot = b),
        ["checkedLevel"] = v => Number(v, (c, n) => c.CheckedLevel = n),
    };

    private readonly List<Action<BureauContent>> _changes;

    private ContentPatch(List<Action<BureauContent>> changes, bool? @checked, int? checkedLevel)
    {
        _changes = changes;
        Checked = @checked;
        CheckedLevel = checkedLevel;
    }

    /// <summary>The <c>checked</c> flag as sent; null when not sent.</summary>
    public bool? Checked { get; }

    /// <summary>The <c>checkedLevel</c> as sent; null when not sent.</summary>
    public int? CheckedLevel { get; }

    public static ContentPatch? Parse(JsonElement body, out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["The JSON value could not be converted to SSCMS.Models.Content. Path: $"];
            return null;
        }

        var changes = new List<Action<BureauContent>>();
        bool? sentChecked = null;
        int? sentLevel = null;
        foreach (var property in body.EnumerateObject())
        {
            if (string.Equals(property.Name, "checked", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                sentChecked = property.Value.GetBoolean();
            }

            if (string.Equals(property.Name, "checkedLevel", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var level))
            {
                sentLevel = level;
            }

            if (!Fields.TryGetValue(property.Name, out var read))
            {
                continue;
            }

            if (read(property.Value) is { } change)
            {
                changes.Add(change);
            }
            else
            {
                errors[$"$.{property.Name}"] = [$"The JSON value at $.{property.Name} has the wrong type ({property.Value.ValueKind})."];
            }
        }

        return errors.Count == 0 ? new ContentPatch(changes, sentChecked, sentLevel) : null;
    }

    public void ApplyTo(BureauContent content)
    {
        foreach (var change in _changes)
        {
            change(content);
        }
    }

    private static Action<BureauContent>? Text(JsonElement value, Action<BureauContent, string?> set) => value.ValueKind switch
    {
        JsonValueKind.String => Bind(set, value.GetString()),
        JsonValueKind.Null => Bind<string?>(set, null),
        _ => null,
    };

    private static Action<BureauContent>? Flag(JsonElement value, Action<BureauContent, bool> set) => value.ValueKind switch
    {
        JsonValueKind.True => Bind(set, true),
        JsonValueKind.False => Bind(set, false),
        _ => null,
    };

    private static Action<BureauContent>? Number(JsonElement value, Action<BureauContent, int> set) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? Bind(set, number) : null;

    private static Action<BureauContent>? Names(JsonElement value, Action<BureauContent, IReadOnlyList<string>> set)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return Bind<IReadOnlyList<string>>(set, []);
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(static e => e.ValueKind != JsonValueKind.String))
        {
            return null;
        }

        return Bind<IReadOnlyList<string>>(set, [.. value.EnumerateArray().Select(static e => e.GetString()!)]);
    }

    private static Action<BureauContent> Bind<T>(Action<BureauContent, T> set, T value) => content => set(content, value);
}
