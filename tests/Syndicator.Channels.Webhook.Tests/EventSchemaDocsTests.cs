using System.Text.Json;
using Syndicator.Core.Events;
using Syndicator.Testing.Events;

namespace Syndicator.Channels.Webhook.Tests;

/// <summary>
/// The JSON Schemas docs/events.md gives (docs/events/schemas) hold for the payloads the service sends: each type's
/// data built from the service's own records and serialized by <see cref="EventDraft.Payload"/>, as the store does.
/// </summary>
public sealed class EventSchemaDocsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 8, 15, 30, 123, TimeSpan.Zero);

    public static TheoryData<string, string> Payloads() => new()
    {
        { "item.accepted", Payload(EventTypes.ItemAccepted, new ItemAcceptedData("txsl-2026-0042", 1, "002571234/2026-00042", "关于做好2026年防汛工作的通知", "政策文件", ["portal", "board"], At)) },
        { "item.accepted", Payload(EventTypes.ItemAccepted, new ItemAcceptedData("txsl-2026-0042", 2, null, "标题", "工作动态", [], At)) },
        { "delivery", Payload(EventTypes.DeliverySucceeded, Delivery("publish", "succeeded", new Uri("https://www.tx.gov.cn/art/2026/12/3/art_42.html"), "42", null)) },
        { "delivery", Payload(EventTypes.DeliverySucceeded, Delivery("withdraw", "succeeded", null, null, null)) },
        { "delivery", Payload(EventTypes.DeliveryFailed, Delivery("update", "failed", null, null, "the platform refused the title (gave up after 10 attempts)")) },
        { "delivery", Payload(EventTypes.DeliveryUnconfirmed, Delivery("publish", "unconfirmed", null, null, "no answer; reconciling found nothing")) },
        { "item.live", Payload(EventTypes.ItemLive, new ItemLiveData("txsl-2026-0042", 1, "002571234/2026-00042", "通知",
            [new LiveChannel("portal", 1, new Uri("https://www.tx.gov.cn/art/42.html"), "42", At), new LiveChannel("board", 1, null, "notice-1", At)], At)) },
        { "item.withdrawn", Payload(EventTypes.ItemWithdrawn, new ItemWithdrawnData("txsl-2026-0042", "内容有误",
            [new GoneChannel("portal", At)],
            [new StillLiveChannel("board", 1, null, "handoff", null), new StillLiveChannel("wechat", 1, new Uri("https://mp.weixin.qq.com/s/x"), "failed", "errcode 48001"),
             new StillLiveChannel("bureau", 1, new Uri("https://slj.tx.gov.cn/2/17.html"), null, null)], At)) },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Schemas_PayloadTheServiceSends_IsValid(string dataSchema, string payload)
    {
        using var document = JsonDocument.Parse(payload);

        EventSchemas.AssertValid("envelope", document.RootElement);
        EventSchemas.AssertValid(dataSchema, document.RootElement.GetProperty("data"));
    }

    [Theory]
    [InlineData("delivery", """{"itemId":"a","revision":1,"deliveryId":"0193a5b2c3d47e8f9a0b1c2d3e4f5a6b","channel":"portal","operation":"publish","status":"failed","url":"https://x.example/1","remoteId":"1","reason":"refused","attempts":1,"at":"2026-12-03T08:15:30.123+00:00"}""")]
    [InlineData("item.live", """{"itemId":"a","revision":1,"indexNumber":null,"title":"t","channels":[{"channel":"portal","revision":1,"remoteId":"1","since":"2026-12-03T08:15:30+00:00"}],"at":"2026-12-03T08:15:30+00:00"}""")]
    [InlineData("envelope", """{"type":"item.created","timestamp":"2026-12-03T08:15:30+00:00","data":{}}""")]
    public void Schemas_PayloadOutsideTheContract_IsRefused(string schema, string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.False(EventSchemas.Evaluate(schema, document.RootElement).IsValid);
    }

    [Fact]
    public void Docs_ShowTheTestedSchemas_Verbatim()
    {
        var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DocsEvents", "events.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(EventSchemas.Folder, "*.json"))
        {
            Assert.Contains(File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Docs_ExamplePayloads_AreValid()
    {
        // Each example is a ```json block of one line: {"type":"…",…}.
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "DocsEvents", "events.md"));
        var examples = lines.Skip(1)
            .Where((l, i) => lines[i] == "```json" && l.StartsWith("{\"type\":\"", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l))
            .ToList();

        Assert.Equal(EventTypes.All.Except([EventTypes.DeliveryUnconfirmed]).Order(StringComparer.Ordinal),
            examples.Select(e => e.RootElement.GetProperty("type").GetString()!).Distinct().Order(StringComparer.Ordinal));
        foreach (var example in examples)
        {
            EventSchemas.AssertValidEvent(example.RootElement);
            example.Dispose();
        }
    }

    private static DeliveryEventData Delivery(string operation, string status, Uri? url, string? remoteId, string? reason) =>
        new("txsl-2026-0042", 1, Guid.CreateVersion7().ToString("N"), "portal", operation, status, url, remoteId, reason, 3, At);

    private static string Payload(string type, object data) =>
        new EventDraft(type, "txsl-2026-0042", 1, null, ["portal"], At, data).Payload();
}
