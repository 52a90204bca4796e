using System.Globalization;
using Syndicator.Core.Reports;
using Syndicator.Host.Auth;

namespace Syndicator.Host.Api;

/// <summary><c>/api/reports</c>: the annual figures (DESIGN §5), as JSON or CSV.</summary>
internal static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/annual", Annual).RequireAuthorization(Scopes.Read);
        return app;
    }

    private static async Task<IResult> Annual(
        string? year, string? format, HttpRequest request, AnnualReporter reporter, TimeProvider time, CancellationToken cancellationToken)
    {
        // Read as text so that a bad value is a problem naming the field and the range, not a bare 400.
        var last = AnnualReporter.LastYear(time.GetUtcNow());
        var range = $"year must be a whole year from {AnnualReporter.FirstYear} to {last} (the current year in China, UTC+8).";
        if (year is null || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < AnnualReporter.FirstYear || y > last)
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "Bad year.", "year", year is null ? "year is required: " + range : range);
        }

        if (format is not (null or "json" or "csv"))
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "Bad format.", "format", "format must be json or csv.");
        }

        var figures = await reporter.BuildAsync(y, cancellationToken);
        var csv = format == "csv" || (format is null && WantsCsv(request));
        return csv
            ? TypedResults.File(figures.ToCsv(), "text/csv; charset=utf-8", $"annual-{y}.csv")
            : TypedResults.Ok(figures);
    }

    /// <summary>Whether the Accept header prefers CSV to JSON.</summary>
    private static bool WantsCsv(HttpRequest request) =>
        request.GetTypedHeaders().Accept is { Count: > 0 } accept
        && accept.OrderByDescending(a => a.Quality ?? 1).First().MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase);
}
