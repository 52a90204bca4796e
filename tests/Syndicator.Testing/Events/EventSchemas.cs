using System.Text.Json;
using Json.Schema;
using Xunit;

namespace Syndicator.Testing.Events;

/// <summary>
/// docs/events.md's JSON Schemas (docs/events/schemas, copied by the test project to <c>DocsEvents/schemas</c>): the
/// envelope, and each type's data (the three <c>delivery.*</c> types share one).
/// </summary>
public static class EventSchemas
{
    /// <summary>Where the test project copies the schemas.</summary>
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "DocsEvents", "schemas");

    // Each schema has an $id, and the library keeps one schema per $id for the whole process: read each file once.
    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(() => Directory
        .GetFiles(Folder, "*.schema.json")
        .ToDictionary(f => Path.GetFileName(f)[..^".schema.json".Length], f => JsonSchema.FromText(File.ReadAllText(f)), StringComparer.Ordinal));

    /// <summary>The schema of an event type's data: <c>delivery</c> for the <c>delivery.*</c> types, else the type.</summary>
    public static string DataSchema(string type) => type.StartsWith("delivery.", StringComparison.Ordinal) ? "delivery" : type;

    /// <summary>What <paramref name="schema"/> (envelope, delivery, item.live, …) makes of <paramref name="element"/>, formats checked.</summary>
    public static EvaluationResults Evaluate(string schema, JsonElement element) =>
        Schemas.Value[schema].Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

    /// <summary>Fails, with the schema's findings, unless <paramref name="element"/> is valid against <paramref name="schema"/>.</summary>
    public static void AssertValid(string schema, JsonElement element)
    {
        var result = Evaluate(schema, element);
        Assert.True(result.IsValid, $"{schema}: {JsonSerializer.Serialize(result)}\n{element}");
    }

    /// <summary>A whole event as sent (<c>{type, timestamp, data}</c>): the envelope and its type's data.</summary>
    public static void AssertValidEvent(JsonElement payload)
    {
        AssertValid("envelope", payload);
        AssertValid(DataSchema(payload.GetProperty("type").GetString()!), payload.GetProperty("data"));
    }
}
