namespace Syndicator.Host.Api;

/// <summary>RFC 9457 problem details with an <c>errors</c> object naming each bad field (DESIGN §5).</summary>
internal static class Problems
{
    public static IResult Result(int status, string title, string? detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: title,
            type: $"https://httpstatuses.io/{status}",
            extensions: new Dictionary<string, object?> { ["errors"] = errors ?? new Dictionary<string, string[]>() });

    /// <summary>A problem about one field.</summary>
    public static IResult Field(int status, string title, string field, string message) =>
        Result(status, title, message, new Dictionary<string, string[]> { [field] = [message] });

    public static IResult NotFound(string what, string id) =>
        Field(StatusCodes.Status404NotFound, $"No such {what}.", "id", $"No {what} has the id '{id}'.");

    public static Task Write(HttpContext context, int status, string title, string detail, IReadOnlyDictionary<string, string[]> errors) =>
        Result(status, title, detail, errors).ExecuteAsync(context);
}
