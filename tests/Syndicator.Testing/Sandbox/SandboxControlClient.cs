using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Syndicator.Testing.Sandbox;

/// <summary>Typed calls of the sandbox control API (DESIGN §7).</summary>
public sealed class SandboxControlClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;

    public SandboxControlClient(Uri baseAddress) => _http = new HttpClient { BaseAddress = baseAddress };

    public async Task<IReadOnlyList<SandboxArticle>> GetArticlesAsync(string channel, CancellationToken cancellationToken = default) =>
        await _http.GetFromJsonAsync<SandboxArticle[]>($"_sandbox/{channel}/articles", Json, cancellationToken) ?? [];

    public async Task<SandboxStats> GetStatsAsync(string channel, CancellationToken cancellationToken = default) =>
        await _http.GetFromJsonAsync<SandboxStats>($"_sandbox/{channel}/stats", Json, cancellationToken)
        ?? throw new InvalidOperationException("The sandbox answered no stats.");

    /// <summary>Adds a fault; throws when the sandbox refuses it.</summary>
    public async Task AddFaultAsync(string channel, SandboxFault fault, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsJsonAsync($"_sandbox/{channel}/faults", fault, Json, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task ClearFaultsAsync(string channel, CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync(new Uri($"_sandbox/{channel}/faults", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsync(new Uri("_sandbox/reset", UriKind.Relative), null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Edits an article on the platform as someone there would (title and/or content; null keeps it).</summary>
    public async Task EditArticleAsync(string channel, string remoteId, string? title = null, string? content = null, CancellationToken cancellationToken = default)
    {
        var body = new Dictionary<string, string>();
        if (title is not null)
        {
            body["title"] = title;
        }

        if (content is not null)
        {
            body["content"] = content;
        }

        using var response = await _http.PostAsJsonAsync($"_sandbox/{channel}/articles/{Uri.EscapeDataString(remoteId)}/edit", body, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Deletes an article on the platform as someone there would.</summary>
    public async Task DeleteArticleAsync(string channel, string remoteId, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsync($"_sandbox/{channel}/articles/{Uri.EscapeDataString(remoteId)}/delete", null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>An article as the sandbox holds it.</summary>
public sealed record SandboxArticle(
    string RemoteId,
    string? Title,
    Uri Url,
    string? SourceId,
    string ContentHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool Deleted,
    JsonObject Metadata);

/// <summary>A channel's counters.</summary>
public sealed record SandboxStats(
    long Requests,
    long Creates,
    long Updates,
    long Deletes,
    long FaultsInjected,
    IReadOnlyDictionary<string, long> Errors);
