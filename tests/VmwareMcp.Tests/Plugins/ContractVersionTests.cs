using VmwareMcp.Abstractions;

namespace VmwareMcp.Tests.Plugins;

/// <summary>The contract's package, assembly and declared versions are one number, so a plugin built against it loads.</summary>
public sealed class ContractVersionTests
{
    [Fact]
    public void The_contract_assembly_version_is_the_contract_version()
    {
        var version = typeof(ContractVersion).Assembly.GetName().Version!;

        Assert.Equal(ContractVersion.Current, $"{version.Major}.{version.Minor}");
    }

    [Fact]
    public void The_built_in_manifests_and_the_template_declare_the_current_contract()
    {
        var manifests = Directory.GetFiles(Path.Combine(Harness.RepositoryPaths.Root, "plugins"), "plugin.json", SearchOption.AllDirectories)
            .Append(Path.Combine(Harness.RepositoryPaths.Root, "templates", "ProviderPlugin", "plugin.json"))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal));

        Assert.All(manifests, f => Assert.Contains($"\"contract_version\": \"{ContractVersion.Current}\"", File.ReadAllText(f), StringComparison.Ordinal));
    }
}
