using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Ovf;

namespace VmwareMcp.Plugins.Core;

/// <summary>A package on the host's own disk, inside an allowed folder: checked again for every file it opens, links followed.</summary>
internal sealed class FileOvfPackage(string path, IReadOnlyList<string> allowedFolders) : OvfPackage
{
    public override string Source => path;

    public override bool IsArchive => path.EndsWith(".ova", StringComparison.OrdinalIgnoreCase);

    public override Task<Stream> OpenAsync(string? file, CancellationToken cancellationToken)
    {
        var wanted = file is null ? path : Path.Combine(Path.GetDirectoryName(path)!, file);
        var real = Allowed(wanted, allowedFolders)
            ?? throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"source: '{wanted}' is not inside a folder that ovf.allowed_folders allows");
        try
        {
            return Task.FromResult<Stream>(new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new HypervisorException(HypervisorErrorKind.NotFound, $"source: there is no file '{wanted}'");
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"source: '{wanted}' cannot be read: {ex.Message}");
        }
    }

    /// <summary>The file's real path when it (with every link resolved) lies inside an allowed folder; null otherwise.</summary>
    public static string? Allowed(string path, IReadOnlyList<string> allowedFolders)
    {
        if (!Path.IsPathFullyQualified(path) || path.Contains('\0'))
        {
            return null;
        }

        var real = RealPath(Path.GetFullPath(path));
        return allowedFolders.Any(folder => IsInside(real, RealPath(Path.GetFullPath(folder)))) ? real : null;
    }

    private static bool IsInside(string path, string folder) =>
        path.StartsWith(Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Follows links component by component, so a link inside an allowed folder cannot lead out of it.</summary>
    private static string RealPath(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath)!;
        var current = root;
        foreach (var part in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = Path.GetFullPath(target.FullName);
            }
        }

        return current;
    }
}
