using System.Globalization;
using RestSharp;

namespace Syndicator.Channels.Toolkit;

/// <summary>Reads a <c>Retry-After</c> header (RFC 9110 §10.2.3: delay-seconds or an HTTP-date), bounded.</summary>
public static class RetryAfter
{
    /// <summary>The longest wait taken at the platform's word; the durable schedule bounds it again.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromHours(1);

    /// <summary>The wait the answer asks for, clamped to [0, <see cref="Max"/>]; null when it asks for none or cannot be read.</summary>
    public static TimeSpan? Of(RestResponse response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        var value = response.Headers?
            .FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value;
        return Parse(value, time);
    }

    /// <summary>The wait <paramref name="value"/> asks for, clamped to [0, <see cref="Max"/>]; null when empty or unreadable.</summary>
    public static TimeSpan? Parse(string? value, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        TimeSpan? wait = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Min(seconds, (long)Max.TotalSeconds))
            : DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at - time.GetUtcNow()
                : null;
        return wait is null ? null : TimeSpan.FromTicks(Math.Clamp(wait.Value.Ticks, 0, Max.Ticks));
    }
}
