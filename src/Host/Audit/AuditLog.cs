using System.Text;
using System.Text.Json;
using VmwareMcp.Abstractions;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Audit;

/// <summary>
/// Appends <see cref="AuditRecord"/>s as JSON lines to <c>audit_log</c>, on disk before the caller is
/// answered, and reads them back with filters. Several processes may share one log (an HTTP host and a
/// <c>--stdio</c> host on one configuration): each line is written whole under an exclusive lock of
/// <c>audit_log.lock</c>, at the end of the file as it is then.
/// </summary>
internal sealed class AuditLog(HostSettings settings, ILogger<AuditLog> logger) : IDisposable
{
    /// <summary>Longest line read back; anything longer is not a record this host wrote.</summary>
    private const int MaxLineBytes = 1024 * 1024;

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private FileStream? _file;

    public string Path => settings.AuditLog;

    /// <summary>Appends one record.</summary>
    /// <exception cref="AuditUnavailableException">It could not be written: the change must not be made.</exception>
    public void Write(AuditRecord record)
    {
        var line = AuditLine.Serialize(record);
        lock (_gate)
        {
            try
            {
                using var crossProcess = AcquireLock();
                _file ??= new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                _file.Seek(0, SeekOrigin.End); // Another process may have appended since.
                _file.Write(line);
                _file.Flush(flushToDisk: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _file?.Dispose();
                _file = null; // Reopened on the next write, in case the path was fixed.
                throw new AuditUnavailableException(Path, ex);
            }
        }
    }

    /// <summary>The newest records first, filtered, after <c>offset</c> matches, at most <c>limit</c>; bounded in memory.</summary>
    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        var window = new AuditWindow(query.Offset + query.Limit);
        await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, useAsync: true);
        var end = stream.Length; // Lines appended while reading are left for the next read.
        var reader = new AuditLineReader(stream, end, MaxLineBytes);
        while (await reader.NextAsync(cancellationToken) is { } line)
        {
            if (AuditLine.TryParse(line) is { } record)
            {
                window.Add(record, query);
            }
        }

        return window.NewestFirst(query.Offset, query.Limit);
    }

    /// <summary>
    /// Refuses, at start, an audit path this host cannot append to, by appending the record of the start
    /// itself (a directory where a file should be, an unwritable folder or a full device all fail here).
    /// </summary>
    /// <exception cref="ConfigurationException">Naming <c>audit_log</c> and the path.</exception>
    public static void CheckWritable(HostSettings settings, string configFile, string surface)
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(settings.AuditLog))!);
            using var log = new AuditLog(settings, Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditLog>.Instance);
            log.Write(new AuditRecord(DateTimeOffset.UtcNow, "-", surface, "host_start", null, null,
                new System.Text.Json.Nodes.JsonObject { ["pid"] = Environment.ProcessId }, "ok", null, null, 0));
        }
        catch (Exception ex) when (ex is AuditUnavailableException or IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConfigurationException($"{configFile}: audit_log: '{settings.AuditLog}' cannot be appended to ({(ex.InnerException ?? ex).Message}); "
                + "every change is audited before it is made, so the host does not start without it");
        }
    }

    private FileStream AcquireLock()
    {
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock (flock) on Unix: one writer across processes.
                return new FileStream(Path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline && File.Exists(Path + ".lock"))
            {
                Thread.Sleep(2); // Another process is writing one line; it holds the lock for a millisecond or so.
            }
        }
    }

    public void Dispose()
    {
        try
        {
            _file?.Dispose();
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "The audit log {Path} could not be closed cleanly", Path);
        }
    }
}
