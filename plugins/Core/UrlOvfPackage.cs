using System.Net;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Ovf;

namespace VmwareMcp.Plugins.Core;

/// <summary>
/// A package fetched over http(s) from an allowed URL prefix, streamed as it downloads. Redirects are not
/// followed: a redirect could lead anywhere, including addresses inside the operator's network.
/// </summary>
internal sealed class UrlOvfPackage(Uri url, HttpClient http) : OvfPackage
{
    public override string Source => url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);

    public override bool IsArchive => url.AbsolutePath.EndsWith(".ova", StringComparison.OrdinalIgnoreCase);

    public override async Task<Stream> OpenAsync(string? file, CancellationToken cancellationToken)
    {
        var address = file is null ? url : new Uri(url, Uri.EscapeDataString(file).Replace("%2F", "/", StringComparison.Ordinal));
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new HypervisorException(HypervisorErrorKind.Unavailable, $"source: cannot fetch {address}: {ex.Message}", innerException: ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken));
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            throw response.StatusCode switch
            {
                HttpStatusCode.NotFound or HttpStatusCode.Gone => new HypervisorException(HypervisorErrorKind.NotFound, $"source: {address} answered HTTP {status}"),
                >= HttpStatusCode.MultipleChoices and < HttpStatusCode.BadRequest => new HypervisorException(HypervisorErrorKind.InvalidArgument,
                    $"source: {address} answered a redirect (HTTP {status}) to {response.Headers.Location}; redirects are not followed, give the final address"),
                _ => new HypervisorException(HypervisorErrorKind.Unavailable, $"source: {address} answered HTTP {status}"),
            };
        }
    }

    /// <summary>The body stream, disposing its response with it.</summary>
    private sealed class ResponseStream(HttpResponseMessage response, Stream body) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => body.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => body.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => body.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                body.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
