using Microsoft.Extensions.Logging;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.NoticeBoard;

/// <summary>Creates <c>noticeboard</c> connectors; checks their settings, the font file included, at start-up.</summary>
internal sealed class NoticeBoardConnectorFactory(TimeProvider time, ILogger<NoticeBoardConnector> logger)
    : ConnectorFactory<NoticeBoardChannelOptions>
{
    /// <summary>The longest organisation name in the header.</summary>
    internal const int MaxOrganisation = 60;

    public override string Connector => "noticeboard";

    /// <summary>
    /// The sample render's verdict per (channel, fonts): settings are checked at start-up and again when the connector
    /// is created, and a render is worth doing once.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string?, string?), IReadOnlyList<string?>> Rendered = new();

    protected override IEnumerable<string?> Check(SettingsChecks settings)
    {
        var problems = Settings(settings).OfType<string>().ToList();
        if (problems.Count > 0)
        {
            return problems;
        }

        var options = Bind(settings.Channel);
        return Rendered.GetOrAdd((settings.Channel.Id, options.FontPath, options.LatinFontPath), _ => [.. Glyphs(settings)]);
    }

    /// <summary>With settings that passed, renders the sample notice: a font that lacks its characters stops the start.</summary>
    private static IEnumerable<string?> Glyphs(SettingsChecks settings)
    {
        var options = Bind(settings.Channel);
        var notice = new NoticeRenderer(NoticeFonts.Register(options), options)
            .Render(NoticeContent.Of(NoticeSample.Item, settings.Channel.Id, options, DateTimeOffset.UnixEpoch));
        yield return NoticeSample.Missing(notice, c => c >= NoticeFont.CjkStart) is { } cjk
            ? $"{settings.Key(nameof(NoticeBoardChannelOptions.FontPath))} is '{options.FontPath}', which has no glyph for {cjk}: notices would print boxes; use a CJK TrueType font"
            : null;
        yield return NoticeSample.Missing(notice, c => c < NoticeFont.CjkStart) is { } latin
            ? $"{settings.Key(nameof(NoticeBoardChannelOptions.LatinFontPath))} is '{options.LatinFontPath}', which has no glyph for {latin}: notices would print boxes; use a Latin TrueType font"
            : null;
    }

    private static IEnumerable<string?> Settings(SettingsChecks settings)
    {
        var organisation = settings[nameof(NoticeBoardChannelOptions.Organisation)];
        yield return organisation is { } name && (name.Trim().Length > MaxOrganisation || name.Any(char.IsControl))
            ? $"{settings.Key(nameof(NoticeBoardChannelOptions.Organisation))} must be at most {MaxOrganisation} characters without control characters; it has {name.Trim().Length}"
            : null;
        yield return settings.IntRange(nameof(NoticeBoardChannelOptions.DisplayDays), 0, 365);
        yield return settings.IntRange(nameof(NoticeBoardChannelOptions.MaxTitleCharacters), 10, 2_000);
        yield return settings.IntRange(nameof(NoticeBoardChannelOptions.MaxBodyCharacters), 100, 1_000_000);
        yield return settings.IntRange(nameof(NoticeBoardChannelOptions.MaxPages), 1, 200);
        yield return settings.IntRange(nameof(NoticeBoardChannelOptions.MaxPhotoBytes), 64 * 1024, 20 * 1024 * 1024);
        yield return settings.Duration(nameof(NoticeBoardChannelOptions.RenderTimeout), TimeSpan.FromMinutes(5));
        yield return Font(settings, nameof(NoticeBoardChannelOptions.FontPath), NoticeBoardChannelOptions.DefaultFontPath, "fonts-droid-fallback");
        yield return Font(settings, nameof(NoticeBoardChannelOptions.LatinFontPath), NoticeBoardChannelOptions.DefaultLatinFontPath, "fonts-dejavu-core");
    }

    private static string? Font(SettingsChecks settings, string key, string fallback, string package)
    {
        var path = string.IsNullOrWhiteSpace(settings[key]) ? fallback : settings[key]!;
        return NoticeFonts.Check(path, package) is { } problem ? $"{settings.Key(key)} {problem}" : null;
    }

    protected override IChannelConnector CreateConnector(ChannelDefinition channel, NoticeBoardChannelOptions options) =>
        new NoticeBoardConnector(channel, options, NoticeFonts.Register(options), time, logger);
}
