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
