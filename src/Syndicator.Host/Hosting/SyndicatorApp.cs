using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Syndicator.Channels.Handoff;
using Syndicator.Channels.Jcms;
using Syndicator.Channels.NoticeBoard;
using Syndicator.Channels.SsCms;
using Syndicator.Channels.TrsWcm;
using Syndicator.Channels.WeChat;
using Syndicator.Channels.Webhook;
using Syndicator.Core;
using Syndicator.Core.Channels;
using Syndicator.Core.Compliance;
using Syndicator.Core.Configuration;
using Syndicator.Core.Tracking;
using Syndicator.Host.Api;
using Syndicator.Host.Auth;
using Syndicator.Host.Health;
using Syndicator.Host.WebConsole;
using Syndicator.Host.Jobs;
using Syndicator.Storage;

namespace Syndicator.Host.Hosting;

/// <summary>
/// Composes the service: configuration (appsettings, <c>Syndicator__</c> environment variables, command-line
/// settings), the store, the core, the connectors, the API and health endpoints.
/// </summary>
public static class SyndicatorApp
{
    public static WebApplication Create(ServeSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = settings.Args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        Configure(builder.Configuration, settings);

        // Every registration is resolved once at start-up, so a missing mandatory collaborator (a store, the compliance
        // checks intake cannot run without) stops the service with its name instead of failing the first request.
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });

        var api = builder.Configuration.GetSection("Api").Get<ApiOptions>() ?? new ApiOptions();
        builder.WebHost.UseUrls(api.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = api.MaxRequestBytes);
        builder.Services.AddValidatedSection<ApiOptions>(builder.Configuration, "Api");

        // The listen and proxy settings are used while the host is composed, before start-up validation runs: the same
        // checks, now.
        if (SectionValidation.Problems(api, "Api") is { Count: > 0 } apiProblems)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException("Api", typeof(ApiOptions), apiProblems);
        }

        ProxySetup.Add(builder.Services, api);

        var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddSyndicatorStorage(storage);
        // Hosted services start in registration order: the data files' modes first, then the schema must be in place
        // before the dispatcher claims, and before Data Protection's own hosted service (added by DataProtectionSetup
        // below) reads the key ring from it.
        builder.Services.AddSingleton(storage);
        builder.Services.AddHostedService<DataFilePermissions>();
        builder.Services.AddHostedService<StoreMigrator>();
        builder.Services.AddHostedService<DeploymentWarnings>();
        DataProtectionSetup.Add(builder.Services, builder.Configuration.GetSection("DataProtection").Get<KeyRingOptions>() ?? new KeyRingOptions());
        ProtectedChannelState.Decorate(builder.Services);
        builder.Services.AddValidatedSection<Syndicator.Host.Metrics.MetricsOptions>(builder.Configuration, "Metrics");
        builder.Services.AddValidatedSection<KeyRingOptions>(builder.Configuration, "DataProtection");

        builder.Services.AddSingleton<Syndicator.Core.Application.IHandoffUrlPolicy, ChannelHandoffUrls>();
        builder.Services.AddSyndicatorCore(builder.Configuration);
        builder.Services.AddCompliance(builder.Configuration);
        builder.Services.AddSsCmsChannel();
        builder.Services.AddWeChatChannel();
        builder.Services.AddJcmsChannel();
        builder.Services.AddTrsWcmChannel();
        builder.Services.AddHandoffChannel();
        builder.Services.AddWebhookChannel();
        builder.Services.AddWebhookEvents();
        builder.Services.AddNoticeBoardChannel();
        ChannelHttpClients.Add(builder.Services, builder.Configuration);
        builder.Services.AddTrackingAndWatchdogs(builder.Configuration);
        QuartzSetup.Add(builder.Services, storage);
        builder.Services.AddSyndicatorHealth(builder.Configuration);

        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            // Chinese text goes out as itself, not as \u escapes (DESIGN §5).
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

            // "revision": "1" is a string, not a number: the web defaults would quietly accept it.
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;

            // An item nests four levels at most; anything far deeper is an attack on the parser, refused early.
            o.SerializerOptions.MaxDepth = JsonBody.MaxDepth;
        });
        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddAuthentication(ApiKeyAuthentication.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.Scheme, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Scopes.Submit, p => p.RequireClaim(ApiKeyAuthentication.ScopeClaim, Scopes.Submit))
            .AddPolicy(Scopes.Operate, p => p.RequireClaim(ApiKeyAuthentication.ScopeClaim, Scopes.Operate))
            .AddPolicy(Scopes.Read, p => p.RequireClaim(ApiKeyAuthentication.ScopeClaim, Scopes.Read));
        builder.Services.AddSingleton<ChannelOverview>();
        builder.Services.AddSingleton<Syndicator.Host.GoLive.GoLiveProbe>();
        builder.Services.AddSyndicatorConsole(builder.Configuration);

        var app = builder.Build();

        // Forwarded headers first: everything after sees the client's scheme and address.
        ProxySetup.Use(app, api);

        // Unknown routes, bad query strings and unexpected errors answer with problem details too.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSyndicatorConsole();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapItemsApi();
        app.MapDeliveriesApi();
        app.MapChannelsApi();
        app.MapHealthApi();
        app.MapReportsApi();
        app.MapEventsApi();
        app.MapSyndicatorConsole();
        return app;
    }

    private static void Configure(ConfigurationManager configuration, ServeSettings settings)
    {
        configuration.AddEnvironmentVariables("Syndicator__");
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (settings.Urls is not null)
        {
            overrides["Api:Urls"] = settings.Urls;
        }

        if (settings.DataDirectory is not null)
        {
            overrides["Storage:Provider"] = "Sqlite";
            overrides["Storage:DataDirectory"] = settings.DataDirectory;
        }

        if (settings.Postgres is not null)
        {
            overrides["Storage:Provider"] = "Postgres";
            overrides["Storage:ConnectionString"] = settings.Postgres;
        }

        if (settings.Sandbox is not null)
        {
            // The profile reads the configuration as it will be, the caller's overrides included (they still win).
            var view = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(settings.Overrides).Build();
            foreach (var (key, value) in SandboxProfile.Settings(view, settings.Sandbox))
            {
                overrides[key] = value;
            }
        }

        foreach (var (key, value) in settings.Overrides)
        {
            overrides[key] = value;
        }

        configuration.AddInMemoryCollection(overrides);
    }
}
