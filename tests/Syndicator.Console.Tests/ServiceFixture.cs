namespace Syndicator.Console.Tests;

/// <summary>One service for a test class, with one item delivered to the bureau site that the tests leave as it is.</summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    public ConsoleHarness Service { get; private set; } = null!;

    /// <summary>A delivered item that no test changes.</summary>
    public string Item { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Every test signs in from 127.0.0.1: the per-address limit is lifted here and tested on its own.
        Service = await ConsoleHarness.StartAsync(new Dictionary<string, string?> { ["Console:SignInsPerMinute"] = "10000" });
        Item = await Service.SubmitAsync();
        await Service.WaitForItemAsync(Item, i => ConsoleHarness.Status(i) == "delivered");
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();
}
