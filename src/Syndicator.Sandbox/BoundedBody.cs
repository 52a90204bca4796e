namespace Syndicator.Sandbox;

/// <summary>Reads a request body to its end within a bound decided before reading.</summary>
internal static class BoundedBody
{
    /// <summary>
    /// The whole body, or null when it is longer than <paramref name="maxBytes"/>. Read to its end even when the caller
    /// has gone (a real server goes on with a request it has received), never past the bound.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, int maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await stream.ReadAsync(chunk, CancellationToken.None)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
