using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Syndicator.Testing.Sandbox;

/// <summary>The SSCMS emulator's own control route (<c>/_sandbox/bureau/settings</c>).</summary>
public static class BureauSandbox
{
    public const string Channel = "bureau";

    /// <summary>
    /// Changes emulator settings, e.g. <c>{"version": "7.3.0"}</c>, <c>{"contentFilePathRule": "…", "siteDir": "…"}</c>,
    /// <c>{"bodyClass": "…"}</c>, <c>{"database": "sqlite"}</c>, <c>{"channelsWithoutRights": [3]}</c>; throws when the
    /// sandbox refuses them.
    /// </summary>
    public static async Task SetBureauSettingsAsync(this SandboxServer sandbox, JsonObject settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        using var client = sandbox.CreateClient();
        using var response = await client.PostAsJsonAsync($"_sandbox/{Channel}/settings", settings, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
