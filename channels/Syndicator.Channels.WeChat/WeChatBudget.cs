using System.Collections.Concurrent;
using System.Globalization;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// The account's daily call budgets (platform-truth W1), counted in the shared channel state — where the access
/// token lives — so every process and node spends one count. Each call is counted before it is sent (a call the
/// platform counts must never go uncounted); a spent budget answers <see cref="ChannelOutcome.QuotaExhausted"/> until
/// the next quota day (midnight Beijing time) instead of a call that WeChat would refuse with 45009.
/// </summary>
/// <remarks>
/// The count is a read and a compare-and-swap. Within one process the tries of a channel count one at a time (a gate
/// per channel and call), so they never race each other — eight tries in flight used to lose 50 races in a row and fail;
/// only separate processes or nodes can race, and a lost race waits a little, with jitter, before it reads again.
/// </remarks>
internal sealed class WeChatBudget
{
    private const int MaxRaces = 50;

    /// <summary>One gate per (channel, call) in the process; the few entries live as long as the process.</summary>
    private static readonly ConcurrentDictionary<(string Channel, string Call), SemaphoreSlim> Gates = new();

    private readonly WeChatChannel _channel;

    public WeChatBudget(WeChatChannel channel) => _channel = channel;

    /// <summary>Counts one call of <paramref name="quota"/>; the wait when today's budget is spent.</summary>
    public async Task<ChannelOutcome.QuotaExhausted?> TakeAsync(WeChatQuota quota, CancellationToken cancellationToken)
    {
        var limit = quota.Limit(_channel.Options.DailyLimits);
        var gate = Gates.GetOrAdd((_channel.Id, quota.Call), static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var race = 0; race < MaxRaces; race++)
            {
                var now = _channel.Time.GetUtcNow();
                var stored = await _channel.State.GetAsync(_channel.Id, Key(quota), cancellationToken);
                var used = Used(stored?.Value, WeChatQuota.Day(now));
                if (used >= limit)
                {
                    return Spent(quota, used, limit, now);
                }

                var value = Value(WeChatQuota.Day(now), used + 1);
                if (await _channel.State.TryPutAsync(_channel.Id, Key(quota), value, WeChatQuota.NextDay(now), stored?.Version ?? 0, now, cancellationToken))
                {
                    return null;
                }

                // Another process counted meanwhile: let it finish its call's count before reading again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 + race)), _channel.Time, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }

        throw new InvalidOperationException($"The {quota.Call} budget of channel {_channel.Id} could not be counted: {MaxRaces} writes in a row lost a race.");
    }

    /// <summary>
    /// Records that WeChat itself answered 45009 for <paramref name="quota"/> (another tool on the account spent it): the
    /// budget counts as spent for the rest of the quota day, so no further call draws 45009.
    /// </summary>
    public async Task MarkSpentAsync(WeChatQuota quota, CancellationToken cancellationToken)
    {
        var limit = quota.Limit(_channel.Options.DailyLimits);
        for (var race = 0; race < MaxRaces; race++)
        {
            var now = _channel.Time.GetUtcNow();
            var stored = await _channel.State.GetAsync(_channel.Id, Key(quota), cancellationToken);
            if (Used(stored?.Value, WeChatQuota.Day(now)) >= limit
                || await _channel.State.TryPutAsync(_channel.Id, Key(quota), Value(WeChatQuota.Day(now), limit), WeChatQuota.NextDay(now), stored?.Version ?? 0, now, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>The wait when today's budget of <paramref name="quota"/> is spent, without counting a call.</summary>
    public async Task<ChannelOutcome.QuotaExhausted?> PeekAsync(WeChatQuota quota, CancellationToken cancellationToken)
    {
        var (used, limit) = await UsageAsync(quota, cancellationToken);
        return used >= limit ? Spent(quota, used, limit, _channel.Time.GetUtcNow()) : null;
    }

    /// <summary>Calls counted today and the day's limit.</summary>
    public async Task<(int Used, int Limit)> UsageAsync(WeChatQuota quota, CancellationToken cancellationToken)
    {
        var stored = await _channel.State.GetAsync(_channel.Id, Key(quota), cancellationToken);
        return (Used(stored?.Value, WeChatQuota.Day(_channel.Time.GetUtcNow())), quota.Limit(_channel.Options.DailyLimits));
    }

    internal static string Key(WeChatQuota quota) => "quota:" + quota.Call;

    private ChannelOutcome.QuotaExhausted Spent(WeChatQuota quota, int used, int limit, DateTimeOffset now)
    {
        var until = WeChatQuota.NextDay(now);
        var resets = until.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new ChannelOutcome.QuotaExhausted(until,
            $"{quota.Call} 今日调用额度已用完 ({quota.Purpose}): {used} of {limit} calls used today " +
            $"(Channels:{_channel.Id}:DailyLimits:{quota.Setting}); waiting for the next quota day at {resets} Beijing time")
        {
            Code = "budget " + quota.Call,
        };
    }

    private static int Used(string? value, DateOnly today)
    {
        var parts = value?.Split('|');
        return parts is [var day, var count] && day == Text(today) && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var used)
            ? used
            : 0;
    }

    private static string Value(DateOnly day, int used) => Text(day) + "|" + used.ToString(CultureInfo.InvariantCulture);

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
