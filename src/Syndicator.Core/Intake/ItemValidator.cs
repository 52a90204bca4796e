using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Compliance;
using Syndicator.Core.Items;

namespace Syndicator.Core.Intake;

/// <summary>
/// Checks a submission and turns it into an <see cref="ItemRevision"/>. Shape errors (a missing or malformed field)
/// are 400; an item that is well-formed but cannot be published as asked (an unknown category or channel, a limit)
/// is 422. Every error names its field.
/// </summary>
public sealed partial class ItemValidator
{
    private readonly ChannelCatalogue _catalogue;
    private readonly IntakeOptions _limits;
    private readonly PublisherOptions _publisher;
    private readonly BodyRenderer _renderer;
    private readonly Dictionary<string, IChannelConnectorFactory> _connectors;
    private readonly ComplianceChecker _compliance;

    /// <summary>The compliance checks are a mandatory step: an intake without them cannot be built.</summary>
    public ItemValidator(
        ChannelCatalogue catalogue,
        IOptions<IntakeOptions> limits,
        IOptions<PublisherOptions> publisher,
        BodyRenderer renderer,
        ComplianceChecker compliance,
        IEnumerable<IChannelConnectorFactory>? connectors = null)
    {
        ArgumentNullException.ThrowIfNull(compliance);
        _compliance = compliance;
        _catalogue = catalogue;
        _limits = limits.Value;
        _publisher = publisher.Value;
        _renderer = renderer;
        _connectors = (connectors ?? []).ToDictionary(f => f.Connector, StringComparer.Ordinal);
    }

    /// <summary>
    /// Reads, bounds, validates, renders and checks a submission, in that order: every length, count and depth limit
    /// is checked before anything that costs more than linear time (the markdown renderer, the HTML parser and
    /// sanitizer, the compliance checks) sees the item.
    /// </summary>
    public IntakeResult Validate(SubmittedItem item, DateTimeOffset now)
    {
        var shape = new FieldErrors();
        var media = new MediaReader(shape);
        CheckShape(item, shape);
        var images = media.ReadList(item.Images, "images");
        var cover = item.Cover is null ? null : media.Read(item.Cover, "cover");
        var attachments = media.ReadList(item.Attachments, "attachments");
        var writtenOn = ReadDate(item.WrittenOn, shape);
        if (shape.Any)
        {
            return new(null, new(400, "The item is malformed.", shape.ToDictionary()));
        }

        var limits = new FieldErrors();
        var bounded = CheckLimits(item, limits, now);
        var bodyFits = BodyShape.Check(item.Body!.Format!, item.Body.Content!, _limits, limits);
        var channels = bounded ? ResolveChannels(item, limits) : [];
        var body = bodyFits ? _renderer.Render(item.Body.Format!, item.Body.Content!, _limits, limits) : null;
        if (body is { HasContent: false })
        {
            limits.Add("body.content", "Nothing publishable is left of the body once scripts and unsafe markup are removed.");
        }

        new MediaRules(_limits, limits).Check(images, cover, attachments, body?.LocalImages ?? []);
        if (limits.Any)
        {
            return Unpublishable(limits);
        }

        var revision = ToRevision(item, body!.Html, channels, images, cover, attachments, writtenOn, now);
        foreach (var (field, message) in PlatformProblems(revision))
        {
            limits.Add(field, message);
        }

        if (limits.Any)
        {
            return Unpublishable(limits);
        }

        // Last, on an item that is otherwise publishable: the checks read every attachment, once.
        var compliance = _compliance.Check(revision);
        if (compliance.Busy is { } busy)
        {
            return new(null, new(503, "Too many attachments are being read.", new Dictionary<string, string[]> { ["attachments"] = [busy] }));
        }

        foreach (var finding in compliance.Blocking)
        {
            limits.Add(finding.Field, finding.Message);
        }

        // What the body policy removed is kept with the compliance notes: shown in the answer and the item's view.
        var removed = body.Removed.Select(r => new ComplianceNote("body.content", r)).ToList();
        return limits.Any
            ? new(null, new(422, "The item fails a compliance check.", limits.ToDictionary()))
            : new(revision, null) { Compliance = removed.Count == 0 ? compliance : compliance with { Notes = [.. compliance.Notes, .. removed] } };
    }

