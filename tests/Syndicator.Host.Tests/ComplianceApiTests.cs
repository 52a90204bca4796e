using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Syndicator.Host.Hosting;
using Syndicator.Testing;

namespace Syndicator.Host.Tests;

/// <summary>The intake compliance checks through the real API: what the approval system and operators see.</summary>
public sealed class ComplianceApiTests
{
    private const string ValidId = "350102199003071234";
    private const string MaskedId = "35*************234";

    private static JsonObject WithAttachment(JsonObject item, string name, string mediaType, byte[] content)
    {
        item["attachments"] = new JsonArray(new JsonObject
        {
            ["name"] = name,
            ["mediaType"] = mediaType,
            ["contentBase64"] = Convert.ToBase64String(content),
        });
        return item;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.GetProperty("errors");
    }

    private static string Message(JsonElement errors, string field) =>
        Assert.Single(errors.GetProperty(field).EnumerateArray()).GetString()!;

    [Fact]
    public async Task Submit_BodyHoldsAValidId_422NamingBodyAndTheMaskedFormAndNothingStored()
    {
        await using var service = await ServiceHarness.StartAsync();
        var id = ItemJson.NewId();

        var response = await service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, body: $"<p>申请人身份证号：{ValidId}</p>"));

        var errors = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var message = Message(errors, "body");
        Assert.Contains(MaskedId, message, StringComparison.Ordinal);
        Assert.Contains("pii.resident-id", message, StringComparison.Ordinal);
        Assert.DoesNotContain(ValidId, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"api/items/{id}")).StatusCode);
        Assert.Empty(await service.Sandbox.Control.GetArticlesAsync("bureau"));
    }

    [Fact]
    public async Task Submit_PdfAttachmentHoldsAValidId_422NamingTheAttachmentAndPage()
    {
        await using var service = await ServiceHarness.StartAsync();
        var pdf = TestDocuments.Pdf(["Notice of approval results"], ["Applicant list", $"Zhang San {ValidId}"]);

        var response = await service.Client.PostAsJsonAsync("api/items",
            WithAttachment(ItemJson.Make(ItemJson.NewId()), "公示.pdf", "application/pdf", pdf));

        var message = Message(await ProblemAsync(response, HttpStatusCode.UnprocessableEntity), "attachments[0]");
        Assert.Contains($"{MaskedId} in attachments[0], page 2", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_DocxAttachmentHoldsAValidId_422NamingTheAttachmentAndParagraph()
    {
        await using var service = await ServiceHarness.StartAsync();
        var docx = TestDocuments.Docx("取水许可审批结果公示", $"申请人：张三（{ValidId}）");

        var response = await service.Client.PostAsJsonAsync("api/items", WithAttachment(
            ItemJson.Make(ItemJson.NewId()), "公示.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx));

        var message = Message(await ProblemAsync(response, HttpStatusCode.UnprocessableEntity), "attachments[0]");
        Assert.Contains($"{MaskedId} in attachments[0], paragraph 2", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_PersonalDataSetToWarn_202AndTheFindingShownOnTheItem()
    {
        await using var service = await ServiceHarness.StartAsync(new Dictionary<string, string?> { ["Compliance:PersonalData"] = "Warn" });
        var id = ItemJson.NewId();

        var response = await service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, body: $"<p>联系电话 13812341234，身份证 {ValidId}</p>"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var item = await service.GetItemAsync(id);
        var compliance = item.GetProperty("compliance");
        Assert.Equal(1, compliance.GetProperty("revision").GetInt32());
        var findings = compliance.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("field").GetString(), f.GetProperty("rule").GetString(), f.GetProperty("masked").GetString(), f.GetProperty("mode").GetString()))
            .ToList();
        Assert.Equal([("body", "pii.mobile", "138****1234", "warn"), ("body", "pii.resident-id", MaskedId, "warn")], findings.Order());
        Assert.DoesNotContain(ValidId, item.ToString(), StringComparison.Ordinal);
        await service.WaitForItemAsync(id, i => i.GetProperty("status").GetString() == "delivered");
    }

    [Fact]
    public async Task Submit_EighteenDigitsWithAWrongCheckDigit_202AndNothingReported()
    {
        await using var service = await ServiceHarness.StartAsync();
        var id = ItemJson.NewId();

        var response = await service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, body: "<p>档案编号 350102199003071235</p>"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.False((await service.GetItemAsync(id)).TryGetProperty("compliance", out _));
    }

    [Fact]
    public async Task Submit_SecrecyMarking_422NamingTitle()
    {
        await using var service = await ServiceHarness.StartAsync();

        var response = await service.Client.PostAsJsonAsync("api/items", ItemJson.Make(ItemJson.NewId(), title: "机密★10年 关于某工程的报告"));

        Assert.Contains("机密★", Message(await ProblemAsync(response, HttpStatusCode.UnprocessableEntity), "title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_NoConfidentialityReviewerWhenRequired_422NamingTheField()
    {
        await using var service = await ServiceHarness.StartAsync();
        var item = ItemJson.Make(ItemJson.NewId());
        ((JsonObject)item["approval"]!).Remove("confidentialityReviewedBy");

        var response = await service.Client.PostAsJsonAsync("api/items", item);

        var message = Message(await ProblemAsync(response, HttpStatusCode.UnprocessableEntity), "approval.confidentialityReviewedBy");
        Assert.Contains("Compliance:RequireConfidentialityReviewer", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BadComplianceMode_FailsNamingTheKeyAndValue()
    {
        var data = Path.Combine(Path.GetTempPath(), "syndicator-test-" + Guid.NewGuid().ToString("N"));
        await using var app = SyndicatorApp.Create(new ServeSettings
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = data,

            // Every channel's settings complete (nothing listens there): only the compliance setting is wrong.
            Sandbox = new Uri("http://127.0.0.1:9/"),
            Overrides = new Dictionary<string, string?> { ["Compliance:Secrecy"] = "Sometimes", ["Logging:LogLevel:Default"] = "None" },
        });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Compliance:Secrecy 'Sometimes' must be Block, Warn or Off.", failure.Failures);
    }

    [Fact]
    public async Task Start_AttachmentBoundOutOfRange_FailsNamingTheKeyAndValue()
    {
        var data = Path.Combine(Path.GetTempPath(), "syndicator-test-" + Guid.NewGuid().ToString("N"));
        await using var app = SyndicatorApp.Create(new ServeSettings
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = data,
            Sandbox = new Uri("http://127.0.0.1:9/"),
            Overrides = new Dictionary<string, string?>
            {
                ["Compliance:Attachments:MaxPages"] = "0", ["Compliance:Attachments:Deadline"] = "-00:00:01", ["Logging:LogLevel:Default"] = "None",
            },
        });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(failure.Failures, f => f.StartsWith("Compliance:Attachments:MaxPages must be from 1 to", StringComparison.Ordinal) && f.EndsWith("it is 0.", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Compliance:Attachments:Deadline must be from", StringComparison.Ordinal) && f.EndsWith("it is -00:00:01.", StringComparison.Ordinal));
    }
}
