using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Events;

namespace Syndicator.Core;

/// <summary>A marker the start-up validation of the whole configuration hangs on.</summary>
public sealed class ConfigurationCheck
{
}

/// <summary>
/// Checks what no single options class can: channels against the known connectors and their own settings, routing
/// and the catalogue against the channels. Every message names the key and the value. Each section's own rules are
/// its class's (<see cref="Configuration.SectionValidation"/>).
/// </summary>
internal sealed class ConfigurationValidator(
    IReadOnlyList<ChannelDefinition> channels,
    IEnumerable<IChannelConnectorFactory> factories,
    IOptions<CatalogueOptions> catalogue,
    IOptions<RoutingOptions> routing,
    IOptions<EventsOptions> events) : IValidateOptions<ConfigurationCheck>
{
    public ValidateOptionsResult Validate(string? name, ConfigurationCheck options)
    {
        var errors = new List<string>();
        var known = factories.ToDictionary(f => f.Connector, StringComparer.Ordinal);
        // A disabled channel is not validated: channels go live one at a time, and one not yet switched on needs no
        // credentials (DESIGN.md §6: "a channel with Enabled=false needs no other settings").
        foreach (var channel in channels.Where(c => c.Enabled))
        {
            if (!known.TryGetValue(channel.Connector, out var factory))
            {
                errors.Add($"Channels:{channel.Id}:Connector '{channel.Connector}' is not a known connector (known: {string.Join(", ", known.Keys)}).");
                continue;
            }

            if (channel.Options.MaxConcurrency < 1)
            {
                errors.Add($"Channels:{channel.Id}:MaxConcurrency {channel.Options.MaxConcurrency} must be 1 or more.");
            }

            if (channel.Options.AttemptTimeout <= TimeSpan.Zero)
            {
                errors.Add($"Channels:{channel.Id}:AttemptTimeout {channel.Options.AttemptTimeout} must be positive.");
            }

            if (channel.Options.RequestTimeout <= TimeSpan.Zero
                || (channel.Options.AttemptTimeout > TimeSpan.Zero && channel.Options.RequestTimeout > channel.Options.AttemptTimeout))
            {
                errors.Add($"Channels:{channel.Id}:RequestTimeout {channel.Options.RequestTimeout} must be positive and no longer than AttemptTimeout.");
            }

            if (channel.Options.CircuitFailures < 1 || channel.Options.CircuitBreak <= TimeSpan.Zero)
            {
                errors.Add($"Channels:{channel.Id}:CircuitFailures {channel.Options.CircuitFailures} must be 1 or more and CircuitBreak {channel.Options.CircuitBreak} positive.");
            }

            if (channel.Options.MaxPerMinute < 0)
            {
                errors.Add($"Channels:{channel.Id}:MaxPerMinute {channel.Options.MaxPerMinute} must be 0 (no limit) or more.");
            }

            if (channel.Options.RequestRetries is < 0 or > 5)
            {
                errors.Add($"Channels:{channel.Id}:RequestRetries {channel.Options.RequestRetries} must be from 0 to 5.");
            }

            if (channel.Options.RequestCircuitBreak < TimeSpan.FromSeconds(1) || channel.Options.RequestCircuitBreak > TimeSpan.FromMinutes(10))
            {
                errors.Add($"Channels:{channel.Id}:RequestCircuitBreak {channel.Options.RequestCircuitBreak} must be from 1 second to 10 minutes.");
            }

            errors.AddRange(factory.Validate(channel));
        }

        var ids = channels.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        CheckRouting(errors, ids);
        CheckCatalogue(errors, ids);
        CheckEvents(errors, ids);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>A subscription's channel filter names configured channels only (a typo would silently filter out everything).</summary>
    private void CheckEvents(List<string> errors, HashSet<string> ids)
    {
        EventsOptions subscriptions;
        try
        {
            subscriptions = events.Value;
        }
        catch (OptionsValidationException)
        {
            // The section's own problems are reported by its own validation, once.
            return;
        }

        foreach (var (name, subscription) in subscriptions.Subscriptions)
        {
            for (var i = 0; i < subscription.Channels.Count; i++)
            {
                if (!ids.Contains(subscription.Channels[i]))
                {
                    errors.Add($"Events:Subscriptions:{name}:Channels:{i} '{subscription.Channels[i]}' is not a configured channel (configured: {string.Join(", ", ids.Order(StringComparer.Ordinal))}).");
                }
            }
        }
    }

    private void CheckRouting(List<string> errors, HashSet<string> ids)
    {
        for (var i = 0; i < routing.Value.Default.Count; i++)
        {
            if (!ids.Contains(routing.Value.Default[i]))
            {
                errors.Add($"Routing:Default:{i} '{routing.Value.Default[i]}' is not a configured channel.");
            }
        }

        var categories = catalogue.Value.Categories.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (category, list) in routing.Value.Categories)
        {
            if (!categories.Contains(category))
            {
                errors.Add($"Routing:Categories:{category} is not a category of the catalogue.");
            }

            errors.AddRange(list.Where(c => !ids.Contains(c)).Select(c => $"Routing:Categories:{category} names '{c}', which is not a configured channel."));
        }
    }

    private void CheckCatalogue(List<string> errors, HashSet<string> ids)
    {
        var categories = catalogue.Value.Categories;
        for (var i = 0; i < categories.Count; i++)
        {
            errors.AddRange(categories[i].ExcludedChannels.Where(c => !ids.Contains(c))
                .Select(c => $"Catalogue:Categories:{i}:ExcludedChannels names '{c}', which is not a configured channel."));
            errors.AddRange(categories[i].ChannelColumns.Keys.Where(c => !ids.Contains(c))
                .Select(c => $"Catalogue:Categories:{i}:ChannelColumns names '{c}', which is not a configured channel."));
            if (string.IsNullOrWhiteSpace(categories[i].Name))
            {
                errors.Add($"Catalogue:Categories:{i}:Name is required.");
            }
            else if (categories.Take(i).Any(c => c.Name == categories[i].Name))
            {
                errors.Add($"Catalogue:Categories:{i}:Name '{categories[i].Name}' is listed twice.");
            }
        }
    }
}
