using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Syndicator.Sandbox.Channels;

namespace Syndicator.Sandbox.Control;

/// <summary>
/// Additions to the control API (beside the DESIGN §7 contract): change or delete an article on a platform as if
/// someone did it there, so that tracking after release has something to find.
/// <list type="bullet">
/// <item><c>POST /_sandbox/{channel}/articles/{remoteId}/edit</c> <c>{"title"?, "content"?}</c> → 204; the page and
/// the platform's own read APIs answer the new title and body.</item>
/// <item><c>POST /_sandbox/{channel}/articles/{remoteId}/delete</c> → 204; the page answers 404, WeChat's getarticle
/// answers <c>is_deleted</c> and freepublish/get publish_status 5.</item>
/// </list>
/// 404 problem for an unknown channel or article; 400 validation problem for a bad body.
/// </summary>
internal static class ArticleEdits
{
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Edit(
        string channel, string remoteId, HttpRequest request, SandboxChannels channels)
    {
        if (!channels.TryGet(channel, out var found))
        {
            return ControlApi.UnknownChannel(channel, channels);
        }

        var (title, content, errors) = await ReadAsync(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The edit is not valid.");
        }

        return found.Emulator.EditArticle(remoteId, title, content) ? TypedResults.NoContent() : UnknownArticle(channel, remoteId);
    }

    public static Results<NoContent, ProblemHttpResult> Delete(string channel, string remoteId, SandboxChannels channels) =>
        !channels.TryGet(channel, out var found) ? ControlApi.UnknownChannel(channel, channels)
        : found.Emulator.DeleteArticle(remoteId) ? TypedResults.NoContent()
        : UnknownArticle(channel, remoteId);

    private static async Task<(string? Title, string? Content, Dictionary<string, string[]> Errors)> ReadAsync(HttpRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException exception)
        {
            errors["$"] = [exception.Message];
            return (null, null, errors);
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["The body must be a JSON object: {\"title\"?, \"content\"?}."];
            return (null, null, errors);
        }

        string? title = null, content = null;
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name is not ("title" or "content"))
            {
                errors[property.Name] = ["Unknown field; an edit takes \"title\" and \"content\"."];
            }
            else if (property.Value.ValueKind != JsonValueKind.String)
            {
                errors[property.Name] = ["Must be a string."];
            }
            else if (property.Name == "title")
            {
                title = property.Value.GetString();
            }
            else
            {
                content = property.Value.GetString();
            }
        }

        if (errors.Count == 0 && title is null && content is null)
        {
            errors["$"] = ["Give \"title\", \"content\" or both."];
        }

        return (title, content, errors);
    }

    private static ProblemHttpResult UnknownArticle(string channel, string remoteId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown article.",
        detail: $"The {channel} platform holds no live article '{remoteId}'.");
}
