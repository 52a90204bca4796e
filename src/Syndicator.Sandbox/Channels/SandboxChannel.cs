using Microsoft.AspNetCore.Http;
using Syndicator.Sandbox.Faults;

namespace Syndicator.Sandbox.Channels;

/// <summary>An emulator together with the faults scheduled for it.</summary>
internal sealed class SandboxChannel(IPlatformEmulator emulator)
{
    public string Name => emulator.Channel;

    public PathString Prefix { get; } = new("/" + emulator.Channel);

    public IPlatformEmulator Emulator => emulator;

    public ChannelStats Stats => emulator.Stats;

    public FaultSchedule Faults { get; } = new();

    public void Reset()
    {
        Faults.Clear();
        emulator.Reset();
        emulator.Stats.Reset();
    }
}
