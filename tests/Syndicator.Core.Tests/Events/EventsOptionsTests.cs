using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Syndicator.Core.Channels;
using Syndicator.Core.Events;
using Syndicator.Core.Tests.Support;
using Syndicator.Testing.Fakes;

namespace Syndicator.Core.Tests.Events;

/// <summary>Start-up validation of <c>Events:Subscriptions</c>: every problem names its key, and never the secret.</summary>
public sealed class EventsOptionsTests
{
    private const string Good = "whsec_MfKQ9r3hBWmV4tSg0cZqY1uXo8nLpE2dRjA7kHwIe5s=";

    private static IReadOnlyList<string> Problems(params (string Key, string? Value)[] settings)
    {
        var services = new ServiceCollection();
        services.AddSyndicatorCore(TestConfig.From([.. TestConfig.FourChannels, .. settings]));
        services.AddSingleton<IChannelConnectorFactory>(new FakeConnectorFactory());
        using var provider = services.BuildServiceProvider();
        var failure = Record.Exception(() => provider.GetRequiredService<IStartupValidator>().Validate());
        return failure switch
        {
            null => [],
            AggregateException all => [.. all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)],
            _ => Assert.IsType<OptionsValidationException>(failure).Failures.ToList(),
        };
    }

    private static (string, string?)[] Office(params (string Key, string? Value)[] more) =>
        [("Events:Subscriptions:office:Url", "https://oa.example.gov.cn/hooks/syndicator"), ("Events:Subscriptions:office:Secret", Good), .. more];

    [Fact]
    public void Validate_GoodSubscription_NoProblems() => Assert.Empty(Problems(Office(
        ("Events:Subscriptions:office:Types:0", "item.live"), ("Events:Subscriptions:office:Channels:0", "portal"))));

    [Fact]
    public void Validate_SecretNotWhsec_NamesKeyNotValue()
    {
        var problem = Assert.Single(Problems(Office(("Events:Subscriptions:office:Secret", "hunter2-plain-password"))));

        Assert.StartsWith("Events:Subscriptions:office:Secret must be 'whsec_'", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SecretTooShort_Refused() =>
        Assert.Contains(Problems(Office(("Events:Subscriptions:office:Secret", "whsec_" + Convert.ToBase64String(new byte[8])))),
            p => p.StartsWith("Events:Subscriptions:office:Secret", StringComparison.Ordinal));

    [Theory]
    [InlineData("ftp://oa.example/hook")]
    [InlineData("/relative/hook")]
    public void Validate_UrlNotHttp_NamesKey(string url) =>
        Assert.Contains(Problems(Office(("Events:Subscriptions:office:Url", url))),
            p => p.StartsWith("Events:Subscriptions:office:Url must be an absolute http or https URL", StringComparison.Ordinal));

    [Fact]
    public void Validate_UnknownType_NamesKeyAndTheTypes()
    {
        var problem = Assert.Single(Problems(Office(("Events:Subscriptions:office:Types:0", "item.published"))));

        Assert.StartsWith("Events:Subscriptions:office:Types 'item.published' is not an event type", problem, StringComparison.Ordinal);
        Assert.Contains(EventTypes.ItemLive, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownChannel_NamesKeyAndConfiguredChannels()
    {
        var problem = Assert.Single(Problems(Office(("Events:Subscriptions:office:Channels:0", "portl"))));

        Assert.StartsWith("Events:Subscriptions:office:Channels:0 'portl' is not a configured channel", problem, StringComparison.Ordinal);
        Assert.Contains("portal", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadName_Refused() =>
        Assert.Contains(Problems(
            ("Events:Subscriptions:Office System:Url", "https://oa.example/hook"), ("Events:Subscriptions:Office System:Secret", Good)),
            p => p.StartsWith("Events:Subscriptions:Office System is not a valid subscription name", StringComparison.Ordinal));

    [Fact]
    public void Validate_ConcurrencyOutOfRange_NamesKey() =>
        Assert.Contains(Problems(Office(("Events:Subscriptions:office:MaxConcurrency", "0"))),
            p => p.StartsWith("Events:Subscriptions:office:MaxConcurrency must be from 1 to 64", StringComparison.Ordinal));

    [Fact]
    public void Routes_TypesAndChannels_DecideWhoTakesAnEvent()
    {
        var options = new EventsOptions();
        options.Subscriptions["office"] = new EventSubscriptionOptions { Types = [EventTypes.ItemLive] };
        options.Subscriptions["archive"] = new EventSubscriptionOptions { Channels = ["portal"] };
        options.Subscriptions["off"] = new EventSubscriptionOptions { Enabled = false };
        var routes = new EventRoutes(Options.Create(options));

        Assert.Equal(["archive", "office"], routes.Subscriptions.Select(s => s.Name));
        Assert.Equal(["office"], routes.Taking(EventTypes.ItemLive, ["bureau"]));
        Assert.Equal(["archive", "office"], routes.Taking(EventTypes.ItemLive, ["bureau", "portal"]));
        Assert.Equal(["archive"], routes.Taking(EventTypes.DeliveryFailed, ["portal"]));
        Assert.Empty(routes.Taking(EventTypes.DeliveryFailed, ["wechat"]));
    }
}
