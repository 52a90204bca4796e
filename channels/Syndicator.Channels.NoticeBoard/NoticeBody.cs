using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Syndicator.Channels.NoticeBoard;

/// <summary>How a block of the notice's body is set.</summary>
internal enum BlockKind
{
    /// <summary>A paragraph: first line indented by two characters.</summary>
    Paragraph,

    /// <summary>A heading (h1–h6): no indent, set a little larger.</summary>
    Heading,

    /// <summary>A list item, a table row or a placeholder for an image: no indent.</summary>
    Line,
}

/// <summary>One block of body text.</summary>
internal sealed record NoticeBlock(BlockKind Kind, string Text);

/// <summary>
/// The body's blocks, read from the item's sanitized HTML: paragraphs, headings, list items (numbered in an
/// <c>ol</c>, "·" in a <c>ul</c>) and table rows (cells separated by "　"), each on its own; an image becomes
/// "（图片见原文）". At most <c>maxCharacters</c> characters of text are kept; <see cref="Truncated"/> says when some were not.
/// </summary>
internal sealed class NoticeBody
{
    /// <summary>The line an image is set as.</summary>
    internal const string ImageNote = "（图片见原文）";

    private readonly List<NoticeBlock> _blocks = [];
    private readonly StringBuilder _text = new();
    private readonly int _maxCharacters;
    private int _characters;

    private NoticeBody(int maxCharacters) => _maxCharacters = maxCharacters;

    public IReadOnlyList<NoticeBlock> Blocks => _blocks;

    /// <summary>True when the body held more than the bound: the notice must say the rest is in the original.</summary>
    public bool Truncated { get; private set; }

    public static NoticeBody Read(string html, int maxCharacters)
    {
        ArgumentNullException.ThrowIfNull(html);
        var body = new NoticeBody(maxCharacters);

        // Markup costs characters too: parsing is bounded to a generous multiple of the text bound.
        var limit = (long)maxCharacters * 16;
        if (html.Length > limit)
        {
            html = html[..(int)limit];
            body.Truncated = true;
        }

        var root = new HtmlParser().ParseDocument("").Body!;
        root.InnerHtml = html;
        body.Walk(root, BlockKind.Paragraph);
        body.Flush(BlockKind.Paragraph);
        return body;
    }

    private void Walk(INode node, BlockKind kind)
    {
        foreach (var child in node.ChildNodes)
        {
            if (Truncated)
            {
                return;
            }

            switch (child)
            {
                case IText t:
                    Append(t.Data);
                    break;
                case IElement { TagName: "BR" }:
                    Flush(kind);
                    break;
                case IElement { TagName: "IMG" }:
                    Flush(kind);
                    Add(BlockKind.Line, ImageNote);
                    break;
                case IElement { TagName: "H1" or "H2" or "H3" or "H4" or "H5" or "H6" } e:
                    Block(e, BlockKind.Heading);
                    break;
                case IElement { TagName: "LI" } e:
                    Flush(kind);
                    Append(e.ParentElement?.TagName == "OL" ? $"{e.ParentElement.Children.Index(e) + 1}. " : "· ");
                    Block(e, BlockKind.Line);
                    break;
                case IElement { TagName: "TR" } e:
                    Flush(kind);
                    Add(BlockKind.Line, string.Join('　', e.Children.Select(c => Collapse(c.TextContent)).Where(c => c.Length > 0)));
                    break;
                case IElement { TagName: "P" or "DIV" or "BLOCKQUOTE" or "PRE" or "SECTION" or "TABLE" or "UL" or "OL" or "TBODY" or "THEAD" } e:
                    Block(e, e.TagName is "P" or "DIV" or "BLOCKQUOTE" or "PRE" or "SECTION" ? BlockKind.Paragraph : kind);
                    break;
                case IElement e:
                    Walk(e, kind);
                    break;
                default:
                    break;
            }
        }
    }

    private void Block(IElement element, BlockKind kind)
    {
        Flush(kind);
        Walk(element, kind);
        Flush(kind);
    }

    private void Append(string text) => _text.Append(text.Replace('\n', ' ').Replace('\t', ' '));

    private void Flush(BlockKind kind)
    {
        Add(kind, Collapse(_text.ToString()));
        _text.Clear();
    }

    private void Add(BlockKind kind, string text)
    {
        if (text.Length == 0 || Truncated)
        {
            return;
        }

        if (_characters + text.Length > _maxCharacters)
        {
            var keep = Math.Max(0, _maxCharacters - _characters);
            keep -= keep > 0 && char.IsHighSurrogate(text[keep - 1]) ? 1 : 0;
            text = text[..keep];
            Truncated = true;
        }

        _characters += text.Length;
        if (text.Length > 0)
        {
            _blocks.Add(new NoticeBlock(kind, text));
        }
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
