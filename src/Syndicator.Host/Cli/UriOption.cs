using System.CommandLine;
using System.CommandLine.Parsing;

namespace Syndicator.Host.Cli;

/// <summary>Options and arguments that take an absolute http(s) URL, with an error naming the option otherwise.</summary>
internal static class UriOption
{
    public static Option<Uri?> Create(string name, string description) =>
        new(name) { Description = description, CustomParser = r => Parse(r, name) };

    public static Argument<Uri?> Argument(string name, string description) =>
        new(name) { Description = description, CustomParser = r => Parse(r, name) };

    /// <summary>Listen URLs: one or more absolute http(s) URLs separated by ';'.</summary>
    public static Option<string?> Urls(string description, string? defaultValue = null)
    {
        var option = new Option<string?>("--urls") { Description = description };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string?>();
            foreach (var url in (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    r.AddError($"--urls: '{url}' is not an absolute http(s) URL such as http://127.0.0.1:5000.");
                }
            }
        });
        return option;
    }

    private static Uri? Parse(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        result.AddError($"{name}: '{text}' is not an absolute http(s) URL.");
        return null;
    }
}
