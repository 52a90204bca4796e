using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Sandbox.Approval;
using Syndicator.Sandbox.Bureau;
using Syndicator.Sandbox.Channels;
using Syndicator.Sandbox.Control;
using Syndicator.Sandbox.Faults;
using Syndicator.Sandbox.Portal;
using Syndicator.Sandbox.WeChat;
using Syndicator.Sandbox.Events;
using Syndicator.Sandbox.Webhook;

namespace Syndicator.Sandbox;

/// <summary>Composition of the sandbox: the shared machinery plus one registration per emulator.</summary>
internal static class SandboxServiceCollectionExtensions
{
    public static IServiceCollection AddSandbox(this IServiceCollection services, SandboxOptions options)
    {
        services.AddSingleton(options.TimeProvider);
        services.AddSingleton(options);
        services.AddSingleton<SandboxChannels>();
        services.ConfigureHttpJsonOptions(static o => SandboxJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();

        // A new platform is one more line here and one folder beside Bureau/.
        services.AddSingleton<BureauStore>();
        services.AddPlatformEmulator<BureauEmulator>();
        services.AddPlatformEmulator<WeChatEmulator>();
        services.AddSingleton<PortalStore>();
        services.AddPlatformEmulator<PortalEmulator>();
        services.AddPlatformEmulator<ApprovalEmulator>();
        services.AddPlatformEmulator<WebhookEmulator>();
        services.AddPlatformEmulator<EventsEmulator>();
        return services;
    }

    public static WebApplication UseSandbox(this WebApplication app)
    {
        // Before the endpoints, so that a fault stops a request before any emulator sees it.
        app.UseMiddleware<ChannelTrafficMiddleware>();
        foreach (var channel in app.Services.GetRequiredService<SandboxChannels>().All)
        {
            channel.Emulator.Map(app.MapGroup(channel.Prefix.Value!));
            channel.Emulator.MapControl(app.MapGroup("/_sandbox" + channel.Prefix.Value));
        }

        app.MapSandboxControlApi();
        app.MapSandboxIndexPage();
        return app;
    }

    // The concrete type is resolvable so that handlers can take it; the interface feeds the shared machinery.
    private static void AddPlatformEmulator<TEmulator>(this IServiceCollection services)
        where TEmulator : class, IPlatformEmulator
    {
        services.AddSingleton<TEmulator>();
        services.AddSingleton<IPlatformEmulator>(static sp => sp.GetRequiredService<TEmulator>());
    }
}
