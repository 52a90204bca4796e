using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;
using Syndicator.Host.Cli;
using Syndicator.Testing;

namespace Syndicator.Host.Tests;

/// <summary>The service with every sample item published to the sandbox, as the demo does; shared by the tests below.</summary>
public sealed class PublishedSamples : IAsyncLifetime
{
    public ServiceHarness Service { get; private set; } = null!;

    /// <summary>Each sample's id, category and title.</summary>
    public List<(string Id, string Category, string Title)> Samples { get; } = [];

    /// <summary>The current year in China, when the samples were published.</summary>
    public int Year { get; } = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;

    public async Task InitializeAsync()
    {
        Service = await ServiceHarness.StartAsync();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.json").Order(StringComparer.Ordinal))
        {
            var json = await File.ReadAllTextAsync(file);
            var sample = JsonDocument.Parse(json).RootElement;
            Samples.Add((sample.GetProperty("id").GetString()!, sample.GetProperty("category").GetString()!, sample.GetProperty("title").GetString()!));
            using var response = await Service.Client.PostAsync("api/items", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{Path.GetFileName(file)}: {await response.Content.ReadAsStringAsync()}");
        }

        foreach (var (id, _, _) in Samples)
        {
            await Service.WaitForItemAsync(id, i => i.GetProperty("status").GetString() == "delivered", TimeSpan.FromSeconds(60));
        }
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();
}

public sealed class AnnualReportTests(PublishedSamples published) : IClassFixture<PublishedSamples>
{
    private ServiceHarness Service => published.Service;

    [Fact]
    public async Task Annual_AfterTheSamplesArePublished_MatchesWhatTheSandboxPlatformsHold()
    {
        var report = await Service.Client.GetFromJsonAsync<JsonElement>($"api/reports/annual?year={published.Year}");

        // What the platforms hold, live, per channel and category: the item found by the id the platform keeps, else by its title.
        var expected = new List<(string, string, int)>();
        foreach (var channel in new[] { "approval", "bureau", "portal", "wechat" })
        {
            var live = (await Service.Sandbox.Control.GetArticlesAsync(channel)).Where(a => !a.Deleted).ToList();
            var categories = live.Select(a => published.Samples.Single(s => s.Id == a.SourceId || (a.SourceId is null && s.Title == a.Title)).Category).ToList();
            expected.AddRange(published.Samples.Select(s => s.Category).Distinct()
                .Select(category => (channel, category, categories.Count(c => c == category))));
        }

        var actual = report.GetProperty("channels").EnumerateArray()
            .SelectMany(c => c.GetProperty("categories").EnumerateArray()
                .Select(k => (c.GetProperty("channel").GetString()!, k.GetProperty("category").GetString()!, k.GetProperty("count").GetInt32())))
            .ToList();
        Assert.Equal(expected.Order(), actual.Order());
        Assert.Contains(expected, e => e.Item3 > 0);
    }

    [Fact]
    public async Task Annual_Portal_SentenceAsTheBureausReportWritesIt()
    {
        var report = await Service.Client.GetFromJsonAsync<JsonElement>($"api/reports/annual?year={published.Year}");

        var portal = report.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "portal");
        Assert.Equal("桐乡市政府信息公开网", portal.GetProperty("displayName").GetString());
        Assert.Equal(
            "通过市政府信息公开网站发布信息7条，其中：机构概况类1条，政策文件类1条，报告统计1条，工作信息1条，社会管理1条，财政信息1条，人事信息1条。",
            portal.GetProperty("sentence").GetString());
        Assert.Equal(["机构概况", "政策文件", "报告统计", "工作信息", "社会管理", "财政信息", "人事信息"],
            portal.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("category").GetString()));
    }

    [Fact]
    public async Task Annual_AYearWithNothing_ZeroRowsAndTheZeroSentence()
    {
        var report = await Service.Client.GetFromJsonAsync<JsonElement>($"api/reports/annual?year={published.Year - 1}");

        var wechat = report.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "wechat");
        Assert.Equal(7, wechat.GetProperty("categories").GetArrayLength());
        Assert.All(wechat.GetProperty("categories").EnumerateArray(), c => Assert.Equal(0, c.GetProperty("count").GetInt32()));
        Assert.Equal("通过“桐乡水利”微信公众号发布信息0条。", wechat.GetProperty("sentence").GetString());
    }

    [Theory]
    [InlineData("format=csv", null)]
    [InlineData("", "text/csv")]
    public async Task Annual_AsCsv_Utf8WithBomAndARowPerChannelAndCategory(string query, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/reports/annual?year={published.Year}&{query}");
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await Service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("年度,渠道,渠道名称,类别,发布条数", lines[0]);
        Assert.Contains($"{published.Year},portal,桐乡市政府信息公开网,政策文件,1", lines);
        Assert.Contains($"{published.Year},portal,桐乡市政府信息公开网,合计,7", lines);
        Assert.Equal(1 + 4 * 8, lines.Length);
    }

    [Theory]
    [InlineData("", "year is required")]
    [InlineData("year=abc", "from 2008 to")]
    [InlineData("year=2007", "from 2008 to")]
    [InlineData("year=9999", "from 2008 to")]
    public async Task Annual_BadYear_400NamingYearAndTheRange(string query, string message)
    {
        using var response = await Service.Client.GetAsync($"api/reports/annual?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty("year")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Annual_KeyWithoutReadScope_403()
    {
        using var client = await Service.ClientWithScopesAsync("submit");

        using var response = await client.GetAsync($"api/reports/annual?year={published.Year}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ReportAnnual_CliWithCsvAndOut_WritesTheFileWithBom()
    {
        var key = await KeysCommand.CreateAsync(
            Service.App.Services.GetRequiredService<IKeyStore>(), Service.App.Services.GetRequiredService<IAuditLog>(),
            "report", ["read"], TimeProvider.System, CancellationToken.None);
        var file = Path.Combine(Path.GetTempPath(), $"annual-{Guid.NewGuid():N}.csv");
        string[] client = ["--server", Service.BaseAddress.ToString(), "--api-key", key];

        var csv = await SyndicatorProcess.RunAsync(["report", "annual", "--year", published.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), "--csv", "--out", file, .. client], TimeSpan.FromMinutes(1));
        var table = await SyndicatorProcess.RunAsync(["report", "annual", "--year", published.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), .. client], TimeSpan.FromMinutes(1));
        var bad = await SyndicatorProcess.RunAsync(["report", "annual", "--year", "1999", .. client], TimeSpan.FromMinutes(1));

        Assert.True(csv.ExitCode == 0, csv.StdErr);
        var bytes = await File.ReadAllBytesAsync(file);
        File.Delete(file);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Contains($"{published.Year},portal,桐乡市政府信息公开网,合计,7", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.True(table.ExitCode == 0, table.StdErr);
        Assert.Contains("通过市政府信息公开网站发布信息7条，其中：", table.StdOut, StringComparison.Ordinal);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("year: year must be a whole year from 2008", bad.StdErr, StringComparison.Ordinal);
    }
}
