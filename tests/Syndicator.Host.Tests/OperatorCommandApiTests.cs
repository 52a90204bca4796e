using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Syndicator.Core.Application;

namespace Syndicator.Host.Tests;

/// <summary>
/// The operator commands' own bounds, as the API answers them: every field the sender controls is bounded and named
/// when refused, and a refused command changes nothing.
/// </summary>
public sealed class OperatorCommandApiTests : IAsyncLifetime
{
    private ServiceHarness _service = null!;

    public async Task InitializeAsync() => _service = await ServiceHarness.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    public static TheoryData<string, string, object, int, string> Cases => new()
    {
        { "reason over the limit", "republish", new { reason = new string('因', OperatorCommands.MaxReasonLength + 1) }, 422, "reason" },
        { "reason with a control character", "withdraw", new { reason = "撤回\u0001" }, 422, "reason" },
        { "no reason", "withdraw", new { reason = "  " }, 400, "reason" },
        { "too many channels", "republish", new { reason = "重推", channels = Enumerable.Repeat("bureau", OperatorCommands.MaxChannels + 1) }, 422, "channels" },
        { "unknown channel", "republish", new { reason = "重推", channels = new[] { "bureau", "nowhere" } }, 422, "channels[1]" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ItemCommand_BadField_ProblemNamesItAndNothingChanges(string kind, string verb, object body, int status, string field)
    {
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, channels: ["bureau"]))).Dispose();
        var delivered = await _service.WaitForItemAsync(id, i => i.GetProperty("status").GetString() == "delivered");

        using var response = await _service.Client.PostAsJsonAsync($"api/items/{id}/{verb}", body);

        Assert.True(status == (int)response.StatusCode, $"{kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{kind}: errors lacks '{field}': {problem}");
        var after = await _service.GetItemAsync(id);
        Assert.Equal(delivered.GetProperty("deliveries").GetArrayLength(), after.GetProperty("deliveries").GetArrayLength());
    }

    [Fact]
    public async Task BulkRetry_UnknownChannel_422NamingChannel()
    {
        using var response = await _service.Client.PostAsJsonAsync("api/deliveries/retry", new { channel = "nowhere", dryRun = true });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("nowhere", problem.GetProperty("errors").GetProperty("channel")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_UrlOverTheLimit_400NamingUrl()
    {
        using var response = await _service.Client.PostAsJsonAsync("api/deliveries/whatever/confirm",
            new { url = "https://example.gov.cn/" + new string('a', 2000) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("url", out _), problem.ToString());
    }
}
