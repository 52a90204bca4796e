using System.Diagnostics;

namespace Syndicator.Core.Tests.Support;

/// <summary>Waits on a condition with a deadline, for work that runs on other threads.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(15);
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    /// <summary><paramref name="task"/> within the deadline, or a failure naming <paramref name="what"/>.</summary>
    public static async Task WithinAsync(Task task, string what, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(15);
        if (await Task.WhenAny(task, Task.Delay(limit)) != task)
        {
            Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting for {what}.");
        }

        await task;
    }
}