    private static IntakeResult Unpublishable(FieldErrors errors) =>
        new(null, new(422, "The item cannot be published as submitted.", errors.ToDictionary()));

    /// <summary>Each channel's own limits (its connector's <see cref="IChannelConnectorFactory.CheckItem"/>).</summary>
    private IEnumerable<KeyValuePair<string, string>> PlatformProblems(ItemRevision revision) =>
        revision.Channels
            .Select(_catalogue.Find)
            .OfType<ChannelDefinition>()
            .Where(c => _connectors.ContainsKey(c.Connector))
            .SelectMany(c => _connectors[c.Connector].CheckItem(c, revision));

    private static void CheckShape(SubmittedItem item, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(item.Id))
        {
            errors.Add("id", "The id is required: 1–64 characters of A–Z, a–z, 0–9, '.', '_' or '-'.");
        }
        else if (!IdPattern().IsMatch(item.Id))
        {
            errors.Add("id", "The id must be 1–64 characters of A–Z, a–z, 0–9, '.', '_' or '-'.");
        }

        if (item.Revision is null or < 1)
        {
            errors.Add("revision", "The revision is required and must be 1 or more.");
        }

        Require(errors, "title", item.Title, "The title is required.");
        Require(errors, "category", item.Category, "The category is required.");
        if (item.Body is null)
        {
            errors.Add("body", "The body is required: { \"format\": \"html\" | \"markdown\", \"content\": \"…\" }.");
        }
        else
        {
            if (item.Body.Format is not ("html" or "markdown"))
            {
                errors.Add("body.format", "The body format must be \"html\" or \"markdown\".");
            }

            Require(errors, "body.content", item.Body.Content, "The body content is required.");
        }

        for (var i = 0; i < (item.Channels?.Count ?? 0); i++)
        {
            Require(errors, $"channels[{i}]", item.Channels![i], "A channel id must not be empty.");
        }

        foreach (var (channel, value) in item.Overrides ?? [])
        {
            if (value is null)
            {
                errors.Add($"overrides.{channel}", "An override must be an object with a title and/or a summary.");
            }
        }

