using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Conformance;

/// <summary>
/// The official TypeScript MCP SDK (the client most MCP hosts are built on) calls every tool over each
/// transport: it validates every structured result against the tool's output schema and fails the run on
/// any protocol error or unexpected tool error (tests/conformance/conformance.mjs).
/// </summary>
public abstract class TypeScriptSdkTests<TFixture>(TFixture fixture, string model) where TFixture : FrontDoorFixture
{
    [Theory]
    [InlineData("http")]
    [InlineData("sse")]
    public async Task The_typescript_sdk_calls_every_tool_over_http(string transport)
    {
        var (exitCode, output) = await NodeClient.RunAsync(fixture.Host, "node",
            "conformance.mjs", "--transport", transport, "--url", fixture.Host.BaseUrl.ToString(), "--token", TestHost.Token, "--model", model, "--ova", fixture.Packages.PathOf("tiny.ova"));

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task The_typescript_sdk_calls_every_tool_over_stdio()
    {
        var config = await TestHost.WriteSettingsAsync(fixture.Settings);

        var (exitCode, output) = await NodeClient.RunAsync(fixture.Host, "node",
            "conformance.mjs", "--transport", "stdio", "--model", model, "--ova", fixture.Packages.PathOf("tiny.ova"), "--",
            "dotnet", Path.Combine(AppContext.BaseDirectory, "VmwareMcp.Host.dll"), "--stdio", "--config", config);

        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [InlineData("http", "/mcp")]
    [InlineData("sse", "/mcp/sse")]
    public async Task The_mcp_inspector_lists_the_tools(string transport, string path)
    {
        var (exitCode, output) = await InspectorAsync(transport, path, "--method", "tools/list");

        Assert.True(exitCode == 0, output);
        Assert.Contains("\"list_vms\"", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http", "/mcp")]
    [InlineData("sse", "/mcp/sse")]
    public async Task The_mcp_inspector_calls_a_read_tool(string transport, string path)
    {
        var (exitCode, output) = await InspectorAsync(transport, path, "--method", "tools/call", "--tool-name", "get_vm", "--tool-arg", $"vm={fixture.ExistingVm}");

        Assert.True(exitCode == 0, output);
        Assert.Contains(fixture.ExistingVm, output, StringComparison.Ordinal);
    }

    private Task<(int, string)> InspectorAsync(string transport, string path, params string[] method) =>
        NodeClient.RunAsync(fixture.Host, NodeClient.Node22,
            [NodeClient.Inspector, "--cli", new Uri(fixture.Host.BaseUrl, path).ToString(), "--transport", transport,
             "--header", $"Authorization: Bearer {TestHost.Token}", .. method]);
}

public sealed class VcenterTypeScriptSdkTests(VcenterFrontDoorFixture fixture)
    : TypeScriptSdkTests<VcenterFrontDoorFixture>(fixture, "vpx"), IClassFixture<VcenterFrontDoorFixture>;

public sealed class EsxiTypeScriptSdkTests(EsxiFrontDoorFixture fixture)
    : TypeScriptSdkTests<EsxiFrontDoorFixture>(fixture, "esx"), IClassFixture<EsxiFrontDoorFixture>;
