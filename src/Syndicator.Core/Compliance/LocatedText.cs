namespace Syndicator.Core.Compliance;

/// <summary>
/// A field's text as one string (parts joined by line breaks), with where each part starts, so that a finding can say
/// "page 2" or "paragraph 5" and "the first lines" means the start of the document.
/// </summary>
public sealed class LocatedText
{
    private readonly List<(int Start, string Place)> _places;

    public LocatedText(string text, List<(int Start, string Place)>? places = null)
    {
        Text = text;
        _places = places ?? [];
    }

    public string Text { get; }

    /// <summary>The place holding <paramref name="index"/>; null when the text has no parts.</summary>
    public string? PlaceOf(int index)
    {
        string? place = null;
        var lo = 0;
        var hi = _places.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_places[mid].Start <= index)
            {
                place = _places[mid].Place;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return place;
    }

    /// <summary>Joins parts (pages, paragraphs) into one text.</summary>
    public static LocatedText Join(IEnumerable<(string Place, string Text)> parts)
    {
        var text = new System.Text.StringBuilder();
        var places = new List<(int, string)>();
        foreach (var (place, part) in parts)
        {
            places.Add((text.Length, place));
            text.Append(part).Append('\n');
        }

        return new LocatedText(text.ToString(), places);
    }
}
