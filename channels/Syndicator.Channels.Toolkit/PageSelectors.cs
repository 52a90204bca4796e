namespace Syndicator.Channels.Toolkit;

/// <summary>
/// Where the article sits on a channel's public pages (<c>Channels:&lt;id&gt;:Page</c>). Every site lays its pages
/// out with its own templates (SSCMS's STL, TRS's 模板, JCMS's site templates): no public source names a fixed
/// element, so these are configuration. Without <see cref="BodySelector"/> a connector verifies an article by what
/// its platform's API answers where it has a read, and otherwise by its page's whole text (the approved text must be
/// contained in it), which holds on any layout.
/// </summary>
public sealed class PageSelectors
{
    /// <summary>The CSS selector of the article's title (the first match counts). Default: <c>h1</c>.</summary>
    public string TitleSelector { get; set; } = "h1";

    /// <summary>The CSS selector of the element holding the article's body. Default: none (see the class remarks).</summary>
    public string? BodySelector { get; set; }

    /// <summary>Whether a body selector is configured, i.e. the site's layout is known.</summary>
    public bool HasBody => !string.IsNullOrWhiteSpace(BodySelector);

    /// <summary>The page check these selectors describe: by the body element when one is configured, else by containment.</summary>
    public PublicPage ToPublicPage() =>
        new(string.IsNullOrWhiteSpace(TitleSelector) ? "h1" : TitleSelector, HasBody ? BodySelector : null);

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
