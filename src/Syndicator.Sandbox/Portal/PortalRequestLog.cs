using Microsoft.AspNetCore.Http;

namespace Syndicator.Sandbox.Portal;

/// <summary>
/// The last calls of the receive interface as they arrived: path and query (as sent), and where the credentials
/// were. Read by <c>GET /_sandbox/portal/requests</c>, so that a test can see that no secret travelled in a URL.
/// </summary>
internal sealed class PortalRequestLog
{
    private const int Capacity = 200;

    private readonly Lock _gate = new();
    private readonly Queue<PortalRequestRecord> _records = new();

    public void Add(HttpRequest request, string credentialsIn)
    {
        var record = new PortalRequestRecord(request.Method, request.Path + request.QueryString, credentialsIn, request.ContentType);
        lock (_gate)
        {
            if (_records.Count == Capacity)
            {
                _records.Dequeue();
            }

            _records.Enqueue(record);
        }
    }

    public IReadOnlyList<PortalRequestRecord> All()
    {
        lock (_gate)
        {
            return [.. _records];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _records.Clear();
        }
    }
}

/// <summary>One call as received; <see cref="CredentialsIn"/> is <c>body</c>, <c>query</c> or <c>none</c>.</summary>
internal sealed record PortalRequestRecord(string Method, string Target, string CredentialsIn, string? ContentType);
