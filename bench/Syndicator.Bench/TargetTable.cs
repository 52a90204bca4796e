namespace Syndicator.Bench;

/// <summary>A markdown table of figures beside the issue's targets: measure, figure, target, pass/miss.</summary>
internal sealed class TargetTable(string title)
{
    private readonly List<(string Measure, string Figure, string Target, bool? Met)> _rows = [];

    public string Title { get; } = title;

    /// <summary>The part did not finish (a wait passed its deadline, or it failed); its one row says why.</summary>
    public bool Stopped { get; set; }

    /// <summary>A figure with its target; <paramref name="met"/> null when the row has no target (shown for context).</summary>
    public TargetTable Add(string measure, string figure, string target = "—", bool? met = null)
    {
        _rows.Add((measure, figure, target, met));
        return this;
    }

    public bool AllMet => _rows.All(r => r.Met != false);

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"### {Title}");
        output.WriteLine();
        output.WriteLine("| measure | figure | target | |");
        output.WriteLine("|---|---:|---|---|");
        foreach (var (measure, figure, target, met) in _rows)
        {
            output.WriteLine($"| {measure} | {figure} | {target} | {(met is null ? "" : met.Value ? "pass" : "**miss**")} |");
        }
    }
}
