using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Syndicator.Core.Channels;
using Syndicator.Core.Tests.Support;
using Syndicator.Testing.Fakes;

namespace Syndicator.Core.Tests;

/// <summary>Start-up validation of the whole configuration, as the host runs it: every message names its key.</summary>
public sealed class ConfigurationValidatorTests
{
    /// <summary>The problems start-up would report, every section's, for the four default channels plus <paramref name="settings"/>.</summary>
    private static IReadOnlyList<string> CreateSut(FakeConnectorFactory? factory, params (string Key, string? Value)[] settings)
    {
        var services = new ServiceCollection();
        services.AddSyndicatorCore(TestConfig.From([.. TestConfig.FourChannels, .. settings]));
        services.AddSingleton<IChannelConnectorFactory>(factory ?? new FakeConnectorFactory());
        using var provider = services.BuildServiceProvider();
        var failure = Record.Exception(() => provider.GetRequiredService<IStartupValidator>().Validate());
        return failure switch
        {
            null => [],
            AggregateException all => [.. all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)],
            _ => Assert.IsType<OptionsValidationException>(failure).Failures.ToList(),
        };
    }

    private static IReadOnlyList<string> CreateSut(params (string Key, string? Value)[] settings) => CreateSut(null, settings);

    [Fact]
    public void Validate_DefaultProfileWithRouting_NoProblems()
    {
        var problems = CreateSut(
            ("Routing:Default:0", "portal"),
            ("Routing:Categories:工作信息:0", "bureau"),
            ("Routing:Categories:工作信息:1", "wechat"),
            ("Retry:Schedule:0", "00:00:30"),
            ("Retry:Schedule:1", "00:02:00"));

        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_UnknownConnector_NamesChannelKeyAndValue()
    {
        var problem = Assert.Single(CreateSut(("Channels:bureau:Connector", "sscms")));

        Assert.StartsWith("Channels:bureau:Connector 'sscms'", problem, StringComparison.Ordinal);
        Assert.Contains("fake", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DisabledChannelWithUnknownConnectorAndBadSettings_NotValidated()
    {
        var factory = new FakeConnectorFactory().Reporting("Channels:x:BaseUrl is required.");

        var problems = CreateSut(
            factory,
            ("Channels:portal:Enabled", "false"),
            ("Channels:approval:Enabled", "false"),
            ("Channels:wechat:Enabled", "false"),
            ("Channels:wechat:Connector", "no-such-connector"),
            ("Channels:bureau:Enabled", "false"));

        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_ConnectorsOwnProblems_Reported()
    {
        var factory = new FakeConnectorFactory().Reporting("Channels:x:BaseUrl is required.");

        var problems = CreateSut(factory);

        Assert.Equal(4, problems.Count(p => p == "Channels:x:BaseUrl is required."));
    }

    [Fact]
    public void Validate_DefaultRoutingToUnconfiguredChannel_NamesKeyAndChannel()
    {
        var problem = Assert.Single(CreateSut(("Routing:Default:0", "portal"), ("Routing:Default:1", "weibo")));

        Assert.StartsWith("Routing:Default:1 'weibo'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CategoryRoutingToUnconfiguredChannel_NamesCategoryAndChannel()
    {
        var problem = Assert.Single(CreateSut(("Routing:Categories:工作信息:0", "weibo")));

        Assert.Contains("Routing:Categories:工作信息", problem, StringComparison.Ordinal);
        Assert.Contains("'weibo'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RoutingForUnknownCategory_NamesCategory()
    {
        var problem = Assert.Single(CreateSut(("Routing:Categories:新闻动态:0", "bureau")));

        Assert.StartsWith("Routing:Categories:新闻动态", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConfiguredCatalogue_ReplacesSeedForRouting()
    {
        var problems = CreateSut(("Catalogue:Categories:0:Name", "水利工程"), ("Routing:Categories:工作信息:0", "bureau"));

        Assert.StartsWith("Routing:Categories:工作信息", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateCategory_NamesIndexAndName()
    {
        var problem = Assert.Single(CreateSut(
            ("Catalogue:Categories:0:Name", "工作信息"),
            ("Catalogue:Categories:1:Name", "政策文件"),
            ("Catalogue:Categories:2:Name", "工作信息")));

        Assert.StartsWith("Catalogue:Categories:2:Name '工作信息'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BlankCategoryName_NamesKey()
    {
        var problem = Assert.Single(CreateSut(("Catalogue:Categories:0:Name", "工作信息"), ("Catalogue:Categories:1:Name", " ")));

        Assert.StartsWith("Catalogue:Categories:1:Name", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:05")]
    public void Validate_NonPositiveRetryStep_NamesStepAndValue(string step)
    {
        var problem = Assert.Single(CreateSut(("Retry:Schedule:0", "00:00:30"), ("Retry:Schedule:1", step)));

        Assert.StartsWith($"Retry:Schedule:1 '{TimeSpan.Parse(step, System.Globalization.CultureInfo.InvariantCulture)}'", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-0.1")]
    public void Validate_JitterOutOfRange_NamesKey(string jitter)
    {
        Assert.StartsWith("Retry:Jitter", Assert.Single(CreateSut(("Retry:Jitter", jitter))), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ChannelConcurrencyAndTimeoutNotPositive_NamesEachKey()
    {
        var problems = CreateSut(("Channels:wechat:MaxConcurrency", "0"), ("Channels:wechat:AttemptTimeout", "00:00:00"));

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Channels:wechat:MaxConcurrency 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Channels:wechat:AttemptTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ShortLeaseAndZeroPoll_NamesDispatcherKeys()
    {
        var problems = CreateSut(("Dispatcher:LeaseDuration", "00:00:00.500"), ("Dispatcher:PollInterval", "00:00:00"));

        Assert.Contains(problems, p => p.StartsWith("Dispatcher:LeaseDuration", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Dispatcher:PollInterval", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SeveralProblems_AllReportedAtOnce()
    {
        var problems = CreateSut(
            ("Channels:bureau:Connector", "nope"),
            ("Routing:Default:0", "weibo"),
            ("Retry:Schedule:0", "00:00:00"));

        Assert.Equal(3, problems.Count);
    }

    [Theory]
    [InlineData("Intake:MaxTitleLength", "-1", "Intake:MaxTitleLength must be from 1 to 10000; it is -1.")]
    [InlineData("Intake:MaxConcurrentChecks", "0", "Intake:MaxConcurrentChecks must be from 1 to 1024; it is 0.")]
    [InlineData("Dispatcher:QuarantineAfter", "0", "Dispatcher:QuarantineAfter must be from 1 to 1000; it is 0.")]
    [InlineData("Publisher:IndexSerialWidth", "9", "Publisher:IndexSerialWidth must be from 3 to 8; it is 9.")]
    [InlineData("Retry:Jitter", "1", "Retry:Jitter must be from 0 to 0.99; it is 1.")]
    public void Validate_SectionValueOutOfRange_OneMessageNamingKeyRangeAndValue(string key, string value, string message)
    {
        Assert.Equal(message, Assert.Single(CreateSut((key, value))));
    }

    [Fact]
    public void Validate_ValueThatIsNotItsType_NamesTheKeyNotTheValue()
    {
        var problem = Assert.Single(CreateSut(("Intake:MaxTitleLength", "two hundred")));

        Assert.Contains("Intake:MaxTitleLength", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("two hundred", problem, StringComparison.Ordinal);
    }
}
