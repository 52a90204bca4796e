using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Syndicator.Sandbox;

/// <summary>Builds the sandbox: every platform emulator under its prefix, the control API under <c>/_sandbox</c>, an index at <c>/</c>.</summary>
public static class SandboxApplication
{
    /// <summary>
    /// Builds (does not start) a <see cref="WebApplication"/> serving the sandbox on <see cref="SandboxOptions.Urls"/>.
    /// After <c>StartAsync</c>, <c>app.Urls</c> holds the bound addresses (useful with port 0).
    /// </summary>
    public static WebApplication Create(SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(SandboxApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The sandbox often runs inside another process (demo, tests): it must not pick up that process's
        // appsettings.json or ASPNETCORE_* variables (Kestrel endpoints, log levels). Its options are its only input.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders()
            // Standard output belongs to the CLI verb that hosts the sandbox; diagnostics go to standard error.
            .AddConsole(static o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(static o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("System", LogLevel.Warning);
        builder.Services.AddSandbox(options);

        var app = builder.Build();
        app.Urls.Clear();
        foreach (var url in options.Urls)
        {
            app.Urls.Add(url);
        }

        return app.UseSandbox();
    }
}
