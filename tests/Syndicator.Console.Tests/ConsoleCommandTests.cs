using System.Net;
using Syndicator.Core.Application;
using Syndicator.Host.WebConsole;

namespace Syndicator.Console.Tests;

/// <summary>
/// The console's actions run the same application commands as the API: what the API refuses, the console refuses
/// with the same words, and nothing changes.
/// </summary>
public sealed class ConsoleCommandTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private readonly ConsoleHarness _service = fixture.Service;
    private readonly string _item = fixture.Item;

    [Fact]
    public async Task PostRepublish_ReasonOverTheLimit_RefusedWithTheLimitAndNothingQueued()
    {
        var (name, password) = await _service.AddUserAsync(ConsoleRoles.Operator);
        using var client = new ConsoleClient(_service.BaseAddress);
        (await client.SignInAsync(name, password)).Dispose();
        var before = await _service.ItemAsync(_item);

        using var response = await client.PostAsync($"items/{_item}?handler=Republish",
            [new("channels", "bureau"), new("reason", new string('因', OperatorCommands.MaxReasonLength + 1)), new("confirmed", "true")],
            $"items/{_item}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"over the limit of {OperatorCommands.MaxReasonLength}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before.GetProperty("deliveries").GetArrayLength(), (await _service.ItemAsync(_item)).GetProperty("deliveries").GetArrayLength());
    }
}
