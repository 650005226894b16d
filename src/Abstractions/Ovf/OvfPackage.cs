namespace VmwareMcp.Abstractions.Ovf;

/// <summary>
/// The files of an OVF package, opened on demand: a plugin decides where they may come from (a folder
/// allow-list, an https address) and the provider only reads what this gives it. Since 2.6.
/// </summary>
/// <remarks>
/// An OVA is one tar archive whose first entry is the descriptor; the provider reads it once, from start to
/// end, uploading each disk as it passes, so nothing is unpacked to disk. A plain OVF is a descriptor with
/// its disks beside it, named by the descriptor's relative <c>href</c>s.
/// </remarks>
public abstract class OvfPackage
{
    /// <summary>Where the package comes from, for messages and the audit: a path or a URL, never credentials.</summary>
    public abstract string Source { get; }

    /// <summary>True for an OVA (a tar archive), false for a descriptor with its files beside it.</summary>
    public abstract bool IsArchive { get; }

    /// <summary>Opens the archive or the descriptor (<paramref name="file"/> null), or a file the descriptor references.</summary>
    /// <param name="file">
    /// Null for the package itself; otherwise a descriptor's <c>href</c>, already checked to be a plain relative
    /// name (no scheme, no leading slash, no <c>..</c>). Never asked of an archive.
    /// </param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>A stream the caller disposes; throws <see cref="Errors.HypervisorException"/> (NotFound, InvalidArgument) when it cannot be read.</returns>
    public abstract Task<Stream> OpenAsync(string? file, CancellationToken cancellationToken);
}
