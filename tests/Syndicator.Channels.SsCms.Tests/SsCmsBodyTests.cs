using Syndicator.Testing;

namespace Syndicator.Channels.SsCms.Tests;

public sealed class SsCmsBodyTests
{
    [Fact]
    public void Compose_ImageNamedUrlEncoded_Inlined()
    {
        var image = Some.Image("图 1.png");
        var item = Some.Item(bodyHtml: "<p><img src=\"%E5%9B%BE%201.png\"></p>") with { Images = [image] };

        var body = SsCmsBody.Compose(item);

        Assert.Contains($"src=\"{image.ToDataUri()}\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ImageNotInItem_LeftAsIs()
    {
        var item = Some.Item(bodyHtml: "<p><img src=\"missing.png\"></p>") with { Images = [Some.Image("fig1.png")] };

        var body = SsCmsBody.Compose(item);

        Assert.Contains("src=\"missing.png\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("data:", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_AnyItem_EndsWithMarker()
    {
        var item = Some.Item(id: "txsl-2026-0042");

        Assert.EndsWith("<!-- syndicator:item=txsl-2026-0042 -->", SsCmsBody.Compose(item), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!-- syndicator:item=a-1 -->", "a-1", true)]
    [InlineData("<!-- syndicator:item=a-12 -->", "a-1", false)]
    [InlineData("<!-- syndicator:item=a-1.x -->", "a-1", false)]
    [InlineData("<p>a-1</p>", "a-1", false)]
    [InlineData(null, "a-1", false)]
    public void HasMarker_Body_MatchesOnlyThatItem(string? body, string itemId, bool expected) =>
        Assert.Equal(expected, SsCmsBody.HasMarker(body, itemId));
}
