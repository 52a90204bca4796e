using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace Syndicator.Sandbox.Channels;

/// <summary>Every channel the sandbox serves, by name (case-insensitive, like routing).</summary>
internal sealed class SandboxChannels
{
    private readonly Dictionary<string, SandboxChannel> _byName;

    public SandboxChannels(IEnumerable<IPlatformEmulator> emulators)
    {
        All = [.. emulators.Select(static e => new SandboxChannel(e)).OrderBy(static c => c.Name, StringComparer.Ordinal)];
        _byName = All.ToDictionary(static c => c.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<SandboxChannel> All { get; }

    public bool TryGet(string name, [NotNullWhen(true)] out SandboxChannel? channel) =>
        _byName.TryGetValue(name, out channel);

    /// <summary>Finds the channel whose prefix starts <paramref name="path"/>; <paramref name="rest"/> is the path below it.</summary>
    public bool TryMatch(PathString path, [NotNullWhen(true)] out SandboxChannel? channel, out PathString rest)
    {
        foreach (var candidate in All)
        {
            if (path.StartsWithSegments(candidate.Prefix, out rest))
            {
                channel = candidate;
                return true;
            }
        }

        channel = null;
        rest = default;
        return false;
    }
}
