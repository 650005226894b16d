using System.Net;
using System.Net.Http.Json;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Tests.Hosting;

/// <summary>Creates the VM a test works on through the host's REST route, failing the test when it is not created.</summary>
public static class VmCreation
{
    /// <param name="host">The host under test.</param>
    /// <param name="body">The create body, for example <c>new { vm_label = "x", disk_gb = 1 }</c>.</param>
    public static async Task<VmDetails> CreateVmAsync(this TestHost host, object body)
    {
        using var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/vms", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<VmDetails>(Json.Options))!;
    }
}
