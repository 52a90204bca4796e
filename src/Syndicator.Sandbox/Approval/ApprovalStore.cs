using System.Globalization;

namespace Syndicator.Sandbox.Approval;

/// <summary>The documents and uploaded files of the WCM emulator. Callers hold the emulator's gate.</summary>
internal sealed class ApprovalStore(TimeProvider time)
{
    private readonly SortedDictionary<int, ApprovalDocument> _documents = [];
    private readonly Dictionary<string, ApprovalFile> _files = new(StringComparer.Ordinal);
    private int _lastId;
    private int _lastFile;

    public ApprovalDocument Create(int channelId)
    {
        var now = time.GetUtcNow();
        var document = new ApprovalDocument { Id = ++_lastId, ChannelId = channelId, CreatedAt = now, UpdatedAt = now };
        _documents.Add(document.Id, document);
        return document;
    }

    public ApprovalDocument? Get(int id) => _documents.GetValueOrDefault(id);

    public IEnumerable<ApprovalDocument> All() => _documents.Values;

    /// <summary>Stores an upload under a WCM-style name: the flag (<c>U0</c>/<c>W0</c>), <c>yyyyMMddHHmmss</c> and a serial, then the extension.</summary>
    public ApprovalFile Upload(string flag, string extension, byte[] content)
    {
        var stamp = time.GetUtcNow().ToOffset(ApprovalSite.Zone).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var name = string.Create(CultureInfo.InvariantCulture, $"{flag}{stamp}{++_lastFile:D6}.{extension}");
        var file = new ApprovalFile(name, content);
        _files.Add(name, file);
        return file;
    }

    /// <summary>An upload by its name, or by its published name (<c>W0</c> swapped for <c>P0</c>, reference §1.8).</summary>
    public ApprovalFile? File(string showName) =>
        _files.GetValueOrDefault(showName) ?? (showName.StartsWith("P0", StringComparison.Ordinal) ? _files.GetValueOrDefault("W0" + showName[2..]) : null);

    public void Clear()
    {
        _documents.Clear();
        _files.Clear();
        _lastId = 0;
        _lastFile = 0;
    }
}
