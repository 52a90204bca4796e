using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Syndicator.Host.Tests;

/// <summary>索引号 as the API shows them: given at acceptance from the configured code, unique, never changed.</summary>
public sealed class IndexNumberApiTests : IAsyncLifetime
{
    private const string Code = "002564328";
    private ServiceHarness _service = null!;

    private static string Year => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year.ToString(CultureInfo.InvariantCulture);

    public async Task InitializeAsync() =>
        _service = await ServiceHarness.StartAsync(new Dictionary<string, string?> { ["Publisher:OrganisationCode"] = Code });

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Submit_TwoItems_SequentialIndexNumbersOnTheirPages()
    {
        var first = await SubmitAsync(ItemJson.Make(ItemJson.NewId()));
        var second = await SubmitAsync(ItemJson.Make(ItemJson.NewId()));

        Assert.Equal($"{Code}/{Year}-00001", first.GetProperty("indexNumber").GetString());
        Assert.Equal($"{Code}/{Year}-00002", second.GetProperty("indexNumber").GetString());
        var page = await _service.GetItemAsync(second.GetProperty("id").GetString()!);
        Assert.Equal($"{Code}/{Year}-00002", page.GetProperty("indexNumber").GetString());
    }

    [Fact]
    public async Task Submit_NumberAnotherItemHolds_422NamingIndexNumberAndNothingStored()
    {
        var holder = await SubmitAsync(ItemJson.Make(ItemJson.NewId()));
        var id = ItemJson.NewId();
        var body = ItemJson.Make(id);
        body["indexNumber"] = holder.GetProperty("indexNumber").GetString();

        using var response = await _service.Client.PostAsJsonAsync("api/items", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("belongs to another item", problem.GetProperty("errors").GetProperty("indexNumber")[0].GetString(), StringComparison.Ordinal);
        using var missing = await _service.Client.GetAsync($"api/items/{id}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Submit_RevisionWithAnotherNumber_422AndTheNumberStands()
    {
        var id = ItemJson.NewId();
        var first = await SubmitAsync(ItemJson.Make(id));
        var revision = ItemJson.Make(id, revision: 2);
        revision["indexNumber"] = $"{Code}/{Year}-00999";

        using var response = await _service.Client.PostAsJsonAsync("api/items", revision);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await _service.GetItemAsync(id);
        Assert.Equal(1, page.GetProperty("revision").GetInt32());
        Assert.Equal(first.GetProperty("indexNumber").GetString(), page.GetProperty("indexNumber").GetString());
    }

    private async Task<JsonElement> SubmitAsync(System.Text.Json.Nodes.JsonObject body)
    {
        using var response = await _service.Client.PostAsJsonAsync("api/items", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
