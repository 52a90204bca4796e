using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Syndicator.Core.Items;

namespace Syndicator.Storage;

/// <summary>
/// JSON as the store writes it: whole item revisions (media as base64) and small string lists. Chinese text is
/// kept readable in the database rather than escaped.
/// </summary>
internal static class StorageJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = StorageJsonContext.Default,
    };

    public static string Serialize(ItemRevision item) => JsonSerializer.Serialize(item, Options);

    public static ItemRevision DeserializeItem(string json) =>
        JsonSerializer.Deserialize<ItemRevision>(json, Options)
        ?? throw new InvalidDataException("A stored item revision is null.");

    public static string Serialize(IEnumerable<string> values) => JsonSerializer.Serialize(values.ToArray(), Options);

    public static IReadOnlyList<string> DeserializeStrings(string json) =>
        JsonSerializer.Deserialize<string[]>(json, Options) ?? [];
}

[JsonSerializable(typeof(ItemRevision))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
