using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Testing;
using Syndicator.Testing.Conformance;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.WeChat.Tests;

/// <summary>
/// The daily mass-send digest against the emulator: the fixture's clock stands at 18:00 Beijing time, the digest is
/// sent at 20:00. Items are published for real first, so the digest reuses their uploaded covers.
/// </summary>
public sealed class WeChatDigestTests : WeChatFixture
{
    private WeChatSut _sut = null!;

    private DateTimeOffset SendAt => new(2026, 3, 2, 20, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Job_Enabled_FiresDailyAtTheConfiguredBeijingTime()
    {
        var settings = DigestSettings();
        settings["MassSend:SendAt"] = "19:30:00";
        var sut = CreateSut(settings);

        var job = Assert.Single(sut.Factory.Jobs(sut.Definition));

        Assert.Equal("0 30 19 * * ?", job.CronExpression);
        Assert.Equal(TimeSpan.FromHours(8), job.TimeZone.BaseUtcOffset);
        Assert.Equal("wechat.mass-send-digest", job.Key);
    }

    [Fact]
    public void Jobs_NotEnabled_None()
    {
        Assert.Empty(Sut.Factory.Jobs(Sut.Definition));
    }

    [Fact]
    public async Task Run_TenItemsLiveToday_OneSendOfTheEightOldest()
    {
        var items = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            items.Add(await PublishedAsync(TimeSpan.FromMinutes(10 * i)));
        }

        var result = await RunAsync();

        var send = Assert.Single(await MassSendsAsync());
        Assert.Equal(8, send.Metadata["article_count"]!.GetValue<int>());
        Assert.Null(result.RetryAfter);
        Assert.Contains("群发已提交", result.Summary, StringComparison.Ordinal);
        Assert.All(items.Take(8), id => Assert.Contains(id, result.Summary, StringComparison.Ordinal));
        Assert.Contains($"{items[9]}: over the limit of 8", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Twice_SendsOnce()
    {
        await PublishedAsync(TimeSpan.Zero);
        await PublishedAsync(TimeSpan.FromMinutes(5));

        await RunAsync();
        var again = await RunAsync();

        Assert.Single(await MassSendsAsync());
        Assert.Contains("已发送 already sent", again.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SendAnswerLost_RetryIsAnswered45065AndCountsAsTheOneSend()
    {
        await PublishedAsync(TimeSpan.Zero);
        await FaultAsync(SandboxFault.CommitThenDropConnection() with { Path = "/cgi-bin/message/mass/sendall" });

        var lost = await RunAsync();
        Time.Advance(lost.RetryAfter ?? TimeSpan.Zero);
        var retried = await RunAsync(attempt: 2);

        Assert.NotNull(lost.RetryAfter);
        Assert.Contains("45065", retried.Summary, StringComparison.Ordinal);
        Assert.Single(await MassSendsAsync());
    }

    [Fact]
    public async Task Run_NoMassSendQuota_DefersAndTheNextDayCarriesTheItems()
    {
        var first = await PublishedAsync(TimeSpan.Zero);
        await WeChatSut.SetEmulatorAsync(Sandbox, new { massSendDailyLimit = 0 }, Timeout);

        var deferred = await RunAsync();
        await WeChatSut.SetEmulatorAsync(Sandbox, new { massSendDailyLimit = 1 }, Timeout);
        Time.Advance(TimeSpan.FromDays(1));
        var second = await PublishedAsync(TimeSpan.Zero);
        var sent = await RunAsync(SendAt.AddDays(1));

        Assert.Contains("45028", deferred.Summary, StringComparison.Ordinal);
        Assert.Null(deferred.RetryAfter);
        var send = Assert.Single(await MassSendsAsync());
        Assert.Equal(2, send.Metadata["article_count"]!.GetValue<int>());
        Assert.Contains(first, sent.Summary, StringComparison.Ordinal);
        Assert.Contains(second, sent.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NextDay_OnlyItemsSinceTheLastDigest()
    {
        var yesterday = await PublishedAsync(TimeSpan.Zero);
        await RunAsync();
        Time.Advance(TimeSpan.FromDays(1));
        var today = await PublishedAsync(TimeSpan.Zero);

        var result = await RunAsync(SendAt.AddDays(1));

        Assert.Equal(2, (await MassSendsAsync()).Count);
        Assert.Contains(today, result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(yesterday, result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ItemNotLiveOrWithdrawn_LeftOut()
    {
        var live = await PublishedAsync(TimeSpan.Zero);
        var waiting = Some.Item(channels: [WeChatSut.Channel], acceptedAt: Time.GetUtcNow());
        _sut.Items.Add(waiting, Some.Delivery(waiting, WeChatSut.Channel, status: DeliveryStatus.Pending));
        var withdrawn = Some.Item(channels: [WeChatSut.Channel], acceptedAt: Time.GetUtcNow());
        _sut.Items.Add(withdrawn,
            Some.Delivery(withdrawn, WeChatSut.Channel, status: DeliveryStatus.Succeeded),
            Some.Delivery(withdrawn, WeChatSut.Channel, DeliveryOperation.Withdraw, DeliveryStatus.Succeeded));

        var result = await RunAsync();

        Assert.Equal(1, Assert.Single(await MassSendsAsync()).Metadata["article_count"]!.GetValue<int>());
        Assert.Contains($"{waiting.Id}: not live", result.Summary, StringComparison.Ordinal);
        Assert.Contains($"{withdrawn.Id}: not live", result.Summary, StringComparison.Ordinal);
        Assert.Contains(live, result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NothingPublished_NoSend()
    {
        _sut = CreateSut(DigestSettings());

        var result = await RunAsync();

        Assert.Empty(await MassSendsAsync());
        Assert.Contains("今日无可群发的信息", result.Summary, StringComparison.Ordinal);
    }

    /// <summary>W8: with API 群发保护 a send waits for an administrator; unconfirmed in 30 minutes it fails and is not "sent".</summary>
    [Fact]
    public async Task Run_ProtectionNeverConfirmed_NotCalledSentAndTheNextDigestCarriesTheItems()
    {
        var first = await PublishedAsync(TimeSpan.Zero);
        await WeChatSut.SetEmulatorAsync(Sandbox, new { massSendProtection = true }, Timeout);

        var waiting = await RunAsync();
        Time.Advance(TimeSpan.FromMinutes(31));
        var failed = await RunAsync(attempt: 2);
        await WeChatSut.SetEmulatorAsync(Sandbox, new { massSendProtection = false }, Timeout);
        Time.Advance(TimeSpan.FromDays(1));
        var next = await RunAsync(SendAt.AddDays(1));

        Assert.Contains("SENDING", waiting.Summary, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(5), waiting.RetryAfter);
        Assert.Contains("SEND_FAIL", failed.Summary, StringComparison.Ordinal);
        Assert.Null(failed.RetryAfter);
        Assert.Contains("SEND_SUCCESS", next.Summary, StringComparison.Ordinal);
        Assert.Contains(first, next.Summary, StringComparison.Ordinal);
        Assert.Single(await MassSendsAsync());
    }

    [Fact]
    public async Task Run_ProtectionConfirmedByTheAdministrator_SentOnlyOnceConfirmed()
    {
        await PublishedAsync(TimeSpan.Zero);
        await WeChatSut.SetEmulatorAsync(Sandbox, new { massSendProtection = true, massSendConfirmAfterSeconds = 120 }, Timeout);

        var waiting = await RunAsync();
        Time.Advance(waiting.RetryAfter!.Value);
        var sent = await RunAsync(attempt: 2);

        Assert.DoesNotContain("SEND_SUCCESS", waiting.Summary, StringComparison.Ordinal);
        Assert.Contains("群发成功 digest sent (SEND_SUCCESS)", sent.Summary, StringComparison.Ordinal);
        Assert.Single(await MassSendsAsync());
    }

    [Theory]
    [InlineData("MassSend:MaxArticles", "9", "Channels:wechat:MassSend:MaxArticles must be a whole number from 1 to 8")]
    [InlineData("MassSend:SendAt", "25:00:00", "Channels:wechat:MassSend:SendAt must be a time of day")]
    [InlineData("MassSend:TagId", "-3", "Channels:wechat:MassSend:TagId must be a positive tag id")]
    public void Validate_BadMassSendSetting_NamesTheKey(string key, string value, string message)
    {
        var settings = DigestSettings();
        settings[key] = value;
        var sut = CreateSut(settings);

        Assert.Contains(sut.Factory.Validate(sut.Definition), p => p.StartsWith(message, StringComparison.Ordinal));
    }

    /// <summary>Publishes a new item accepted <paramref name="after"/> the start of the fake clock's Beijing day, for real.</summary>
    private async Task<string> PublishedAsync(TimeSpan after)
    {
        _sut ??= CreateSut(DigestSettings());
        var day = Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date;
        var item = Some.Item(channels: [WeChatSut.Channel], acceptedAt: new DateTimeOffset(day, TimeSpan.FromHours(8)) + TimeSpan.FromHours(9) + after);
        var delivery = new InMemoryDelivery(item, WeChatSut.Channel);
        Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(delivery, _sut.Connector));
        _sut.Items.Add(item, delivery.Delivery with { Status = DeliveryStatus.Succeeded });
        return item.Id;
    }

    private Task<ChannelJobResult> RunAsync(DateTimeOffset? scheduledFor = null, int attempt = 1)
    {
        _sut ??= CreateSut(DigestSettings());
        var job = Assert.Single(_sut.Factory.Jobs(_sut.Definition));
        return job.RunAsync(new ChannelJobRun(scheduledFor ?? SendAt, attempt), Timeout);
    }

    private async Task<IReadOnlyList<SandboxArticle>> MassSendsAsync() =>
        [.. (await ArticlesAsync()).Where(a => a.Metadata["msg_id"] is not null)];

    private Dictionary<string, string?> DigestSettings()
    {
        var settings = WeChatSut.SandboxSettings(Sandbox);
        settings["MassSend:Enabled"] = "true";
        return settings;
    }
}
