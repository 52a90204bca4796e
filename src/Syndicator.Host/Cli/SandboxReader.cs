using System.Net.Http.Json;
using System.Text.Json;

namespace Syndicator.Host.Cli;

/// <summary>Reads what the sandbox platforms hold, through the sandbox control API (DESIGN §7).</summary>
internal sealed class SandboxReader(Uri sandbox)
{
    private static readonly HttpClient Http = new();

    /// <summary>The remote ids of the articles a channel's platform holds and has not deleted.</summary>
    public async Task<IReadOnlyList<string>> LiveRemoteIdsAsync(string channel, CancellationToken cancellationToken)
    {
        var articles = await Http.GetFromJsonAsync<JsonElement>(new Uri(sandbox, $"/_sandbox/{channel}/articles"), cancellationToken);
        return articles.EnumerateArray()
            .Where(a => !a.GetProperty("deleted").GetBoolean())
            .Select(a => a.GetProperty("remoteId").GetString()!)
            .ToList();
    }
}