        if (item.IndexNumber is not null && !IndexNumberScheme.IsWellFormed(item.IndexNumber))
        {
            errors.Add("indexNumber",
                "An index number (索引号) must be a 9- or 18-character code of 0–9 and A–Z, '/', a year (yyyy or yyyyMM), '-' and a serial of 3–8 digits, e.g. 002482285/2026-00042.");
        }
    }

    private static DateOnly? ReadDate(string? value, FieldErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add("writtenOn", "The date written must be a date as yyyy-MM-dd.");
        return null;
    }

    private List<string> ResolveChannels(SubmittedItem item, FieldErrors errors)
    {
        if (!_catalogue.HasCategory(item.Category!))
        {
            errors.Add("category", $"Unknown category '{item.Category}'. Known: {string.Join(", ", _catalogue.Categories)}.");
            return [];
        }

        var channels = item.Channels is { Count: > 0 }
            ? item.Channels.Select(c => c!).ToList()
            : _catalogue.Route(item.Category!).ToList();
        for (var i = 0; i < channels.Count; i++)
        {
            if (!_catalogue.IsEnabled(channels[i]))
            {
                var known = string.Join(", ", _catalogue.EnabledChannels.Select(c => c.Id));
                errors.Add($"channels[{i}]", $"Unknown or disabled channel '{channels[i]}'. Enabled: {known}.");
            }
            else if (channels.IndexOf(channels[i]) != i)
            {
                errors.Add($"channels[{i}]", $"Channel '{channels[i]}' is named twice.");
            }
            else if (_catalogue.Excludes(item.Category!, channels[i]))
            {
                errors.Add($"channels[{i}]",
                    $"Items of category '{item.Category}' do not go to channel '{channels[i]}' (the catalogue excludes it: Catalogue:Categories … ExcludedChannels).");
            }
        }

        if (channels.Count == 0)
        {
            errors.Add("channels", $"Category '{item.Category}' is routed to no enabled channel; name the channels.");
        }

        foreach (var channel in (item.Overrides ?? []).Keys.Where(c => !channels.Contains(c)))
        {
            errors.Add($"overrides.{channel}", $"'{channel}' is not one of the item's channels ({string.Join(", ", channels)}).");
        }

        return channels;
    }

    private ItemRevision ToRevision(
        SubmittedItem item, string html, List<string> channels, IReadOnlyList<Items.MediaFile> images,
        Items.MediaFile? cover, IReadOnlyList<Items.MediaFile> attachments, DateOnly? writtenOn, DateTimeOffset now) => new()
        {
            Id = item.Id!,
            Revision = item.Revision!.Value,
            Title = item.Title!.Trim(),
            Summary = string.IsNullOrWhiteSpace(item.Summary) ? null : item.Summary.Trim(),
            Body = new ItemBody(item.Body!.Format!, item.Body.Content!),
            BodyHtml = html,
            Category = item.Category!,
            DocumentNumber = string.IsNullOrWhiteSpace(item.DocumentNumber) ? null : item.DocumentNumber.Trim(),
            Publisher = string.IsNullOrWhiteSpace(item.Publisher) ? _publisher.Name : item.Publisher.Trim(),
            WrittenOn = writtenOn,
            PublishAt = item.PublishAt,
            Images = images,
            Cover = cover,
            Attachments = attachments,
            Channels = channels,
            Overrides = (item.Overrides ?? []).ToDictionary(
                o => o.Key, o => new ChannelOverride(o.Value!.Title, o.Value.Summary), StringComparer.Ordinal),
            Approval = item.Approval is null ? null : new ApprovalChain(
                item.Approval.ProvidedBy,
                (item.Approval.ReviewedBy ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!).ToList(),
                item.Approval.ConfidentialityReviewedBy,
                item.Approval.ApprovedAt),
            IndexNumber = item.IndexNumber,
            Disclosure = Disclosure(item),
            ContentHash = ContentHash(item, channels),
            AcceptedAt = now,
        };

    private DisclosureMetadata Disclosure(SubmittedItem item)
    {
        var given = item.Disclosure;
        var defaults = new DisclosureMetadata();
        return new DisclosureMetadata
        {
            Topic = Text(given?.Topic) ?? _catalogue.TopicFor(item.Category!),
            Genre = Text(given?.Genre),
            Validity = Text(given?.Validity),
            Mode = Text(given?.Mode) ?? defaults.Mode,
            Scope = Text(given?.Scope) ?? defaults.Scope,
            Keywords = (given?.Keywords ?? []).Select(Text).OfType<string>().ToList(),
        };
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// SHA-256 of the submission as the service understood it: unknown fields left out, overrides sorted, channels as
    /// resolved.
    /// </summary>
    internal static string ContentHash(SubmittedItem item, IEnumerable<string> channels)
    {
        var node = JsonSerializer.SerializeToNode(item)!.AsObject();

        // Fields added later count only when sent, so items accepted before them keep their hash.
        foreach (var added in new[] { nameof(SubmittedItem.IndexNumber), nameof(SubmittedItem.Disclosure) })
        {
            if (node[added] is null)
            {
                node.Remove(added);
            }
        }

        // The channels the item goes to, not how the sender named them: routed by default or listed (in any order).
        node[nameof(SubmittedItem.Channels)] = new JsonArray(channels
            .Order(StringComparer.Ordinal).Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());

        if (node[nameof(SubmittedItem.Overrides)] is JsonObject overrides)
        {
            // The sender's order of overrides carries no meaning, so it must not change the hash.
            node[nameof(SubmittedItem.Overrides)] = new JsonObject(overrides
                .OrderBy(o => o.Key, StringComparer.Ordinal)
                .Select(o => KeyValuePair.Create(o.Key, o.Value?.DeepClone())));
        }

        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString())));
    }

    private static void Require(FieldErrors errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, message);
        }
    }

    [GeneratedRegex(@"\A[A-Za-z0-9._-]{1,64}\z")]
    private static partial Regex IdPattern();
}
