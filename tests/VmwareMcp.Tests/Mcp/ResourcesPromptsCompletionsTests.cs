using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Mcp;

/// <summary>
/// vCenter objects as MCP resources, runbook prompts, and completions of their arguments from the inventory,
/// checked against an independent read of the simulator.
/// </summary>
public sealed class ResourcesPromptsCompletionsTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    [Fact]
    public async Task The_server_offers_a_resource_template_per_kind_of_object()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var templates = (await mcp.ListResourceTemplatesAsync()).Select(t => t.UriTemplate).ToList();

        Assert.Contains("vsphere://{target}/vm/{id}", templates);
        Assert.Contains("vsphere://{target}/host/{id}", templates);
        Assert.Contains("vsphere://{target}/datastore/{id}", templates);
        Assert.Contains("vsphere://{target}/cluster/{id}", templates);
    }

    [Fact]
    public async Task A_vm_resource_is_the_vm_as_the_simulator_has_it()
    {
        var expected = (await target.Inspector.VmsAsync()).First(v => !v.Template);
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var read = await mcp.ReadResourceAsync($"vsphere://default/vm/{expected.Id}");

        using var vm = JsonDocument.Parse(Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text);
        Assert.Equal(expected.Name, vm.RootElement.GetProperty("name").GetString());
        Assert.Equal(expected.NumCpu, vm.RootElement.GetProperty("num_cpu").GetInt32());
    }

    [Fact]
    public async Task A_resource_that_is_not_there_is_resource_not_found()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => mcp.ReadResourceAsync("vsphere://default/vm/vm-99999").AsTask());

        Assert.Equal(McpErrorCode.ResourceNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task The_runbook_prompts_are_listed()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var prompts = (await mcp.ListPromptsAsync()).Select(p => p.Name).ToList();

        Assert.Equal(["free_datastore_space", "prepare_host_maintenance", "roll_back_change", "triage_vm"], prompts.Order());
    }

    [Fact]
    public async Task The_triage_prompt_names_the_vm_and_the_tools_to_call()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var prompt = await mcp.GetPromptAsync("triage_vm", new Dictionary<string, object?> { ["vm"] = "DC0_H0_VM0" });

        var text = string.Concat(prompt.Messages.Select(m => (m.Content as TextContentBlock)?.Text));
        Assert.Contains("DC0_H0_VM0", text, StringComparison.Ordinal);
        Assert.Contains("query_events", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vm_names_complete_from_the_inventory()
    {
        var expected = (await target.Inspector.VmsAsync()).Select(v => v.Name).Where(n => n.StartsWith("DC0_H0", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var result = await mcp.CompleteAsync(new PromptReference { Name = "triage_vm" }, "vm", "dc0_h0");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, result.Completion.Values);
    }

    [Fact]
    public async Task Host_names_complete_for_a_resource_template()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var result = await mcp.CompleteAsync(new PromptReference { Name = "prepare_host_maintenance" }, "host", "");

        Assert.Contains("DC0_H0", result.Completion.Values);
    }

    [Fact]
    public async Task Target_names_complete_from_the_configuration()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var result = await mcp.CompleteAsync(new ResourceTemplateReference { Uri = "vsphere://{target}/vm/{id}" }, "target", "de");

        Assert.Equal(["default"], result.Completion.Values);
    }
}
