using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Syndicator.Core.Events;

/// <summary>Where Syndicator reports what happened (<c>Events</c>); docs/events.md.</summary>
public sealed class EventsOptions : IValidatableObject
{
    /// <summary>The most subscriptions a service keeps.</summary>
    public const int MaxSubscriptions = 20;

    /// <summary>
    /// Subscriptions by name (<c>Events:Subscriptions:&lt;name&gt;:Url</c>): each gets every event of its types, signed
    /// with its own secret. Default: none (no events are recorded).
    /// </summary>
    public Dictionary<string, EventSubscriptionOptions> Subscriptions { get; set; } = new(StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Subscriptions.Count > MaxSubscriptions)
        {
            yield return new ValidationResult($"Events:Subscriptions may have at most {MaxSubscriptions} entries; it has {Subscriptions.Count}.");
        }

        foreach (var name in Subscriptions.Keys.Where(n => !EventSubscriptionOptions.NamePattern().IsMatch(n)))
        {
            yield return new ValidationResult(
                $"Events:Subscriptions:{name} is not a valid subscription name: 1 to 40 lower-case letters, digits or '-', starting with a letter.");
        }
    }
}

/// <summary>One subscriber: an approval system, an archive, a monitoring hook.</summary>
public sealed partial class EventSubscriptionOptions : IValidatableObject
{
    /// <summary>Where events are POSTed (absolute http or https). Required.</summary>
    public Uri? Url { get; set; }

    /// <summary>
    /// The Standard Webhooks signing secret shared with the receiver: <c>whsec_</c> and the base64 of 24 to 64 random
    /// bytes. Required; never shown by the API, the console or the logs.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>The event types it gets (<see cref="EventTypes.All"/>). Default: empty, meaning every type.</summary>
    public List<string> Types { get; set; } = [];

    /// <summary>
    /// Only events about these channels: a delivery's event when it is on one of them, an item's event when the item
    /// is routed to one of them. Default: empty, meaning every channel.
    /// </summary>
    public List<string> Channels { get; set; } = [];

    /// <summary>Whether events are sent; a disabled subscription records nothing new. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many events are in flight to the receiver at once. Default: 4.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How long one POST may take, answer included. Default: 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Failed tries in a row (5xx, no answer, signature refused) that open the subscription's circuit. Default: 5.</summary>
    [Range(1, 1_000)]
    public int CircuitFailures { get; set; } = 5;

    /// <summary>How long an open circuit sends nothing before one probe. Default: 1 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CircuitBreak { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Url is null || !Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("must be an absolute http or https URL", [nameof(Url)]);
        }

        if (SigningSecret.Key(Secret) is null)
        {
            yield return new ValidationResult(
                $"must be '{SigningSecret.Prefix}' and the base64 of {SigningSecret.MinBytes} to {SigningSecret.MaxBytes} random bytes", [nameof(Secret)]);
        }

        foreach (var type in Types.Where(t => !EventTypes.All.Contains(t, StringComparer.Ordinal)))
        {
            yield return new ValidationResult($"'{type}' is not an event type; the types are {string.Join(", ", EventTypes.All)}", [nameof(Types)]);
        }
    }

    [GeneratedRegex(@"\A[a-z][a-z0-9-]{0,39}\z")]
    internal static partial Regex NamePattern();
}
