using System.Collections.Immutable;
using System.Text.Json;

namespace Syndicator.Core.Deliveries;

/// <summary>
/// A connector's persisted progress through a multi-step delivery: small string facts such as
/// <c>step=create-sent</c> or <c>remoteId=42</c>. Saved after every step, so a retry or another worker resumes
/// after the last completed step instead of starting over.
/// </summary>
public sealed class Checkpoint
{
    public static readonly Checkpoint Empty = new(ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));

    private readonly ImmutableSortedDictionary<string, string> _values;

    private Checkpoint(ImmutableSortedDictionary<string, string> values) => _values = values;

    public IReadOnlyDictionary<string, string> Values => _values;

    public bool IsEmpty => _values.IsEmpty;

    public string? this[string key] => _values.GetValueOrDefault(key);

    public Checkpoint With(string key, string? value) =>
        new(value is null ? _values.Remove(key) : _values.SetItem(key, value));

    public string ToJson() => JsonSerializer.Serialize(_values);

    public static Checkpoint FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return Empty;
        }

        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        return new(values.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    public override string ToString() => ToJson();
}
