using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Testing;

namespace Syndicator.Core.Tests.Deliveries;

public sealed class DeliveryStateMachineTests
{
    private static readonly DateTimeOffset Now = Some.Instant();

    private static DeliveryStateMachine CreateSut(double random = 0.5, double jitter = 0.2, params TimeSpan[] schedule) =>
        new(new RetryOptions { Schedule = [.. schedule], Jitter = jitter }, () => random);

    private static Delivery InProgress(int attempts = 0) => Some.Delivery(status: DeliveryStatus.InProgress, attempts: attempts);

    [Fact]
    public void Apply_Succeeded_SucceededWithRemoteIdAndUrl()
    {
        var url = new Uri("https://bureau.example/art/42.html");

        var t = CreateSut().Apply(InProgress(attempts: 2), new ChannelOutcome.Succeeded("42", url), Now);

        Assert.Equal(new Transition(DeliveryStatus.Succeeded, 3, null, null, "42", url), t);
    }

    [Fact]
    public void Apply_Pending_AwaitingConfirmationDueAfterCheckAgain()
    {
        var t = CreateSut().Apply(InProgress(), new ChannelOutcome.Pending(TimeSpan.FromMinutes(5), "publish job 7"), Now);

        Assert.Equal(DeliveryStatus.AwaitingConfirmation, t.Status);
        Assert.Equal(1, t.Attempts);
        Assert.Equal(Now.AddMinutes(5), t.NextAttemptAt);
        Assert.Null(t.LastError);
    }

    [Fact]
    public void Apply_FirstTransient_PendingAfterFirstStepWithReason()
    {
        var t = CreateSut().Apply(InProgress(), new ChannelOutcome.Transient("HTTP 503"), Now);

        Assert.Equal(new Transition(DeliveryStatus.Pending, 1, Now.AddSeconds(30), "HTTP 503"), t);
    }

    [Theory]
    [InlineData(1, 120)]
    [InlineData(2, 600)]
    [InlineData(3, 1800)]
    [InlineData(8, 28800)]
    public void Apply_TransientAfterEarlierAttempts_WaitsThatStepOfDefaultSchedule(int attemptsBefore, int seconds)
    {
        var t = CreateSut().Apply(InProgress(attemptsBefore), new ChannelOutcome.Transient("timeout"), Now);

        Assert.Equal(DeliveryStatus.Pending, t.Status);
        Assert.Equal(attemptsBefore + 1, t.Attempts);
        Assert.Equal(Now.AddSeconds(seconds), t.NextAttemptAt);
    }

    [Fact]
    public void Apply_AuthFailed_RetriesOnScheduleNamingAuthentication()
    {
        var t = CreateSut().Apply(InProgress(), new ChannelOutcome.AuthFailed("errcode 40001"), Now);

        Assert.Equal(DeliveryStatus.Pending, t.Status);
        Assert.Equal(1, t.Attempts);
        Assert.Equal(Now.AddSeconds(30), t.NextAttemptAt);
        Assert.Contains("authentication failed", t.LastError, StringComparison.Ordinal);
        Assert.Contains("errcode 40001", t.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_RateLimited_PendingUntilWithoutCountingAttempt()
    {
        var until = Now.AddMinutes(3);

        var t = CreateSut().Apply(InProgress(attempts: 4), new ChannelOutcome.RateLimited(until, "HTTP 429"), Now);

        Assert.Equal(new Transition(DeliveryStatus.Pending, 4, until, "HTTP 429"), t);
    }

    [Fact]
    public void Apply_QuotaExhausted_PendingUntilWithoutCountingAttempt()
    {
        var until = Now.AddHours(15);

        var t = CreateSut().Apply(InProgress(attempts: 1), new ChannelOutcome.QuotaExhausted(until, "errcode 45009"), Now);

        Assert.Equal(new Transition(DeliveryStatus.Pending, 1, until, "errcode 45009"), t);
    }

    [Fact]
    public void Apply_RateLimitedUntilInThePast_DueNow()
    {
        var t = CreateSut().Apply(InProgress(), new ChannelOutcome.RateLimited(Now.AddMinutes(-1), "HTTP 429"), Now);

        Assert.Equal(Now, t.NextAttemptAt);
        Assert.Equal(0, t.Attempts);
    }

    [Fact]
    public void Apply_RateLimitedOnLastStep_DoesNotGiveUp()
    {
        var sut = CreateSut(0.5, 0.2, TimeSpan.FromSeconds(1));

        var t = sut.Apply(InProgress(attempts: 1), new ChannelOutcome.RateLimited(Now.AddSeconds(5), "HTTP 429"), Now);

        Assert.Equal(DeliveryStatus.Pending, t.Status);
        Assert.Equal(1, t.Attempts);
    }

    [Fact]
    public void Apply_Rejected_FailedWithReason()
    {
        var t = CreateSut().Apply(InProgress(), new ChannelOutcome.Rejected("标题过长"), Now);

        Assert.Equal(new Transition(DeliveryStatus.Failed, 1, null, "标题过长"), t);
    }

    [Fact]
    public void Apply_Unconfirmed_UnconfirmedWithReason()
    {
        var t = CreateSut().Apply(InProgress(), new ChannelOutcome.Unconfirmed("create sent, lookup impossible"), Now);

        Assert.Equal(new Transition(DeliveryStatus.Unconfirmed, 1, null, "create sent, lookup impossible"), t);
    }

    [Fact]
    public void Apply_HandedOff_HandoffWithInstructions()
    {
        var t = CreateSut().Apply(InProgress(), new ChannelOutcome.HandedOff("Paste it into the back office."), Now);

        Assert.Equal(new Transition(DeliveryStatus.Handoff, 1, null, "Paste it into the back office."), t);
    }

    [Fact]
    public void Apply_TransientAfterScheduleUsedUp_FailedGaveUp()
    {
        var sut = CreateSut(0.5, 0.2, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));

        var t = sut.Apply(InProgress(attempts: 2), new ChannelOutcome.Transient("HTTP 502"), Now);

        Assert.Equal(DeliveryStatus.Failed, t.Status);
        Assert.Equal(3, t.Attempts);
        Assert.Null(t.NextAttemptAt);
        Assert.Equal("HTTP 502 (gave up after 3 attempts)", t.LastError);
    }

    [Fact]
    public void Apply_TransientAfterOperatorRetryOfUsedUpSchedule_ScheduleStartsAgain()
    {
        var sut = CreateSut(0.5, 0.2, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));

        var t = sut.Apply(InProgress(attempts: 2) with { RetryBase = 2 }, new ChannelOutcome.Transient("HTTP 502"), Now);

        Assert.Equal(new Transition(DeliveryStatus.Pending, 3, Now.AddSeconds(10), "HTTP 502"), t);
    }

