using System.Text.Encodings.Web;
using System.Text.Json;

namespace Syndicator.Sandbox;

/// <summary>The one JSON shape of every answer: camelCase, nulls kept, Chinese written as is.</summary>
internal static class SandboxJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        // Operators and tests read the answers; \uXXXX escapes of Chinese text would make them unreadable.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }
}
