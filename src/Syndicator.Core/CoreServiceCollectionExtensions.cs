using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Configuration;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Intake;

namespace Syndicator.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the domain services, the dispatcher and their options from <paramref name="configuration"/>
    /// (sections <c>Publisher</c>, <c>Catalogue</c>, <c>Routing</c>, <c>Retry</c>, <c>Dispatcher</c>, <c>Intake</c>,
    /// <c>Channels</c>). Connectors are added by each channel project's own <c>AddXxxChannel</c>; the store by Storage.
    /// </summary>
    public static IServiceCollection AddSyndicatorCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Syndicator.Core.Alerts.IAlerts, Syndicator.Core.Alerts.LoggedAlerts>();
        services.AddValidatedSection<PublisherOptions>(configuration, "Publisher");
        services.AddValidatedSection<IntakeOptions>(configuration, "Intake");
        services.AddValidatedSection<DispatcherOptions>(configuration, "Dispatcher");
        services.AddValidatedSection<RetryOptions>(configuration, "Retry");

        // Routing and the catalogue are checked against the channels, all together (ConfigurationValidator).
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection("Routing"));

        // Lists with defaults are filled after binding: the binder appends to an initialised list, so a configured
        // catalogue would otherwise be added to the seed's instead of replacing it.
        services.AddOptions<CatalogueOptions>().Bind(configuration.GetSection("Catalogue")).PostConfigure(o =>
        {
            if (o.Categories.Count == 0)
            {
                o.Categories.AddRange(CatalogueOptions.SeedCategories.Select(name => new CategoryOptions { Name = name }));
            }
        });

        // Every configured channel, validated at start-up together with routing, catalogue and retry settings.
        services.AddSingleton<IReadOnlyList<ChannelDefinition>>(_ => ReadChannels(configuration));
        services.AddSingleton(sp => new ChannelCatalogue(
            sp.GetRequiredService<IReadOnlyList<ChannelDefinition>>(),
            sp.GetRequiredService<IOptions<CatalogueOptions>>(),
            sp.GetRequiredService<IOptions<RoutingOptions>>()));
        services.AddSingleton<IValidateOptions<ConfigurationCheck>, ConfigurationValidator>();
        services.AddOptions<ConfigurationCheck>().ValidateOnStart();

        services.AddSingleton<BodyRenderer>();
        services.AddSingleton<ItemValidator>();

        // The application layer every front end calls: the API's handlers, the console's pages, the CLI through the API.
        services.AddSingleton<Application.IntakeService>();
        services.AddSingleton<Application.OperatorCommands>();
        services.TryAddSingleton<Application.IHandoffUrlPolicy, Application.AnyHandoffUrl>();
        services.AddSingleton(sp => new DeliveryStateMachine(sp.GetRequiredService<IOptions<RetryOptions>>().Value));
        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<ChannelGates>();
        services.AddSingleton<ConnectorRegistry>();
        services.AddSingleton<RevisionCache>();
        services.AddSingleton<DeliveryRunner>();
        services.AddHostedService<DeliveryDispatcher>();

        // Events (docs/events.md): who gets which, each subscription's circuit, its lane's runner.
        services.AddValidatedSection<Events.EventsOptions>(configuration, "Events");
        services.AddSingleton<Events.EventRoutes>();
        services.AddSingleton<Events.EventGates>();
        services.AddSingleton<Events.EventRunner>();
        services.AddSingleton<Application.EventsService>();
        services.AddHostedService<Events.EventDispatcher>();
        return services;
    }

    /// <summary>Reads <c>Channels:&lt;id&gt;</c> sections; a section with no keys is left out.</summary>
    public static IReadOnlyList<ChannelDefinition> ReadChannels(IConfiguration configuration) =>
        configuration.GetSection("Channels").GetChildren()
            .Where(s => s.GetChildren().Any())
            .Select(s => new ChannelDefinition(s.Key, s.Get<ChannelOptions>() ?? new ChannelOptions(), s))
            .ToList();
}
