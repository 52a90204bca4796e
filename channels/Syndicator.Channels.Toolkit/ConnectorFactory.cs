using Syndicator.Core.Channels;

namespace Syndicator.Channels.Toolkit;

/// <summary>
/// The skeleton of every connector factory: <see cref="Validate"/> checks the raw settings (each message naming its
/// key), and <see cref="Create"/> refuses settings that did not pass — start-up validation stops the service before
/// that, so reaching it is a composition bug — then hands the bound options to <see cref="CreateConnector"/>.
/// </summary>
/// <typeparam name="TOptions">The connector's options class, bound from the channel's section.</typeparam>
public abstract class ConnectorFactory<TOptions> : IChannelConnectorFactory
    where TOptions : class, new()
{
    /// <summary>Options bound per channel definition; a definition that is gone takes its entry with it.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ChannelDefinition, TOptions> Bound = new();

    public abstract string Connector { get; }

    public IEnumerable<string> Validate(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return Check(new SettingsChecks(channel)).OfType<string>().ToList();
    }

    public IChannelConnector Create(ChannelDefinition channel)
    {
        var problems = Validate(channel).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        return CreateConnector(channel, Bind(channel));
    }

    public virtual IEnumerable<KeyValuePair<string, string>> CheckItem(ChannelDefinition channel, Core.Items.ItemRevision item) => [];

    public virtual IEnumerable<ChannelJob> Jobs(ChannelDefinition channel) => [];

    /// <summary>
    /// The channel's options, bound from its section (defaults where a key is absent) once per channel definition and
    /// kept: <see cref="CheckItem"/> runs for every item at intake, and binding is reflection. Callers must not change
    /// the instance.
    /// </summary>
    protected static TOptions Bind(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return Bound.GetValue(channel, static c =>
        {
            var options = new TOptions();
            Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(c.Settings, options);
            return options;
        });
    }

    /// <summary>Every problem with the channel's settings (null entries are fine settings).</summary>
    protected abstract IEnumerable<string?> Check(SettingsChecks settings);

    /// <summary>Creates the connector from settings that passed <see cref="Check"/>.</summary>
    protected abstract IChannelConnector CreateConnector(ChannelDefinition channel, TOptions options);
}
