using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Syndicator.Sandbox.Bureau;

/// <summary>The answers SSCMS (an ASP.NET Core <c>[ApiController]</c> application) gives outside the happy path.</summary>
internal static class BureauResults
{
    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Unknown site, channel or content: 400 with SSCMS's own message, not 404.</summary>
    public static IResult NotFound() =>
        TypedResults.Json(new { message = "未找到资源!" }, SandboxJson.Options, JsonContentType, StatusCodes.Status400BadRequest);

    public static IResult Unauthorized(HttpContext context) => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Unauthorized",
        type: "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        extensions: TraceId(context));

    public static IResult UnsupportedMediaType(HttpContext context) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported Media Type",
        type: "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        extensions: TraceId(context));

    /// <summary>The automatic 400 of model binding: title "One or more validation errors occurred.".</summary>
    public static IResult Invalid(HttpContext context, IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, extensions: TraceId(context));

    /// <summary>What SSCMS's error handler answers for an exception, e.g. a query naming an unknown column.</summary>
    public static IResult ServerFault(string message, string createdDate) => TypedResults.Json(
        new { message, createdDate }, SandboxJson.Options, JsonContentType, StatusCodes.Status500InternalServerError);

    /// <summary>What SSCMS answers for a path it has no route for (S1: e.g. <c>/api/v1/ping</c>): its 404 page.</summary>
    public static IResult NotFoundPage() => TypedResults.Content(
        """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>404 - 页面未找到</title></head>
        <body><h1>404</h1><p>抱歉，您访问的页面不存在。</p></body></html>
        """,
        "text/html; charset=utf-8",
        System.Text.Encoding.UTF8,
        StatusCodes.Status404NotFound);

    public static IResult Content(BureauContent content) => TypedResults.Json(content, SandboxJson.Options, JsonContentType);

    /// <summary>Reads a JSON request body as [FromBody] model binding would; a problem result when it cannot.</summary>
    public static async Task<(JsonElement Body, IResult? Problem)> ReadJsonAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            return (default, UnsupportedMediaType(context));
        }

        if (context.Request.ContentLength == 0)
        {
            return (default, Invalid(context, new Dictionary<string, string[]> { [string.Empty] = ["A non-empty request body is required."] }));
        }

        try
        {
            // Not cancelled when the caller goes away: like a real server, the emulator finishes a request it has received.
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, CancellationToken.None);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException exception)
        {
            return (default, Invalid(context, new Dictionary<string, string[]> { ["$"] = [exception.Message] }));
        }
    }

    private static Dictionary<string, object?> TraceId(HttpContext context) =>
        new() { ["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier };
}
