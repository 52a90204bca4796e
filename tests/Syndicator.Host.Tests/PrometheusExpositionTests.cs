using Xunit.Sdk;

namespace Syndicator.Host.Tests;

/// <summary>The strict exposition parser the metrics tests rely on refuses what a scraper would refuse or misread.</summary>
public sealed class PrometheusExpositionTests
{
    private const string Valid = "# HELP a_total A.\n# TYPE a_total counter\na_total{x=\"1\"} 2\n# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_sum 0.5\nh_count 1\n";

    [Fact]
    public void Parse_WellFormed_SamplesWithLabels()
    {
        var exposition = PrometheusExposition.Parse(Valid);

        Assert.Equal(2, exposition.Value("a_total", ("x", "1")));
        Assert.Equal(1, exposition.Value("h_count"));
    }

    [Theory]
    [InlineData("a 1\n")] // a sample of an undeclared family
    [InlineData("# TYPE a gauge\na 1\n")] // TYPE without HELP
    [InlineData("# HELP a A.\na 1\n")] // HELP without TYPE
    [InlineData("# HELP a A.\n# TYPE a gauge\n# HELP b B.\n# TYPE b gauge\nb 1\na 1\n")] // a family split
    [InlineData("# HELP a A.\n# TYPE a gauge\na_sum 1\n")] // a suffix on a gauge
    [InlineData("# HELP a A.\n# TYPE a gauge\na{x=1} 1\n")] // an unquoted label value
    [InlineData("# HELP a A.\n# TYPE a gauge\na one\n")] // not a number
    [InlineData("# HELP a A.\n# TYPE a gauge\n# HELP a A.\n")] // HELP twice
    public void Parse_Malformed_Refused(string text) =>
        Assert.ThrowsAny<XunitException>(() => PrometheusExposition.Parse(text));
}
