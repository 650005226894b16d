namespace VmwareMcp.Host.Audit;

/// <summary>
/// The audit log's JSON-lines copy at <c>audit_log</c>, when configured, for log shippers: each record is
/// appended, on disk, after <c>state.db</c> has it and before the caller is answered. Several processes may
/// share the file: each line is written whole under an exclusive lock of <c>audit_log.lock</c>, at the end
/// of the file as it is then. A record that cannot be appended refuses the change, as the database would.
/// </summary>
internal sealed class AuditFileMirror(string path) : IDisposable
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private FileStream? _file;

    public string Path => path;

    /// <summary>Appends one serialized record (with its newline).</summary>
    /// <exception cref="AuditUnavailableException">It could not be written: the change must not be made.</exception>
    public void Write(byte[] line)
    {
        lock (_gate)
        {
            try
            {
                using var crossProcess = AcquireLock();
                _file ??= new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                _file.Seek(0, SeekOrigin.End); // Another process may have appended since.
                _file.Write(line);
                _file.Flush(flushToDisk: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _file?.Dispose();
                _file = null; // Reopened on the next write, in case the path was fixed.
                throw new AuditUnavailableException(path, ex);
            }
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
                return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline && File.Exists(path + ".lock"))
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
        catch (IOException)
        {
            // Every line was flushed to disk when written; closing has nothing left to save.
        }
    }
}
