using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;

namespace Syndicator.Channels.Webhook;

/// <summary>
/// The JSON body of an event, in the Standard Webhooks payload shape (<c>type</c>, <c>timestamp</c>, <c>data</c>);
/// the schema is docs/channels/webhook.md's. The bytes depend only on the delivery and the revision, so every try of
/// one delivery sends the same body.
/// </summary>
internal static class WebhookPayload
{
    public const string Published = "item.published";
    public const string Updated = "item.updated";
    public const string Withdrawn = "item.withdrawn";
    public const string Ping = "webhook.ping";

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string TypeOf(DeliveryOperation operation) => operation switch
    {
        DeliveryOperation.Publish => Published,
        DeliveryOperation.Update => Updated,
        DeliveryOperation.Withdraw => Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown operation."),
    };

    /// <summary>The event of one delivery.</summary>
    public static byte[] Of(Delivery delivery, DeliveryOperation operation, ItemRevision item, Placement? live, string channel, bool inlineMedia)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("type", TypeOf(operation));
            json.WriteString("timestamp", delivery.CreatedAt.ToUniversalTime());
            json.WriteStartObject("data");
            json.WriteString("deliveryId", delivery.Id);
            json.WriteString("channel", channel);
            json.WriteString("operation", operation.ToString().ToLowerInvariant());
            json.WriteString("itemId", item.Id);
            json.WriteNumber("revision", item.Revision);
            WriteOptional(json, "remoteId", live?.RemoteId);
            WriteOptional(json, "url", live?.Url?.AbsoluteUri);
            json.WriteString("title", item.TitleFor(channel));
            if (operation != DeliveryOperation.Withdraw)
            {
                WriteItem(json, item, channel, inlineMedia);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The health probe's event: no item, a fresh id each time.</summary>
    public static byte[] PingOf(string channel, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("type", Ping);
            json.WriteString("timestamp", now.ToUniversalTime());
            json.WriteStartObject("data");
            json.WriteString("channel", channel);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteItem(Utf8JsonWriter json, ItemRevision item, string channel, bool inlineMedia)
    {
        WriteOptional(json, "summary", item.SummaryFor(channel));
        json.WriteString("bodyHtml", item.BodyHtml);
        json.WriteString("category", item.Category);
        WriteOptional(json, "indexNumber", item.IndexNumber);
        WriteOptional(json, "documentNumber", item.DocumentNumber);
        json.WriteString("publisher", item.Publisher);
        WriteOptional(json, "writtenOn", item.WrittenOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (item.PublishAt is { } publishAt)
        {
            json.WriteString("publishAt", publishAt.ToUniversalTime());
        }

        json.WriteString("acceptedAt", item.AcceptedAt.ToUniversalTime());
        json.WriteString("contentHash", item.ContentHash);
        var d = item.Disclosure;
        json.WriteStartObject("disclosure");
        WriteOptional(json, "topic", d.Topic);
        WriteOptional(json, "genre", d.Genre);
        WriteOptional(json, "validity", d.Validity);
        json.WriteString("mode", d.Mode);
        json.WriteString("scope", d.Scope);
        json.WriteStartArray("keywords");
        foreach (var keyword in d.Keywords)
        {
            json.WriteStringValue(keyword);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("media");
        if (item.Cover is { } cover)
        {
            json.WritePropertyName("cover");
            WriteMedia(json, cover, inlineMedia);
        }

        WriteMediaList(json, "images", item.Images, inlineMedia);
        WriteMediaList(json, "attachments", item.Attachments, inlineMedia);
        json.WriteEndObject();
    }

    private static void WriteMediaList(Utf8JsonWriter json, string name, IReadOnlyList<MediaFile> files, bool inlineMedia)
    {
        json.WriteStartArray(name);
        foreach (var file in files)
        {
            WriteMedia(json, file, inlineMedia);
        }

        json.WriteEndArray();
    }

    private static void WriteMedia(Utf8JsonWriter json, MediaFile file, bool inlineMedia)
    {
        json.WriteStartObject();
        json.WriteString("name", file.Name);
        json.WriteString("type", file.MediaType);
        json.WriteNumber("size", file.Content.Length);
        json.WriteString("sha256", Convert.ToHexStringLower(SHA256.HashData(file.Content)));
        if (inlineMedia)
        {
            json.WriteBase64String("base64", file.Content);
        }

        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
