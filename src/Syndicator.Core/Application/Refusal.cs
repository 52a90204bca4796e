namespace Syndicator.Core.Application;

/// <summary>
/// The kind of a <see cref="Refusal"/>, in terms every front end can translate: the API answers with the kind's value
/// as the problem's status, the console shows the refusal's detail, the CLI prints it.
/// </summary>
public enum RefusalKind
{
    /// <summary>The request is malformed: a field is missing or of the wrong shape.</summary>
    Malformed = 400,

    NotFound = 404,

    /// <summary>The request clashes with what is stored (another revision, the delivery's current state).</summary>
    Conflict = 409,

    /// <summary>Well-formed but not possible as asked: a limit, an unknown channel, a failed content check.</summary>
    Unprocessable = 422,

    /// <summary>The service is too busy to check the request now; the sender may try again shortly.</summary>
    Busy = 503,
}

/// <summary>A refusal with every bad field named (DESIGN §5: the problem's <c>errors</c> object).</summary>
public sealed record Refusal(RefusalKind Kind, string Title, string Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>A refusal about one field.</summary>
    public static Refusal Field(RefusalKind kind, string title, string field, string message) =>
        new(kind, title, message, new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    public static Refusal NotFound(string what, string id) =>
        Field(RefusalKind.NotFound, $"No such {what}.", "id", $"No {what} has the id '{id}'.");
}
