using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Markdig;

namespace Syndicator.Core.Intake;

/// <summary>A body as every channel receives it: sanitized HTML, and what the policy removed from it.</summary>
/// <param name="Html">The sanitized HTML.</param>
/// <param name="HasContent">Whether it shows anything: text or an image.</param>
/// <param name="LocalImages">The <c>src</c> of every image: names of carried images.</param>
/// <param name="Removed">One sentence per kind of thing the policy removed (docs/body-policy.md).</param>
public sealed record RenderedBody(string Html, bool HasContent, IReadOnlyList<string> LocalImages, IReadOnlyList<string> Removed);

/// <summary>
/// Turns a submitted body into the HTML every channel receives (docs/body-policy.md): markdown is rendered first, then
/// everything is parsed and sanitized with <see cref="BodyPolicy"/>. Every step runs under a deadline set before it
/// starts (<see cref="IntakeOptions.SanitizeTimeout"/>): the parse stops at its next token, the DOM checks at their next
/// node, the sanitizer at its next URL, style or removal. Callers check the body's shape (<see cref="BodyShape"/>) first.
/// </summary>
public sealed class BodyRenderer(TimeProvider? time = null)
{
    private const string Field = "body.content";
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The rendered body, or null with the reason added to <paramref name="errors"/> under <c>body.content</c>.</summary>
    internal RenderedBody? Render(string format, string content, IntakeOptions limits, FieldErrors errors)
    {
        using var deadline = new CancellationTokenSource(limits.SanitizeTimeout, _time);
        var token = deadline.Token;
        var started = _time.GetTimestamp();

        // The timer cancels the token within a step; between steps the clock is read as well, so the bound holds even
        // when the timer's callback is late (a machine whose thread pool is saturated runs it after the work is done).
        void Due()
        {
            if (_time.GetElapsedTime(started) >= limits.SanitizeTimeout)
            {
                deadline.Cancel();
            }

            token.ThrowIfCancellationRequested();
        }

        try
        {
            var html = content;
            if (format == "markdown")
            {
                // Markdig cannot be stopped; BodyShape has bounded its input's length and depth, and its output is
                // checked again before it is parsed.
                html = Markdig.Markdown.ToHtml(content, Markdown);
                Due();
                if (!BodyShape.CheckRendered(html, limits, errors))
                {
                    return null;
                }
            }

            var notes = new RemovalNotes();
            var sanitizer = new PolicySanitizer(notes, token);
            using var document = sanitizer.HtmlParserFactory()
                .ParseDocumentAsync("<!doctype html><html><body>" + html, token).GetAwaiter().GetResult();
            Due();
            if (!WithinLimits(document.Body!, limits, errors, token))
            {
                return null;
            }

            Due();
            sanitizer.SanitizeDom(document, document.Body);
            Due();
            var images = OwnImages(document, notes, token);
            var output = document.Body!.ChildNodes.ToHtml(sanitizer.OutputFormatter);
            Due();
            if (TextRules.Problem(output) is { } problem)
            {
                errors.Add(Field, problem);
                return null;
            }

            var hasContent = !string.IsNullOrWhiteSpace(document.Body.TextContent) || images.Count > 0;
            return new RenderedBody(output, hasContent, images.Distinct(StringComparer.Ordinal).ToList(), notes.ToList());
        }
        catch (ArgumentException e) when (format == "markdown" && e.Source == "Markdig")
        {
            // Markdig's own nesting limit (emphasis, brackets): the body nests deeper than any document does.
            errors.Add(Field, $"The markdown nests too deeply to be rendered (Intake:MaxBodyDepth {limits.MaxBodyDepth}); simplify its emphasis and brackets.");
            return null;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            errors.Add(Field, $"The body could not be rendered and checked within {limits.SanitizeTimeout.TotalSeconds:0.###} s (Intake:SanitizeTimeout); simplify its markup.");
            return null;
        }
    }

    /// <summary>
    /// The parsed DOM's own depth and size: an HTML parser can build more than the markup shows (formatting elements
    /// rebuilt in every paragraph), so the limits are checked again on what it built, before the sanitizer walks it.
    /// </summary>
    private static bool WithinLimits(IElement body, IntakeOptions limits, FieldErrors errors, CancellationToken token)
    {
        var elements = 0;
        var stack = new Stack<(IElement Element, int Depth)>();
        stack.Push((body, 0));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            if (depth > limits.MaxBodyDepth || ++elements > limits.MaxBodyElements + 1)
            {
                return Refuse(depth > limits.MaxBodyDepth, limits, errors);
            }

            if ((elements & 255) == 0)
            {
                token.ThrowIfCancellationRequested();
            }

            foreach (var child in element.Children)
            {
                stack.Push((child, depth + 1));
            }
        }

        return true;
    }

    private static bool Refuse(bool tooDeep, IntakeOptions limits, FieldErrors errors)
    {
        errors.Add(Field, tooDeep
            ? $"The body nests elements more than {limits.MaxBodyDepth} deep (Intake:MaxBodyDepth)."
            : $"The body has more than {limits.MaxBodyElements} elements (Intake:MaxBodyElements).");
        return false;
    }

    /// <summary>
    /// Keeps an image only as our own media: a <c>src</c> naming a carried image (checked against <c>images</c> by
    /// intake). An image from another site, or one whose URL the sanitizer dropped, is removed and noted.
    /// </summary>
    private static List<string> OwnImages(IHtmlDocument document, RemovalNotes notes, CancellationToken token)
    {
        var own = new List<string>();
        foreach (var image in document.Body!.QuerySelectorAll("img").ToList())
        {
            token.ThrowIfCancellationRequested();
            var src = image.GetAttribute("src")?.Trim() ?? "";
            if (src.Length == 0 || IsElsewhere(src))
            {
                notes.Add(src.Length == 0 ? "an image without a usable source" : "an image from another site", "a government page shows only images sent with the item");
                image.Remove();
            }
            else
            {
                own.Add(src);
            }
        }

        return own;
    }

    /// <summary>
    /// Whether <paramref name="src"/> points away from the item's own images: a scheme or a protocol-relative
    /// <c>//host</c>. Not <see cref="Uri.TryCreate(string, UriKind, out Uri)"/>: on Linux <c>/x.png</c> parses as a <c>file:</c> URI.
    /// </summary>
    private static bool IsElsewhere(string src) =>
        src.StartsWith("//", StringComparison.Ordinal) || src.StartsWith(@"\\", StringComparison.Ordinal)
        || (src.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && src.AsSpan(0, colon).IndexOfAny('/', '?', '#') < 0);
}
