using System.Net.Http.Json;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Bench.Service;

/// <summary>The sandbox as a benchmark needs it: WeChat publish jobs finish at once and no daily quota stops the run.</summary>
internal static class SandboxSetup
{
    /// <summary>High enough for any run of the bench, within the emulator's range (a whole number ≥ 0).</summary>
    private const int NoLimit = 100_000_000;

    /// <summary>The service's own WeChat call budgets (<c>Channels:wechat:DailyLimits:*</c>), each named by its setting.</summary>
    private static readonly string[] ServiceBudgets = ["Submit", "Get", "GetArticle", "BatchGet", "Delete", "DraftAdd", "DraftGet", "DraftBatchGet"];

    /// <summary>
    /// The serve process's side: the WeChat channel keeps its own count of each daily call budget
    /// (<c>Channels:wechat:DailyLimits</c>, the platform's limits: 100 <c>freepublish/submit</c> a day) and, correctly,
    /// holds every further publish until the next quota day (midnight Beijing time) once one is spent. A run of more
    /// than 100 items needs them lifted as the emulator's are, or it never ends.
    /// </summary>
    public static void LiftServiceBudgets(IDictionary<string, string> environment)
    {
        foreach (var budget in ServiceBudgets)
        {
            environment[$"Syndicator__Channels__wechat__DailyLimits__{budget}"] = NoLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Lifts every daily limit the WeChat emulator counts (platform-truth W1: freepublish/submit, /get, draft/add,
    /// draft/get, token…, 100–1,000 a day each). Left as they are, a run of more than about 100 items stops: the
    /// emulator answers 45009 and the service, correctly, waits for the next day with the delivery still open.
    /// </summary>
    public static async Task StartedAsync(SandboxServer sandbox, int latencyMs, IEnumerable<string> channels, CancellationToken cancellationToken)
    {
        using var control = sandbox.CreateClient();
        using (var response = await control.PostAsJsonAsync("_sandbox/wechat/settings", new
        {
            publishDelaySeconds = 0,
            submitDailyLimit = NoLimit,
            getDailyLimit = NoLimit,
            getArticleDailyLimit = NoLimit,
            batchGetDailyLimit = NoLimit,
            deleteDailyLimit = NoLimit,
            draftAddDailyLimit = NoLimit,
            draftGetDailyLimit = NoLimit,
            draftBatchGetDailyLimit = NoLimit,
            tokenDailyLimit = NoLimit,
            stableTokenDailyLimit = NoLimit,
            massSendDailyLimit = NoLimit,
        }, cancellationToken))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(
                    $"The WeChat emulator refused the bench's settings ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }

        if (latencyMs > 0)
        {
            // Every platform answers this much later, for the whole run (a fault with no count lasts its time).
            foreach (var channel in channels)
            {
                using var fault = await control.PostAsJsonAsync(
                    $"_sandbox/{channel}/faults", new { latencyMs, forSeconds = 86_400 }, cancellationToken);
                fault.EnsureSuccessStatusCode();
            }
        }
    }
}
