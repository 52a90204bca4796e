using System.Text;

namespace Syndicator.Core.Reports;

/// <summary>The annual figures: per channel, the items published in the year, by category.</summary>
public sealed record AnnualFigures(int Year, string TimeZone, bool CountWithdrawn, IReadOnlyList<ChannelFigures> Channels)
{
    /// <summary>
    /// CSV for Excel: UTF-8 with a byte-order mark (without one Excel reads Chinese as the ANSI code page), CRLF line
    /// ends, one row per channel and category (zero rows included) and a 合计 row per channel (RFC 4180 quoting).
    /// </summary>
    public byte[] ToCsv()
    {
        var csv = new StringBuilder();
        Row(csv, "年度", "渠道", "渠道名称", "类别", "发布条数");
        foreach (var channel in Channels)
        {
            foreach (var category in channel.Categories)
            {
                Row(csv, Year.ToString(System.Globalization.CultureInfo.InvariantCulture), channel.Channel, channel.DisplayName,
                    category.Category, category.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            Row(csv, Year.ToString(System.Globalization.CultureInfo.InvariantCulture), channel.Channel, channel.DisplayName, "合计",
                channel.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Row(StringBuilder csv, params string[] fields)
    {
        csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}

/// <summary>One channel's year: the total, each category (in catalogue order, zeros included) and the sentence.</summary>
public sealed record ChannelFigures(
    string Channel, string DisplayName, int Total, IReadOnlyList<CategoryFigure> Categories, string Sentence);

/// <summary>Items of one category.</summary>
public sealed record CategoryFigure(string Category, int Count);
