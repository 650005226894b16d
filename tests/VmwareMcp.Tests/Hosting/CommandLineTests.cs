using VmwareMcp.Tests.Harness;

namespace VmwareMcp.Tests.Hosting;

/// <summary>The host's command line as an operator meets it: run as a process, exit codes and output read back.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--version")]
    [InlineData("-v")]
    public async Task The_version_names_the_host_contract_and_mcp_sdk_and_exits_0(string flag)
    {
        var (exit, output, _) = await RunAsync(flag);

        Assert.Equal(0, exit);
        Assert.StartsWith("VmwareMcp.Host ", output, StringComparison.Ordinal);
        Assert.Contains($"contract {VmwareMcp.Abstractions.ContractVersion.Current}", output, StringComparison.Ordinal);
        Assert.Contains("MCP SDK", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_option_the_configuration_order_and_the_exit_codes()
    {
        var (exit, output, _) = await RunAsync("--help");

        Assert.Equal(0, exit);
        Assert.All(["--config", "--stdio", "--help", "--version", "VMWAREMCP_CONFIG", "Exit codes:", "2   the configuration"],
            expected => Assert.Contains(expected, output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_argument_exits_2_naming_it()
    {
        var (exit, _, errors) = await RunAsync("--frobnicate");

        Assert.Equal(2, exit);
        Assert.Contains("--frobnicate", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_config_file_can_be_named_by_the_environment()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"vmwaremcp-missing-{Guid.NewGuid():N}.yml");

        var (exit, _, errors) = await RunAsync([], ("VMWAREMCP_CONFIG", missing));

        Assert.Equal(2, exit);
        Assert.Contains(missing, errors, StringComparison.Ordinal);
    }

    private static Task<(int Exit, string Output, string Errors)> RunAsync(string argument) => RunAsync([argument]);

    private static Task<(int Exit, string Output, string Errors)> RunAsync(string[] arguments, params (string Name, string Value)[] environment) =>
        ProcessRun.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "VmwareMcp.Host.dll"), .. arguments], TimeSpan.FromMinutes(2), environment);
}
