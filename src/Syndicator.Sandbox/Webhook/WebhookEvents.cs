using System.Text.Json.Nodes;

namespace Syndicator.Sandbox.Webhook;

/// <summary>What each event type does to the receiver's articles (under the store's lock).</summary>
internal static class WebhookEvents
{
    public const string Published = "item.published";
    public const string Updated = "item.updated";
    public const string Withdrawn = "item.withdrawn";
    public const string Ping = "webhook.ping";

    private static readonly string[] MetadataFields =
        ["deliveryId", "operation", "revision", "category", "indexNumber", "documentNumber", "publisher", "writtenOn", "contentHash", "disclosure", "media"];

    public static JsonObject Apply(string type, JsonObject data, SortedDictionary<string, WebhookArticle> articles, WebhookEmulator emulator, DateTimeOffset now)
    {
        if (type == Ping)
        {
            return new JsonObject { ["ok"] = true };
        }

        var id = data["itemId"]!.GetValue<string>();
        articles.TryGetValue(id, out var existing);
        if (type == Withdrawn)
        {
            if (existing is { Deleted: false })
            {
                articles[id] = existing with { Deleted = true, UpdatedAt = now, Deliveries = existing.Deliveries + 1 };
                emulator.Stats.Deleted();
            }

            return new JsonObject { ["id"] = id };
        }

        var metadata = new JsonObject();
        foreach (var field in MetadataFields)
        {
            if (data[field] is { } value)
            {
                metadata[field] = field == "media" ? WithoutContent(value) : value.DeepClone();
            }
        }

        var article = new WebhookArticle(
            id,
            data["title"]?.GetValue<string>() ?? "",
            data["bodyHtml"]?.GetValue<string>() ?? "",
            data["revision"]?.GetValue<int>() ?? 0,
            metadata,
            existing?.CreatedAt ?? now,
            now,
            Deleted: false,
            (existing?.Deliveries ?? 0) + 1);
        articles[id] = article;
        if (existing is null)
        {
            emulator.Stats.Created();
        }
        else
        {
            emulator.Stats.Updated();
        }

        return new JsonObject { ["id"] = id, ["url"] = WebhookEmulator.PagePath(id) };
    }

    /// <summary>The media's names, types, sizes and hashes; the base64 is not kept in the listing.</summary>
    private static JsonNode WithoutContent(JsonNode media)
    {
        var copy = media.DeepClone();
        foreach (var file in copy.AsObject().SelectMany(static p => p.Value is JsonArray a ? a.OfType<JsonObject>() : p.Value is JsonObject o ? [o] : []))
        {
            file.Remove("base64");
        }

        return copy;
    }
}
