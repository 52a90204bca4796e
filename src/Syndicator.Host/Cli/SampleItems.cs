namespace Syndicator.Host.Cli;

/// <summary>The sample items in <c>samples/</c>, shipped beside the executable.</summary>
internal static class SampleItems
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>File name and JSON text of each sample, in name order.</summary>
    public static IReadOnlyList<(string Name, string Json)> Load() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList()
            : [];
}
