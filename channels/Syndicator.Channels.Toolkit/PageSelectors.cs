namespace Syndicator.Channels.Toolkit;

/// <summary>
/// Where the article sits on a channel's public pages (<c>Channels:&lt;id&gt;:Page</c>). Every site lays its pages
/// out with its own templates (SSCMS's STL, TRS's 模板, JCMS's site templates): no public source names a fixed
/// element, so these are configuration. Without <see cref="BodySelector"/> a connector verifies an article by what
/// its platform's API answers, not by its page.
/// </summary>
public sealed class PageSelectors
{
    /// <summary>The CSS selector of the article's title (the first match counts). Default: <c>h1</c>.</summary>
    public string TitleSelector { get; set; } = "h1";

    /// <summary>The CSS selector of the element holding the article's body; null (the default): pages are not read.</summary>
    public string? BodySelector { get; set; }

    /// <summary>The page check these selectors describe; null when pages are not read.</summary>
    public PublicPage? ToPublicPage() =>
        string.IsNullOrWhiteSpace(BodySelector) ? null : new PublicPage(string.IsNullOrWhiteSpace(TitleSelector) ? "h1" : TitleSelector, BodySelector);

    /// <summary>Problems with the selectors as configured (each naming its key), checked by parsing them.</summary>
    public static IEnumerable<string?> Check(SettingsChecks settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        yield return CheckSelector(settings, "Page:TitleSelector");
        yield return CheckSelector(settings, "Page:BodySelector");
    }

    private static string? CheckSelector(SettingsChecks settings, string name)
    {
        var value = settings[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parser = new AngleSharp.Css.Parser.CssSelectorParser();
        return value.Length <= 200 && parser.ParseSelector(value) is not null
            ? null
            : $"{settings.Key(name)} must be a CSS selector of at most 200 characters; got '{value}'";
    }
}
