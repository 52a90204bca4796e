using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Syndicator.Sandbox.Approval;

/// <summary>
/// One <c>center.do</c> call as received: service and method from the <c>post-data</c> envelope (the method's
/// <c>type</c> attribute and text) or the query string, parameters from both, names matched in any case (reference
/// §1.2). The body is sniffed for <c>&lt;post-data</c>, whatever its Content-Type says.
/// </summary>
internal sealed class PostData
{
    private PostData(string? service, string? method, Dictionary<string, string> parameters)
    {
        Service = service;
        Method = method;
        Parameters = parameters;
    }

    public string? Service { get; }

    public string? Method { get; }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    public string? this[string name] => Parameters.GetValueOrDefault(name);

    /// <summary>Reads the call; a body that is not a readable envelope answers its problem instead.</summary>
    public static async Task<(PostData? Call, string? Problem)> ReadAsync(HttpRequest request)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Query)
        {
            if (!Is(name, "serviceid") && !Is(name, "methodname"))
            {
                parameters[name] = value.ToString();
            }
        }

        string? service = request.Query["serviceid"];
        string? method = request.Query["methodname"];
        using var reader = new StreamReader(request.Body);
        var body = (await reader.ReadToEndAsync(request.HttpContext.RequestAborted)).Trim();
        if (body.Length == 0)
        {
            return (new PostData(service, method, parameters), null);
        }

        if (!body.Contains("<post-data", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "the body is not a <post-data> envelope");
        }

        try
        {
            var root = XElement.Parse(body);
            var call = root.Elements().FirstOrDefault(e => Is(e.Name.LocalName, "method"));
            service = call?.Value.Trim() is { Length: > 0 } s ? s : service;
            method = call?.Attribute("type")?.Value is { Length: > 0 } m ? m : method;
            foreach (var parameter in root.Elements().Where(e => Is(e.Name.LocalName, "parameters")).SelectMany(p => p.Elements()))
            {
                parameters[parameter.Name.LocalName] = parameter.Value;
            }
        }
        catch (XmlException exception)
        {
            return (null, $"the <post-data> envelope is not well-formed XML: {exception.Message}");
        }

        return (new PostData(service, method, parameters), null);
    }

    private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
}
