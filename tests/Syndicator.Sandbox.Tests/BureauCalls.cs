using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Syndicator.Sandbox.Tests;

/// <summary>Raw SSCMS calls over HTTP, as a connector would make them.</summary>
internal static class BureauCalls
{
    public const string Contents = "bureau/api/v1/contents";

    public static string Content(int id, int channelId = SandboxCredentials.BureauChannelId, int siteId = SandboxCredentials.BureauSiteId) =>
        $"{Contents}/{siteId}/{channelId}/{id}";

    public static string Channel(int channelId = SandboxCredentials.BureauChannelId, int siteId = SandboxCredentials.BureauSiteId) =>
        $"{Contents}/{siteId}/{channelId}";

    public static async Task<HttpResponseMessage> SendAsync(
        this HttpClient client, HttpMethod method, string path, string? json = null, string? apiKey = SandboxCredentials.BureauApiKey)
    {
        using var request = new HttpRequestMessage(method, path);
        if (apiKey is not null)
        {
            request.Headers.Add("X-SS-API-KEY", apiKey);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, string? json = null) =>
        client.SendAsync(HttpMethod.Post, path, json);

    /// <summary>Creates a content in channel 2 (or <paramref name="channelId"/>) and answers the stored record.</summary>
    public static async Task<JsonElement> CreateAsync(this HttpClient client, string json, int channelId = SandboxCredentials.BureauChannelId)
    {
        using var response = await client.PostAsync(Channel(channelId), json);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> GetContentAsync(this HttpClient client, int id)
    {
        using var response = await client.SendAsync(HttpMethod.Get, Content(id));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> ListAsync(this HttpClient client, string query)
    {
        using var response = await client.PostAsync(Contents, query);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
