using AngleSharp.Dom;
using Ganss.Xss;

namespace Syndicator.Core.Intake;

/// <summary>
/// HtmlSanitizer with <see cref="BodyPolicy"/>, for one body: it stops (throws <see cref="OperationCanceledException"/>)
/// at its next URL, CSS property or removal once its deadline passes, and writes down what it removed.
/// </summary>
internal sealed class PolicySanitizer : HtmlSanitizer
{
    private readonly CancellationToken _cancellation;
    private readonly RemovalNotes _notes;

    public PolicySanitizer(RemovalNotes notes, CancellationToken cancellation)
        : base(BodyPolicy.Options)
    {
        _cancellation = cancellation;
        _notes = notes;
        DisallowCssPropertyValue = BodyPolicy.DisallowedCssValue();
        KeepChildNodes = false;
    }

    protected override bool IsAllowedCssProperty(string propertyName)
    {
        _cancellation.ThrowIfCancellationRequested();
        return base.IsAllowedCssProperty(propertyName);
    }

    protected override string? SanitizeUrl(IElement element, string url, string baseUrl)
    {
        _cancellation.ThrowIfCancellationRequested();
        return base.SanitizeUrl(element, url, baseUrl);
    }

    protected override void OnRemovingTag(RemovingTagEventArgs e)
    {
        _cancellation.ThrowIfCancellationRequested();
        base.OnRemovingTag(e);
        _notes.Add(BodyPolicy.Name(e.Tag), BodyPolicy.Why(e.Tag.LocalName));
    }

    protected override void OnRemovingAttribute(RemovingAttributeEventArgs e)
    {
        _cancellation.ThrowIfCancellationRequested();
        base.OnRemovingAttribute(e);
        var what = e.Reason == RemoveReason.NotAllowedUrlValue
            ? $"a {e.Attribute.Name} URL other than http, https or mailto"
            : $"the {e.Attribute.Name} attribute";
        _notes.Add(what, "not in the policy for public pages");
    }

    protected override void OnRemovingStyle(RemovingStyleEventArgs e)
    {
        _cancellation.ThrowIfCancellationRequested();
        base.OnRemovingStyle(e);
        _notes.Add($"the style {e.Style.Name}: {e.Style.Value}", "positioning, layering and negative lengths could cover or hide the rest of the page");
    }
}
