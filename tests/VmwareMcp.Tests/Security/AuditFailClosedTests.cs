using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Host.Configuration;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Security;

/// <summary>A simulator and a host whose audit log a test breaks on purpose.</summary>
public sealed class AuditBreakTarget : SimulatedVcenter;

/// <summary>A change that cannot be audited is not made; a log that cannot be written stops the start.</summary>
public sealed class AuditFailClosedTests(AuditBreakTarget target) : IClassFixture<AuditBreakTarget>
{
    [Fact]
    public async Task A_change_whose_record_cannot_be_written_is_refused_and_not_made()
    {
        await using (await StateFiles.BreakAuditAsync(target.Host.Directory))
        {
            using var client = target.Host.CreateClient();
            await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

            using var rest = await client.PostAsJsonAsync("/api/v1/vms/power", new { vm_identifier = "DC0_H0_VM0", desired_state = "POWER_OFF" });
            var detail = (await rest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
            var tool = await mcp.CallExpectingErrorAsync("power_vm", new { vm = "DC0_H0_VM0", desired_state = "POWER_OFF", confirm = true });

            Assert.Equal(HttpStatusCode.ServiceUnavailable, rest.StatusCode);
            Assert.Contains("audit log", detail, StringComparison.Ordinal);
            Assert.StartsWith("AuditUnavailable", tool, StringComparison.Ordinal);
            Assert.Equal("poweredOn", (await target.Inspector.VmNamedAsync("DC0_H0_VM0"))!.PowerState);
        }
    }

    [Fact]
    public async Task Changes_are_audited_again_once_the_log_can_be_written()
    {
        using var client = target.Host.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "after-repair" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static TheoryData<string> UnwritablePaths() =>
    [
        "/proc/vmwaremcp-audit/audit.jsonl",
        "{file}/audit.jsonl",
    ];

    [Theory]
    [MemberData(nameof(UnwritablePaths))]
    public async Task An_audit_log_that_cannot_be_appended_to_stops_the_start_naming_the_key(string path)
    {
        var file = Path.GetTempFileName();
        path = path.Replace("{file}", file, StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => TestHost.StartAsync(TestHost.SettingsFor(null, $"audit_log: \"{path}\"")));

        Assert.Contains($"audit_log: '{path}' cannot be appended to", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_path_where_state_db_cannot_be_written_stops_the_start_naming_the_key()
    {
        var file = Path.GetTempFileName();

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => TestHost.StartAsync(TestHost.SettingsFor(null, $"data_path: \"{file}\"")));

        Assert.Contains($"data_path: '{file}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("audit", error.Message, StringComparison.Ordinal);
    }
}
