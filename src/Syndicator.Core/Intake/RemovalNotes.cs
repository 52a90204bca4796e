using System.Globalization;

namespace Syndicator.Core.Intake;

/// <summary>What the policy took out of one body, counted by kind, as the sentences the sender and operators read.</summary>
internal sealed class RemovalNotes
{
    private const int MaxKinds = 20;
    private readonly Dictionary<(string What, string Why), int> _counts = [];

    public void Add(string what, string why)
    {
        var key = (what.Length > 80 ? what[..80] + "…" : what, why);
        if (_counts.Count < MaxKinds || _counts.ContainsKey(key))
        {
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>One sentence per kind, in the order first met.</summary>
    public IReadOnlyList<string> ToList() =>
        _counts.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"Removed from the body: {(c.Value > 1 ? $"{c.Value} × " : "")}{c.Key.What} ({c.Key.Why}).")).ToList();
}
