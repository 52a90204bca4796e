using Syndicator.Core.Channels;

namespace Syndicator.Testing.Fakes;

/// <summary>
/// A connector family (default name <c>fake</c>) whose connectors are <see cref="FakeChannel"/>s set per channel id;
/// a channel with none set gets one that always succeeds.
/// </summary>
public sealed class FakeConnectorFactory : IChannelConnectorFactory
{
    private readonly Dictionary<string, FakeChannel> _channels = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];

    public FakeConnectorFactory(string connector = "fake") => Connector = connector;

    public string Connector { get; }

    /// <summary>Uses <paramref name="channel"/> for the channel <paramref name="channelId"/>.</summary>
    public FakeConnectorFactory With(string channelId, FakeChannel channel)
    {
        _channels[channelId] = channel;
        return this;
    }

    /// <summary>Makes <see cref="Validate"/> report <paramref name="problem"/> for every channel.</summary>
    public FakeConnectorFactory Reporting(string problem)
    {
        _problems.Add(problem);
        return this;
    }

    public IEnumerable<string> Validate(ChannelDefinition channel) => _problems;

    public IChannelConnector Create(ChannelDefinition channel) =>
        _channels.TryGetValue(channel.Id, out var fake) ? fake : FakeChannel.Returning();
}
