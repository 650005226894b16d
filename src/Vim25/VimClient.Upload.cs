using System.Net.Http.Headers;
using VmwareMcp.Abstractions.Errors;

namespace VmwareMcp.Vim25;

public sealed partial class VimClient
{
    /// <summary>
    /// Streams a file to an upload address the endpoint handed out (an NFC lease's device URL), over this
    /// session's connection, so its cookie and certificate policy apply.
    /// </summary>
    /// <param name="url">The device URL from the lease.</param>
    /// <param name="content">The bytes to send; read to its end, not disposed.</param>
    /// <param name="length">The byte count when known (NFC wants it); null sends chunked.</param>
    /// <param name="create">The file item's <c>create</c> flag: PUT a new file rather than POST a stream-optimized disk.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <exception cref="HypervisorException">Failed when the endpoint refuses the file; Unavailable when it cannot be reached; whatever reading <paramref name="content"/> threw.</exception>
    public async Task UploadAsync(Uri url, Stream content, long? length, bool create, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(create ? HttpMethod.Put : HttpMethod.Post, url) { Content = new StreamContent(content, 256 * 1024) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-vnd.vmware-streamVmdk");
        request.Content.Headers.ContentLength = length;
        if (create)
        {
            request.Headers.TryAddWithoutValidation("Overwrite", "t");
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HypervisorException(HypervisorErrorKind.Failed, $"target '{Target.Name}' refused the upload to {url.AbsolutePath} with HTTP {(int)response.StatusCode}");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            // Reading the source fails inside the send; its own error says what went wrong, not the target.
            for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
            {
                if (inner is HypervisorException source)
                {
                    throw source;
                }
            }

            throw new HypervisorException(HypervisorErrorKind.Unavailable, $"the upload to target '{Target.Name}' ({url.Host}) failed: {ex.Message}", innerException: ex);
        }
    }
}
