using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Tests.Support;

namespace Syndicator.Core.Tests.Intake;

/// <summary>A mandatory step of intake that is not registered stops the service at start-up; it is never skipped.</summary>
public sealed class MandatoryStepsTests
{
    [Fact]
    public void BuildServices_ComplianceChecksNotRegistered_RefusedNamingThem()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSyndicatorCore(TestConfig.From([.. TestConfig.FourChannels]));

        // As the host builds its provider: every registration resolved once, before anything runs.
        var failure = Assert.ThrowsAny<Exception>(() => services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));

        Assert.Contains("Syndicator.Core.Compliance.ComplianceChecker", failure.ToString(), StringComparison.Ordinal);
    }
}
