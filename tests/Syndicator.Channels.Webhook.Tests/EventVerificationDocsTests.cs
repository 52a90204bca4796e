using Microsoft.Extensions.Time.Testing;
using OfficeSystem.Events;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.Webhook.Tests;

/// <summary>
/// The receiver-side verification docs/events.md gives, in C# and in Java, run on an event the service itself signed
/// and sent: both take it, and both refuse a wrong secret, a changed body and a stale timestamp.
/// </summary>
public sealed class EventVerificationDocsTests(JavaVerifier java) : IClassFixture<JavaVerifier>
{
    public enum Tampering
    {
        WrongSecret,
        ChangedBody,
        StaleTimestamp,
    }

    [Fact]
    public async Task CSharp_EventTheServiceSigned_IsVerified()
    {
        var sent = await SignedEvent.SendAsync(TimeProvider.System);

        Assert.IsType<ChannelOutcome.Succeeded>(sent.Outcome);
        Assert.Null(SyndicatorEventVerifier.Problem(SignedEvent.Secret, sent.Id, sent.Timestamp, sent.Signature, sent.Body, DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData(Tampering.WrongSecret, "no signature matches")]
    [InlineData(Tampering.ChangedBody, "no signature matches")]
    [InlineData(Tampering.StaleTimestamp, "more than 5 minutes")]
    public async Task CSharp_TamperedEvent_IsRefused(Tampering tampering, string why)
    {
        var (secret, sent, body) = await TamperedAsync(tampering);

        var problem = SyndicatorEventVerifier.Problem(secret, sent.Id, sent.Timestamp, sent.Signature, body, DateTimeOffset.UtcNow);

        Assert.NotNull(problem);
        Assert.Contains(why, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Java_EventTheServiceSigned_IsVerified()
    {
        var sent = await SignedEvent.SendAsync(TimeProvider.System);

        var (exit, output) = await java.VerifyAsync(SignedEvent.Secret, sent.Id, sent.Timestamp, sent.Signature, sent.Body);

        Assert.Equal("verified", output);
        Assert.Equal(0, exit);
    }

    [Theory]
    [InlineData(Tampering.WrongSecret, "no signature matches")]
    [InlineData(Tampering.ChangedBody, "no signature matches")]
    [InlineData(Tampering.StaleTimestamp, "more than 5 minutes")]
    public async Task Java_TamperedEvent_IsRefused(Tampering tampering, string why)
    {
        var (secret, sent, body) = await TamperedAsync(tampering);

        var (exit, output) = await java.VerifyAsync(secret, sent.Id, sent.Timestamp, sent.Signature, body);

        Assert.StartsWith("refused: ", output, StringComparison.Ordinal);
        Assert.Contains(why, output, StringComparison.Ordinal);
        Assert.Equal(1, exit);
    }

    [Fact]
    public void Docs_ShowTheTestedCode_Verbatim()
    {
        var page = Normalize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DocsEvents", "events.md")));

        Assert.Contains(Normalize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DocsEvents", "VerifyEvent.java"))), page, StringComparison.Ordinal);
        Assert.Contains(Normalize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DocsEvents", "SyndicatorEventVerifier.cs"))), page, StringComparison.Ordinal);
    }

    /// <summary>A genuine event with one thing wrong, as a receiver would get it: the secret it checks with, the event, the body.</summary>
    private static async Task<(string Secret, SignedEvent Sent, byte[] Body)> TamperedAsync(Tampering tampering)
    {
        // Signed ten minutes ago: what a replay of a captured request, or a sender with a wrong clock, looks like.
        var sent = await SignedEvent.SendAsync(tampering == Tampering.StaleTimestamp
            ? new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-10))
            : TimeProvider.System);
        Assert.IsType<ChannelOutcome.Succeeded>(sent.Outcome);
        return tampering switch
        {
            Tampering.WrongSecret => (SignedEvent.OtherSecret, sent, sent.Body),
            Tampering.ChangedBody => (SignedEvent.Secret, sent, sent.ChangedBody()),
            _ => (SignedEvent.Secret, sent, sent.Body),
        };
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
