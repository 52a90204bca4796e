using Microsoft.Extensions.Time.Testing;
using Syndicator.Core.Channels;
using Syndicator.Core.Dispatch;
using Syndicator.Testing;

namespace Syndicator.Core.Tests.Dispatch;

/// <summary>A channel's circuit and rate limit, on a fake clock.</summary>
public sealed class ChannelGateTests
{
    private static readonly TimeSpan Break = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new(Some.Instant());

    [Fact]
    public void Circuit_FailuresInARow_OpensAndAdmitsNothing()
    {
        var circuit = CreateCircuit();

        Fail(circuit, 3);

        Assert.Equal(CircuitState.Open, circuit.State);
        Assert.Equal(0, circuit.Admit(4));
        Assert.Equal(_time.GetUtcNow() + Break, circuit.OpenUntil);
    }

    [Fact]
    public void Circuit_ASuccessBetweenFailures_StaysClosed()
    {
        var circuit = CreateCircuit();

        Fail(circuit, 2);
        circuit.Record(new ChannelOutcome.Succeeded("1", null));
        Fail(circuit, 2);

        Assert.Equal(CircuitState.Closed, circuit.State);
        Assert.Equal(4, circuit.Admit(4));
    }

    [Fact]
    public void Circuit_ItemProblemsAndPacing_DoNotCount()
    {
        var circuit = CreateCircuit();

        for (var i = 0; i < 5; i++)
        {
            circuit.Record(new ChannelOutcome.Rejected("标题过长"));
            circuit.Record(new ChannelOutcome.QuotaExhausted(_time.GetUtcNow(), "45009"));
        }

        Assert.Equal(CircuitState.Closed, circuit.State);
    }

    [Fact]
    public void Circuit_BreakOver_OneProbeWhoseSuccessCloses()
    {
        var circuit = CreateCircuit();
        Fail(circuit, 3);
        _time.Advance(Break);

        var probe = circuit.Admit(4);
        var second = circuit.Admit(4);
        circuit.Record(new ChannelOutcome.Succeeded("1", null));

        Assert.Equal((1, 0), (probe, second));
        Assert.Equal(CircuitState.Closed, circuit.State);
        Assert.Equal(4, circuit.Admit(4));
    }

    [Fact]
    public void Circuit_ProbeFails_OpenAgainForAnotherBreak()
    {
        var circuit = CreateCircuit();
        Fail(circuit, 3);
        _time.Advance(Break);

        circuit.Admit(1);
        Fail(circuit, 1);

        Assert.Equal(CircuitState.Open, circuit.State);
        Assert.Equal(_time.GetUtcNow() + Break, circuit.OpenUntil);
    }

    [Fact]
    public void Circuit_ProbeAdmittedButNothingDue_GivenBack()
    {
        var circuit = CreateCircuit();
        Fail(circuit, 3);
        _time.Advance(Break);

        circuit.Unused(circuit.Admit(1), claimed: 0);

        Assert.Equal(1, circuit.Admit(1));
    }

    [Fact]
    public void Circuit_ProbeNeverReports_AnotherAfterABreak()
    {
        var circuit = CreateCircuit();
        Fail(circuit, 3);
        _time.Advance(Break);
        circuit.Admit(1);

        _time.Advance(Break + TimeSpan.FromSeconds(1));

        Assert.Equal(1, circuit.Admit(1));
    }

    [Fact]
    public void Rate_LimitReached_NoneUntilTheOldestLeavesTheMinute()
    {
        var rate = new ChannelRate(3, _time);
        var first = _time.GetUtcNow();

        rate.Started(rate.Admit(2));
        _time.Advance(TimeSpan.FromSeconds(30));
        rate.Started(rate.Admit(5));

        Assert.Equal(0, rate.Admit(1));
        Assert.Equal(first + TimeSpan.FromMinutes(1), rate.NextSlot);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, rate.Admit(5));
    }

    [Fact]
    public void Rate_NoLimit_AdmitsAll()
    {
        var rate = new ChannelRate(0, _time);

        rate.Started(1000);

        Assert.Equal(50, rate.Admit(50));
        Assert.Null(rate.NextSlot);
    }

    private ChannelCircuit CreateCircuit() => new(3, Break, _time);

    private static void Fail(ChannelCircuit circuit, int times)
    {
        for (var i = 0; i < times; i++)
        {
            circuit.Record(new ChannelOutcome.Transient("503"));
        }
    }
}