    [Fact]
    public void Apply_TransientOnLastStep_StillRetries()
    {
        var sut = CreateSut(0.5, 0.2, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));

        var t = sut.Apply(InProgress(attempts: 1), new ChannelOutcome.Transient("HTTP 502"), Now);

        Assert.Equal(new Transition(DeliveryStatus.Pending, 2, Now.AddSeconds(20), "HTTP 502"), t);
    }

    [Fact]
    public void Apply_TransientWithRetryAfter_NextAttemptHonoursIt()
    {
        var t = CreateSut().Apply(InProgress(), new ChannelOutcome.Transient("HTTP 503", TimeSpan.FromSeconds(45)), Now);

        Assert.Equal(Now.AddSeconds(45), t.NextAttemptAt);
    }

    [Fact]
    public void Apply_Throttled429_WaitsAtLeastAMinuteWhateverTheSchedule()
    {
        var sut = CreateSut(0.5, 0.2, TimeSpan.FromSeconds(5));

        var t = sut.Apply(InProgress(), new ChannelOutcome.Transient("HTTP 429", TimeSpan.FromSeconds(8)) { Code = "429" }, Now);

        Assert.Equal(Now.AddSeconds(60), t.NextAttemptAt);
    }

    [Fact]
    public void Apply_TimedOut_WaitsAtLeastAMinute()
    {
        var sut = CreateSut(0.5, 0.2, TimeSpan.FromSeconds(5));

        var t = sut.Apply(InProgress(), new ChannelOutcome.Transient("cut off") { SlowDown = true }, Now);

        Assert.Equal(Now.AddSeconds(60), t.NextAttemptAt);
    }

    [Fact]
    public void Apply_OrdinaryTransient_KeepsTheShortStep()
    {
        var sut = CreateSut(0.5, 0.2, TimeSpan.FromSeconds(5));

        var t = sut.Apply(InProgress(), new ChannelOutcome.Transient("HTTP 503") { Code = "503" }, Now);

        Assert.Equal(Now.AddSeconds(5), t.NextAttemptAt);
    }

    [Theory]
    [InlineData(0.0, 24)]
    [InlineData(0.5, 30)]
    [InlineData(0.75, 33)]
    public void Delay_FixedRandom_SpreadsStepByJitter(double random, double expectedSeconds)
    {
        var delay = CreateSut(random).Delay(1);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999999)]
    public void Delay_AnyRandom_WithinTwentyPercentOfStep(double random)
    {
        var step = TimeSpan.FromMinutes(10);

        var delay = CreateSut(random, 0.2, step).Delay(1)!.Value;

        Assert.InRange(delay, step * 0.8, step * 1.2);
    }

    [Fact]
    public void Delay_NoJitter_ExactStep()
    {
        Assert.Equal(TimeSpan.FromMinutes(2), CreateSut(0.0, 0.0).Delay(2));
    }

    [Theory]
    [InlineData(5, 30)]
    [InlineData(30, 30)]
    [InlineData(42, 42)]
    [InlineData(60, 60)]
    [InlineData(3600, 60)]
    public void Delay_RetryAfter_ClampedToStepAndTwiceStep(int retryAfterSeconds, int expectedSeconds)
    {
        var delay = CreateSut(0.0).Delay(1, TimeSpan.FromSeconds(retryAfterSeconds));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10)]
    public void Delay_RetryOutsideDefaultSchedule_Null(int retry)
    {
        Assert.Null(CreateSut().Delay(retry));
    }

    [Fact]
    public void Constructor_EmptySchedule_UsesDefaultSchedule()
    {
        var sut = CreateSut(0.5, 0.2);

        var delays = Enumerable.Range(1, 10).Select(n => sut.Delay(n)).ToList();

        Assert.Equal([.. RetryOptions.DefaultSchedule.Select(s => (TimeSpan?)s), null], delays);
    }

    [Fact]
    public void Constructor_ConfiguredSchedule_ReplacesDefault()
    {
        var sut = CreateSut(0.5, 0.2, TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), sut.Delay(1));
        Assert.Null(sut.Delay(2));
    }
}
