using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using VmwareMcp.Host.Audit;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Security;

/// <summary>
/// The audit log lives in state.db: an older host's audit.jsonl is imported once, every record can be
/// exported as JSON lines, and a configured audit_log file gets a copy of each. No simulator is needed:
/// requests the host refuses are audited too.
/// </summary>
public sealed class AuditStoreTests
{
    [Fact]
    public async Task An_older_hosts_audit_jsonl_is_imported_once_on_first_start()
    {
        var directory = await DirectoryWithOldLogAsync();

        await using (var first = await TestHost.StartAsync(TestHost.SettingsFor(null), directory: directory))
        {
            Assert.Single(await OldChangesAsync(first));
        }

        await using var again = await TestHost.StartAsync(TestHost.SettingsFor(null), directory: directory);
        var change = Assert.Single(await OldChangesAsync(again));
        Assert.Equal("ok", change.Outcome);
        Assert.Equal(2, (await StateFiles.AuditRecordsAsync(directory)).Count(r => r.Contains("old-clone", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_export_gives_every_record_as_written_oldest_first()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(null), directory: await DirectoryWithOldLogAsync());
        using var client = host.CreateClient();

        using var export = await client.GetAsync("/api/v1/audit/export");
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("application/x-ndjson", export.Content.Headers.ContentType?.MediaType);
        var records = lines.Select(l => AuditLine.TryParse(System.Text.Encoding.UTF8.GetBytes(l))!).ToList();
        Assert.Equal(["started", "ok"], records.Where(r => r.Operation == "POST /api/v1/vms/clone").Select(r => r.Outcome));
        Assert.Equal("host_start", records[^1].Operation);
    }

    [Fact]
    public async Task The_export_is_for_admins_only()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(null, $"""
            tokens:
              - name: reader
                token: "{ScopedTokens.Reader}"
                scopes: [read]
            """));
        using var reader = host.CreateClient(ScopedTokens.Reader);

        using var response = await reader.GetAsync("/api/v1/audit/export");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_configured_audit_log_file_gets_a_copy_of_every_record()
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory("vmwaremcp-copy-").FullName, "audit.jsonl");
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(null, $"audit_log: \"{copy}\""));
        using var client = host.CreateClient();

        using var refused = await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "" });

        var lines = await File.ReadAllLinesAsync(copy);
        Assert.True(lines.Any(l => l.Contains("\"operation\":\"POST /api/v1/vms", StringComparison.Ordinal)), string.Join('\n', lines));
        Assert.Equal((await StateFiles.AuditRecordsAsync(host.Directory)).Count, lines.Count(l => l.Length > 0));
    }

    /// <summary>A data_path with the audit.jsonl an older host wrote: one clone, started then ended, and a torn last line.</summary>
    private static async Task<string> DirectoryWithOldLogAsync()
    {
        var directory = Directory.CreateTempSubdirectory("vmwaremcp-old-").FullName;
        var started = new AuditRecord(DateTimeOffset.UtcNow.AddDays(-1), "admin", "rest", "POST /api/v1/vms/clone", "default", "src",
            new JsonObject { ["destination_label"] = "old-clone" }, "started", null, null, 0, Id: "old-change-1");
        var ended = started with { Time = started.Time.AddSeconds(30), Outcome = "ok", Status = 201, DurationMs = 30_000 };
        await using var file = File.Create(Path.Combine(directory, "audit.jsonl"));
        await file.WriteAsync(AuditLine.Serialize(started));
        await file.WriteAsync(AuditLine.Serialize(ended));
        await file.WriteAsync("{\"time\":\"2026-"u8.ToArray());
        return directory;
    }

    private static async Task<List<AuditRecord>> OldChangesAsync(TestHost host)
    {
        using var client = host.CreateClient();
        return (await client.GetFromJsonAsync<List<AuditRecord>>("/api/v1/audit?limit=1000", Json.Options))!
            .Where(r => r.Id == "old-change-1").ToList();
    }
}
