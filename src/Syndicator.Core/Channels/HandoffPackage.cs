using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;

namespace Syndicator.Core.Channels;

/// <summary>
/// A connector for a platform without an inbound interface implements this beside <see cref="IChannelConnector"/>:
/// its deliveries end in <see cref="ChannelOutcome.HandedOff"/>, and operators read what to paste where from the
/// package, then confirm the live URL.
/// </summary>
public interface IHandoffPackager
{
    /// <summary>What an operator needs to carry out <paramref name="operation"/> of <paramref name="item"/> by hand.</summary>
    HandoffPackage Package(ItemRevision item, DeliveryOperation operation, Placement? live);
}

/// <summary>A ready-to-paste package: the body rendered, as plain text, the metadata table and the files.</summary>
/// <param name="Instructions">What to do, in words (Chinese first), e.g. where to paste and what to confirm.</param>
/// <param name="Title">The title to use on the platform.</param>
/// <param name="Html">The sanitized body, images inlined as <c>data:</c> URIs so it previews and pastes as one piece.</param>
/// <param name="Text">The body as plain text, paragraphs on their own lines.</param>
/// <param name="Metadata">The catalogue's fields in the order disclosure portals show them; empty values left out.</param>
/// <param name="Images">The body's images, by the names the body uses.</param>
/// <param name="Attachments">The item's attachments.</param>
public sealed record HandoffPackage(
    string Instructions,
    string Title,
    string Html,
    string Text,
    IReadOnlyList<KeyValuePair<string, string>> Metadata,
    IReadOnlyList<MediaFile> Images,
    IReadOnlyList<MediaFile> Attachments)
{
    /// <summary>
    /// Documents the connector made for this hand-off, e.g. a notice to print (<c>notice.pdf</c>); the CLI writes each
    /// beside <c>index.html</c> under its own name. Default: none.
    /// </summary>
    public IReadOnlyList<MediaFile> Files { get; init; } = [];
}
