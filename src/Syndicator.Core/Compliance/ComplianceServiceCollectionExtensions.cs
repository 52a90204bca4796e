using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Syndicator.Core.Configuration;
using Syndicator.Core.Reports;

namespace Syndicator.Core.Compliance;

public static class ComplianceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the intake compliance checks (<c>Compliance</c>, validated at start-up; <see cref="Intake.ItemValidator"/>
    /// requires them: without this registration the service does not start) and the annual figures (<c>Reports</c>). The store's <see cref="Storage.IComplianceStore"/>
    /// and <see cref="Storage.IPublicationStatistics"/> come from Storage.
    /// </summary>
    public static IServiceCollection AddCompliance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSection<ComplianceOptions>(configuration, "Compliance");
        services.AddValidatedSection<ReportsOptions>(configuration, "Reports");
        services.AddSingleton<ComplianceChecker>();
        services.AddSingleton<AnnualReporter>();
        return services;
    }
}
