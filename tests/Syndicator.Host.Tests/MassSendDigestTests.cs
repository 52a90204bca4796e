using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;

namespace Syndicator.Host.Tests;

/// <summary>The WeChat mass-send digest as the service runs it: Quartz fires it at the configured Beijing time.</summary>
public sealed class MassSendDigestTests
{
    [Fact]
    public async Task Serve_MassSendEnabled_ItemsOfTheDayGoOutInOneSendAtTheConfiguredTime()
    {
        // Far enough ahead for two items to go live first; the cron fires on whole seconds.
        var sendAt = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddSeconds(15).TimeOfDay;
        await using var service = await ServiceHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Channels:wechat:MassSend:Enabled"] = "true",
            ["Channels:wechat:MassSend:SendAt"] = sendAt.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
        });
        string[] ids = [ItemJson.NewId(), ItemJson.NewId()];
        foreach (var id in ids)
        {
            (await service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, channels: ["wechat"]))).Dispose();
        }

        foreach (var id in ids)
        {
            await service.WaitForItemAsync(id, i => i.GetProperty("status").GetString() == "delivered");
        }

        var ran = await WaitForJobAsync(service);

        var send = Assert.Single(await service.Sandbox.Control.GetArticlesAsync("wechat", CancellationToken.None), a => a.Metadata["msg_id"] is not null);
        Assert.Equal(2, send.Metadata["article_count"]!.GetValue<int>());
        Assert.Equal("wechat", ran.Channel);
        Assert.All(ids, id => Assert.Contains(id, ran.Detail, StringComparison.Ordinal));
    }

    /// <summary>Waits for the job's audit entry, written once its run is over.</summary>
    private static async Task<Syndicator.Core.Deliveries.AuditEntry> WaitForJobAsync(ServiceHarness service)
    {
        var audit = service.App.Services.GetRequiredService<IAuditLog>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(45);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if ((await audit.ListAsync(null, 50, CancellationToken.None)).FirstOrDefault(a => a.Action == "channel.job") is { } ran)
            {
                return ran;
            }

            await Task.Delay(200);
        }

        Assert.Fail("The digest job never ran before the deadline.");
        return null!;
    }
}
