using System.Security.Cryptography;
using System.Text;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;

namespace Syndicator.Testing;

/// <summary>Unique test data: every call gives values no other test uses.</summary>
public static class Some
{
    private static int _counter;

    public static int Int() => Interlocked.Increment(ref _counter);

    public static string ItemId() => $"t-{Guid.NewGuid():N}"[..24];

    public static string Title() => $"关于测试事项的通知 {Int()}";

    public static DateTimeOffset Instant() => new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>A 1×1 PNG (real signature, so platforms that sniff the type accept it), made unique by trailing bytes.</summary>
    public static MediaFile Image(string name = "fig1.png") =>
        new(name, "image/png", [.. OnePixelPng, .. Encoding.ASCII.GetBytes(" " + Int())]);

    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static MediaFile Attachment(string name = "通知.pdf") =>
        new(name, "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4 test " + Int()));

    /// <summary>An accepted revision routed to <paramref name="channels"/> (default: bureau).</summary>
    public static ItemRevision Item(
        string? id = null,
        int revision = 1,
        string? title = null,
        string? bodyHtml = null,
        IReadOnlyList<string>? channels = null,
        string category = "工作信息",
        IReadOnlyList<MediaFile>? images = null,
        IReadOnlyList<MediaFile>? attachments = null,
        DateTimeOffset? acceptedAt = null)
    {
        var html = bodyHtml ?? $"<p>正文内容 {Int()}</p>";
        var itemId = id ?? ItemId();
        return new ItemRevision
        {
            Id = itemId,
            Revision = revision,
            Title = title ?? Title(),
            Summary = "摘要",
            Body = new ItemBody("html", html),
            BodyHtml = html,
            Category = category,
            Publisher = "桐乡市水利局",
            WrittenOn = new DateOnly(2026, 3, 1),
            Images = images ?? [],
            Attachments = attachments ?? [],
            Channels = channels ?? ["bureau"],
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{itemId}|{revision}|{html}|{title}"))),
            AcceptedAt = acceptedAt ?? Instant(),
        };
    }

    /// <summary>A delivery in the given state, for state machine and connector tests.</summary>
    public static Delivery Delivery(
        ItemRevision? item = null,
        string channel = "bureau",
        DeliveryOperation operation = DeliveryOperation.Publish,
        DeliveryStatus status = DeliveryStatus.InProgress,
        int attempts = 0,
        Checkpoint? checkpoint = null)
    {
        var i = item ?? Item();
        return new Delivery
        {
            Id = $"d-{Guid.NewGuid():N}",
            Sequence = Int(),
            ItemId = i.Id,
            Revision = i.Revision,
            Channel = channel,
            Operation = operation,
            Status = status,
            Attempts = attempts,
            Checkpoint = checkpoint ?? Checkpoint.Empty,
            CreatedAt = Instant(),
            UpdatedAt = Instant(),
        };
    }
}
