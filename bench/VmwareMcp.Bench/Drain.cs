using System.Buffers;

namespace VmwareMcp.Bench;

/// <summary>
/// REST reads for the figures: the body is read to its end into a pooled buffer and dropped, as the raw
/// floor reads its answer, so a figure is the host's cost and not this program's buffering (a megabyte
/// list buffered whole is a fresh large-object-heap array per call).
/// </summary>
internal static class Drain
{
    public static async Task GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (await body.ReadAsync(buffer) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
