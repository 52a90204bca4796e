using System.Globalization;
using Microsoft.Extensions.Options;

namespace Syndicator.Host.WebConsole;

/// <summary>
/// The console's words in Chinese (first) and English, picked per request from the <c>syndicator.lang</c> cookie or
/// <c>Console:DefaultLanguage</c>; and the formatting of times, ages and states in that language.
/// </summary>
internal sealed class ConsoleText
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public const string Cookie = "syndicator.lang";

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    private readonly TimeSpan _offset;
    private readonly bool _english;

    public ConsoleText(IHttpContextAccessor http, IOptions<ConsoleOptions> options)
    {
        var chosen = http.HttpContext?.Request.Cookies[Cookie];
        Language = IsKnown(chosen) ? chosen! : options.Value.DefaultLanguage;
        _english = Language == English;
        _offset = options.Value.DisplayOffset;
    }

    /// <summary><c>zh-CN</c> or <c>en</c>.</summary>
    public string Language { get; }

    /// <summary>The other language, for the switch.</summary>
    public string Other => _english ? Chinese : English;

    public static bool IsKnown(string? language) => language is Chinese or English;

    /// <summary>The word for <paramref name="key"/>; the key itself when there is none (visible, never blank).</summary>
    public string this[string key] =>
        ConsoleWords.All.TryGetValue(key, out var words) ? (_english ? words.En : words.Zh) : key;

    /// <summary>The word for <paramref name="key"/> with its holes filled.</summary>
    public string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, this[key], args);

    public string Time(DateTimeOffset? instant) =>
        instant is { } t ? t.ToOffset(_offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    /// <summary>The offset times are shown in, as a label: <c>UTC+08:00</c>.</summary>
    public string OffsetName => "UTC" + (_offset < TimeSpan.Zero ? "-" : "+") + _offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>An instant as a <c>datetime-local</c> input's value, in the offset times are shown in.</summary>
    public string LocalInput(DateTimeOffset instant) =>
        instant.ToOffset(_offset).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A <c>datetime-local</c> value (<c>yyyy-MM-ddTHH:mm</c>, seconds optional) read in the offset times are shown in;
    /// null when it is missing, longer than 19 characters or not such a value.
    /// </summary>
    public DateTimeOffset? ParseLocal(string? value) =>
        value is { Length: > 0 and <= 19 }
        && DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, _offset)
            : null;

    /// <summary>An age such as "3 分钟" / "3 min".</summary>
    public string Age(TimeSpan age) => age.TotalSeconds switch
    {
        < 60 => Format("AgeSeconds", (int)age.TotalSeconds),
        < 3600 => Format("AgeMinutes", (int)age.TotalMinutes),
        < 86400 => Format("AgeHours", (int)age.TotalHours),
        _ => Format("AgeDays", (int)age.TotalDays),
    };

    /// <summary>A delivery or item status (wire name) in words.</summary>
    public string Status(string wireName) => this["status." + wireName];

    /// <summary>What an attempt's outcome means, in plain words.</summary>
    public string Outcome(string outcome) =>
        ConsoleWords.All.ContainsKey("outcome." + outcome) ? this["outcome." + outcome] : outcome;
}
