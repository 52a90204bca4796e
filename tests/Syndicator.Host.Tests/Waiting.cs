namespace Syndicator.Host.Tests;

/// <summary>Waiting on a condition with a deadline, never on a fixed sleep.</summary>
internal static class Waiting
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<Task<string>> explain)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The condition did not hold within {timeout}. {await explain()}");
    }
}
