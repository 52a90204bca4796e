using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;

namespace Syndicator.Core.Tests.Support;

/// <summary>Configuration as the service would read it, from in-memory keys.</summary>
internal static class TestConfig
{
    /// <summary>The default profile's four channels on the fake connector.</summary>
    public static readonly (string Key, string? Value)[] FourChannels =
    [
        ("Channels:portal:Connector", "fake"),
        ("Channels:bureau:Connector", "fake"),
        ("Channels:approval:Connector", "fake"),
        ("Channels:wechat:Connector", "fake"),
    ];

    /// <summary>The configuration of <paramref name="pairs"/>; a key given again overrides the earlier value.</summary>
    public static IConfiguration From(params (string Key, string? Value)[] pairs)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>
    /// The catalogue made from <paramref name="config"/>'s <c>Channels</c> and <c>Routing</c>, with the seed's seven
    /// categories, each as <c>Catalogue:&lt;name&gt;</c> in <paramref name="config"/> describes it (if at all).
    /// </summary>
    public static ChannelCatalogue Catalogue(IConfiguration config)
    {
        var catalogue = new CatalogueOptions
        {
            Categories = [.. CatalogueOptions.SeedCategories.Select(name =>
            {
                var category = config.GetSection($"Catalogue:{name}").Get<CategoryOptions>() ?? new CategoryOptions();
                category.Name = name;
                return category;
            })],
        };
        var routing = config.GetSection("Routing").Get<RoutingOptions>() ?? new RoutingOptions();
        return new ChannelCatalogue(CoreServiceCollectionExtensions.ReadChannels(config), Options.Create(catalogue), Options.Create(routing));
    }
}
