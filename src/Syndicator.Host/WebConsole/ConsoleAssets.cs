using System.Collections.Frozen;

namespace Syndicator.Host.WebConsole;

/// <summary>The console's stylesheet and script, embedded in the executable (there is no wwwroot to deploy).</summary>
internal static class ConsoleAssets
{
    private static readonly FrozenDictionary<string, (string ContentType, byte[] Content)> Files = Load();

    public static IResult Serve(string name, HttpContext context)
    {
        if (!Files.TryGetValue(name, out var file))
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Bytes(file.Content, file.ContentType);
    }

    private static FrozenDictionary<string, (string, byte[])> Load()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        const string prefix = "Syndicator.Host.WebConsole.Assets.";
        var files = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var name = resource[prefix.Length..];
            files[name] = (name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8", buffer.ToArray());
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
