using Syndicator.Core.Intake;

namespace Syndicator.Core.Tests.Intake;

/// <summary>Every list field bounded, with the field and the setting named.</summary>
public sealed partial class ItemValidatorTests
{
    [Fact]
    public void Validate_TooManyReviewers_422NamingReviewersAndLimit()
    {
        var submission = Valid();
        submission.Approval!.ReviewedBy = [.. Enumerable.Range(0, 21).Select(i => $"审核人{i}")];

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Equal(["21 entries is over the limit of 20 (Intake:MaxReviewers)."], error.Errors["approval.reviewedBy"]);
    }

    [Fact]
    public void Validate_TooManyChannels_422NamingChannelsAndLimitWithoutResolvingEach()
    {
        var submission = Valid();
        submission.Channels = [.. Enumerable.Range(0, 100_000).Select(i => $"c{i}")];

        var (error, took) = Timed(() => Refused(CreateSut().Validate(submission, Now), 422));

        Assert.Equal(["100000 entries is over the limit of 20 (Intake:MaxChannels)."], error.Errors["channels"]);
        Assert.DoesNotContain("channels[0]", error.Errors.Keys);
        Assert.True(took < Quickly, $"took {took}");
    }

    [Fact]
    public void Validate_TooManyOverrides_422NamingOverridesAndLimit()
    {
        var submission = Valid();
        submission.Overrides = Enumerable.Range(0, 21).ToDictionary(i => $"c{i}", _ => (SubmittedOverride?)new SubmittedOverride { Title = "题" });

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Equal(["21 entries is over the limit of 20 (Intake:MaxOverrides)."], error.Errors["overrides"]);
    }

    [Fact]
    public void Validate_OverrideKeyOverFieldLimit_422NamingTheKeyCutShort()
    {
        var submission = Valid();
        var key = new string('k', 100_000);
        submission.Overrides = new() { [key] = new SubmittedOverride { Title = "题" } };

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        var field = Assert.Single(error.Errors.Keys);
        Assert.Equal("overrides." + new string('k', 200) + "…", field);
        Assert.Equal(["100000 characters is over the limit of 200."], error.Errors[field]);
    }

    [Fact]
    public void Validate_ChannelWithControlCharacter_422NamingTheChannel()
    {
        var submission = Valid();
        submission.Channels = ["bureau\u0001"];

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Contains("U+0001", Assert.Single(error.Errors["channels[0]"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ApprovedLongAfterAcceptance_422NamingApprovedAt()
    {
        var submission = Valid();
        submission.Approval!.ApprovedAt = Now.AddDays(2);

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Equal(["approval.approvedAt"], error.Errors.Keys);
    }

    [Fact]
    public void Validate_ApprovedWithinAClocksSkew_Accepted()
    {
        var submission = Valid();
        submission.Approval!.ApprovedAt = Now.AddHours(1);

        Assert.True(CreateSut().Validate(submission, Now).IsValid);
    }
}
