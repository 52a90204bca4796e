using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Syndicator.Host.Api;

/// <summary>
/// Reads a JSON request body so that every way it can be wrong becomes a problem naming the field: malformed JSON
/// or a wrong type (400, with the JSON path), an empty body (400), a body over the size limit (413).
/// </summary>
internal static class JsonBody
{
    /// <summary>The deepest nesting a request body may have.</summary>
    public const int MaxDepth = 16;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken);
            return value is null
                ? (null, Problems.Field(StatusCodes.Status400BadRequest, "The request body is malformed.", "$", "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            var field = FieldName(ex.Path);

            // The serializer says so only in its message; the depth is ours, so the words the sender reads are ours too.
            var message = ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? $"The JSON nests deeper than {MaxDepth} levels at '{field}'."
                : $"The JSON is malformed at '{field}' (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}): expected a valid value of the right type.";
            return (null, Problems.Field(StatusCodes.Status400BadRequest, "The request body is malformed.", field, message));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<Hosting.ApiOptions>>().Value.MaxRequestBytes;
            return (null, Problems.Field(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", "$",
                $"The body is over the limit of {limit} bytes (Api:MaxRequestBytes)."));
        }
    }

    /// <summary><c>$.images[0].name</c> → <c>images[0].name</c>; the root stays <c>$</c>.</summary>
    private static string FieldName(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
