using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Syndicator.Testing;
using Xunit.Abstractions;

namespace Syndicator.Reliability.Tests.Hostile;

/// <summary>
/// Attachments built to exhaust the reader, against a real <c>serve</c> process with the checks at their defaults
/// (Block): a 1 MB PDF whose content stream inflates to 1 GB and a DOCX of four million paragraphs are each answered
/// within 5 seconds with a 422 naming the attachment and the bound, and the process's resident memory grows by less
/// than 100 MB. Before the bounds, the PDF was accepted after taking the process from 0.2 to 2.7 GB and the DOCX took
/// 30 s and 1.5 GB.
/// </summary>
public sealed class AttachmentTests(ITestOutputHelper output)
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const long MaxGrowth = 100L * 1024 * 1024;
    private static readonly TimeSpan MaxAnswer = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task InflatingPdfAndMillionParagraphDocx_Refused422NamingTheAttachmentQuicklyWithoutGrowing()
    {
        await using var run = await ServiceRun.StartAsync();
        await run.AddNodeAsync();
        var pid = run.Node(0).Id;

        // Warm the path (intake, the PDF and DOCX readers) with ordinary attachments so that what is measured is the file.
        await SubmitAsync(run, "ordinary.pdf", "application/pdf", TestDocuments.Pdf(["Notice"]), HttpStatusCode.Accepted);
        await SubmitAsync(run, "ordinary.docx", Docx, TestDocuments.Docx("通知"), HttpStatusCode.Accepted);

        var pdf = HostileDocuments.InflatingPdf(1024L * 1024 * 1024);
        var docx = HostileDocuments.ParagraphDocx(4_000_000);
        output.WriteLine($"PDF {pdf.Length:N0} bytes (inflates to 1 GiB), DOCX {docx.Length:N0} bytes (4,000,000 paragraphs)");

        foreach (var (name, type, content, setting) in new[]
        {
            ("bomb.pdf", "application/pdf", pdf, "Compliance:Attachments:MaxDecodedBytes"),
            ("paragraphs.docx", Docx, docx, "Compliance:Attachments:MaxCompressionRatio"),
        })
        {
            var before = ResidentBytes(pid);
            var clock = Stopwatch.StartNew();
            var problem = await SubmitAsync(run, name, type, content, HttpStatusCode.UnprocessableEntity);
            var took = clock.Elapsed;
            var growth = ResidentBytes(pid) - before;
            output.WriteLine($"{name}: answered in {took.TotalMilliseconds:N0} ms, resident memory grew {growth / 1024.0 / 1024:N1} MB");

            var message = problem.GetProperty("errors").GetProperty("attachments[0]")[0].GetString()!;
            Assert.Contains(setting, message, StringComparison.Ordinal);
            Assert.Contains(name, message, StringComparison.Ordinal);
            Assert.True(took < MaxAnswer, $"{name} answered in {took}");
            Assert.True(growth < MaxGrowth, $"{name} grew the process by {growth:N0} bytes");
        }

        Assert.Equal(2, await run.CountAsync("SELECT count(*) FROM items"));
    }

    [Fact]
    public async Task UnsafeFilesAndNames_Refused422NamingTheFieldAndNothingStored()
    {
        await using var run = await ServiceRun.StartAsync();
        await run.AddNodeAsync();
        var text = "plain words"u8.ToArray();
        var cases = new (string Kind, string Name, string Type, byte[] Content, string Field, string Says)[]
        {
            ("attachments", "shell.jsp", "text/plain", "<% out.println(1); %>"u8.ToArray(), "attachments[0].name", "expected .txt"),
            ("images", "x.html", "image/png", "<html><script>alert(1)</script></html>"u8.ToArray(), "images[0].contentBase64", "not a PNG image"),
            ("attachments", "通知\r\n.txt", "text/plain", text, "attachments[0].name", "U+000D"),
            ("attachments", new string('a', 1_000_000) + ".txt", "text/plain", text, "attachments[0].name", "over the limit of 100"),
            ("attachments", "../../etc/passwd.txt", "text/plain", text, "attachments[0].name", "path"),
            ("attachments", "CON.txt", "text/plain", text, "attachments[0].name", "reserved device name"),
        };

        foreach (var (kind, name, type, content, field, says) in cases)
        {
            var item = ItemJson.Make(ItemJson.NewId("hostile-"));
            item[kind] = new JsonArray(new JsonObject { ["name"] = name, ["mediaType"] = type, ["contentBase64"] = Convert.ToBase64String(content) });
            var clock = Stopwatch.StartNew();
            using var response = await run.Api.PostAsJsonAsync("api/items", item);
            var body = await response.Content.ReadAsStringAsync();
            var shown = name.Length > 40 ? name[..40] + "…" : name;

            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{shown}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}");
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out var messages), $"{shown}: {body[..Math.Min(body.Length, 500)]}");
            Assert.Contains(says, messages[0].GetString(), StringComparison.Ordinal);
            Assert.True(body.Length < 4000, $"{shown}: the answer is {body.Length} characters");
            Assert.True(clock.Elapsed < MaxAnswer, $"{shown}: answered in {clock.Elapsed}");
        }

        Assert.Equal(0, await run.CountAsync("SELECT count(*) FROM items"));
    }

    private static async Task<JsonElement> SubmitAsync(ServiceRun run, string name, string type, byte[] content, HttpStatusCode expected)
    {
        var item = ItemJson.Make(ItemJson.NewId("hostile-"));
        item["attachments"] = new JsonArray(new JsonObject
        {
            ["name"] = name, ["mediaType"] = type, ["contentBase64"] = Convert.ToBase64String(content),
        });
        using var response = await run.Api.PostAsJsonAsync("api/items", item);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{name}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>VmRSS of the process, from /proc.</summary>
    private static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
