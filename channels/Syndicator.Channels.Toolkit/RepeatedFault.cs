using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;

namespace Syndicator.Channels.Toolkit;

/// <summary>
/// A server error that the platform repeats word for word is its answer, not a passing fault: a value the database
/// refuses (SSCMS's <c>22001 value too long</c>), a template that cannot render. Retrying it for a day helps nobody,
/// so after <see cref="Limit"/> identical tries in a row it goes to an operator as <see cref="ChannelOutcome.Rejected"/>.
/// </summary>
public static class RepeatedFault
{
    /// <summary>Identical answers in a row (this try included) after which a transient fault is taken as permanent. 3.</summary>
    public const int Limit = 3;

    /// <summary>
    /// <paramref name="transient"/> as it is, or as a rejection when the delivery's last error already carried the same
    /// reason and it has been tried at least <see cref="Limit"/> − 1 times since an operator last retried it.
    /// </summary>
    public static ChannelOutcome Judge(Delivery delivery, ChannelOutcome.Transient transient)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(transient);
        var triesSinceRetry = delivery.Attempts - delivery.RetryBase;
        if (triesSinceRetry < Limit - 1 || !string.Equals(delivery.LastError, transient.Reason, StringComparison.Ordinal))
        {
            return transient;
        }

        return new ChannelOutcome.Rejected($"the platform gave the same answer {Limit} times in a row, so it is not a passing fault: {transient.Reason}")
        {
            Code = transient.Code,
        };
    }
}
