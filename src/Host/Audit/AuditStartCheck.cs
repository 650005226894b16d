using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using VmwareMcp.Host.Configuration;
using VmwareMcp.Host.State;

namespace VmwareMcp.Host.Audit;

/// <summary>
/// Refuses, at start, an audit log this host cannot write, by writing the record of the start itself: to
/// <c>state.db</c> (after importing an older host's JSON-lines log once), and to the <c>audit_log</c> copy
/// when one is configured. A directory where a file should be, an unwritable folder or a full device all fail here.
/// </summary>
internal static class AuditStartCheck
{
    /// <exception cref="ConfigurationException">Naming <c>data_path</c> or <c>audit_log</c>, and the path.</exception>
    public static void Run(HostSettings settings, string configFile, string surface)
    {
        var start = new AuditRecord(DateTimeOffset.UtcNow, "-", surface, "host_start", null, null,
            new JsonObject { ["pid"] = Environment.ProcessId }, "ok", null, null, 0);
        var line = AuditLine.Serialize(start);
        try
        {
            using var connection = new StateDatabase(settings).Open();
            AuditImport.Run(connection, settings.AuditLog ?? Path.Combine(settings.DataPath, "audit.jsonl"));
            SqliteAuditStore.Insert(connection, start, line);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{configFile}: data_path: '{settings.DataPath}': the audit log in state.db cannot be written ({ex.Message}); "
                + "every change is audited before it is made, so the host does not start without it");
        }

        if (settings.AuditLog is not { } copy)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(copy))!);
            using var mirror = new AuditFileMirror(copy);
            mirror.Write(line);
        }
        catch (Exception ex) when (ex is AuditUnavailableException or IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConfigurationException($"{configFile}: audit_log: '{copy}' cannot be appended to ({(ex.InnerException ?? ex).Message}); "
                + "every change is audited before it is made, so the host does not start without it");
        }
    }
}
