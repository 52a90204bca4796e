using Syndicator.Core.Configuration;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Syndicator.Host.WebConsole;

/// <summary>
/// The operator console: Razor Pages at <c>/</c>, cookie sign-in with roles, a sign-in rate limit, the console's own
/// stylesheet and script. <c>/api</c> is untouched: it stays API-key only.
/// </summary>
internal static class ConsoleSetup
{
    /// <summary>The rate-limiting policy of the sign-in page: <c>Console:SignInsPerMinute</c> posts per client address.</summary>
    public const string SignInPolicy = "console.signin";

    public static IServiceCollection AddSyndicatorConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSection<ConsoleOptions>(configuration, "Console");
        var options = configuration.GetSection("Console").Get<ConsoleOptions>() ?? new ConsoleOptions();

        services.AddHttpContextAccessor();
        services.AddScoped<ConsoleText>();
        services.AddSingleton<Accounts>();

        // Its own scheme beside the API key's; the default scheme stays the API key's, so /api never reads the cookie.
        services.AddAuthentication().AddCookie(ConsoleAuth.Scheme, cookie => ConsoleAuth.Configure(cookie, options));
        var policies = services.AddAuthorizationBuilder();
        foreach (var (name, roles) in ConsolePolicies.Roles)
        {
            policies.AddPolicy(name, p => p.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireRole(roles));
        }

        services.AddRazorPages(pages =>
            {
                pages.RootDirectory = "/WebConsole/Pages";
                pages.Conventions.AuthorizeFolder("/", ConsolePolicies.Any);
                pages.Conventions.AllowAnonymousToPage("/SignIn");
            })
            .AddMvcOptions(mvc => mvc.Filters.Add<HandlerPolicyFilter>())

            // Named, not discovered from the entry assembly: under a test host the entry assembly is the test runner.
            .AddApplicationPart(typeof(ConsoleSetup).Assembly);

        // Chinese stays Chinese in the pages (the default encoder writes every non-Latin letter as an entity).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        // Per client address, counted in this process: a brake on password guessing beside the per-(account, address)
        // lock-out. A policy on the sign-in page's endpoint (SignInModel carries [EnableRateLimiting]), not a test of the
        // raw path: it holds for every spelling routing sends to that page (/signin/, /SignIn, //signin, ...).
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInPolicy, context =>
                HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        ClientAddress.Of(context),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.OnRejected = (context, cancellationToken) =>
            {
                var text = context.HttpContext.RequestServices.GetRequiredService<ConsoleText>();
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(context.HttpContext.Response.WriteAsync(text["TooMany"], cancellationToken));
            };
        });
        return services;
    }

    /// <summary>
    /// Security headers on console pages, and the sign-in rate limit. Goes before authentication and after routing
    /// (WebApplication's own, or an explicit <c>UseRouting()</c> placed before this): the sign-in brake is a policy on
    /// the page's endpoint, which the rate limiter can only see once routing has chosen it.
    /// </summary>
    public static IApplicationBuilder UseSyndicatorConsole(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                var headers = context.Response.Headers;

                // Item previews are srcdoc frames without scripts; images in them are data URIs. A srcdoc frame inherits
                // this policy, so framing is refused with X-Frame-Options (which srcdoc frames do not inherit) rather
                // than frame-ancestors, which would blank the previews.
                headers.ContentSecurityPolicy =
                    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; form-action 'self'; base-uri 'none'";
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
            }

            return next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    public static IEndpointRouteBuilder MapSyndicatorConsole(this IEndpointRouteBuilder app)
    {
        app.MapRazorPages();
        app.MapGet("/assets/{name}", ConsoleAssets.Serve).AllowAnonymous();
        app.MapGet("/lang/{language}", SwitchLanguage).AllowAnonymous();
        return app;
    }

    /// <summary>Sets the language cookie and goes back to the page the switch was on (a local path only).</summary>
    private static IResult SwitchLanguage(string language, string? back, HttpContext context)
    {
        if (!ConsoleText.IsKnown(language))
        {
            return TypedResults.BadRequest($"language must be zh-CN or en; it is '{language}'.");
        }

        context.Response.Cookies.Append(ConsoleText.Cookie, language, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        var local = back is { Length: > 0 } && back[0] == '/' && (back.Length == 1 || (back[1] != '/' && back[1] != '\\'));
        return TypedResults.LocalRedirect(local ? back! : "/");
    }
}
