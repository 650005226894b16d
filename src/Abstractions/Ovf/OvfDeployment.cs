namespace VmwareMcp.Abstractions.Ovf;

/// <summary>A VM (or appliance) to deploy from an OVF or OVA package, and where it goes. Since 2.6.</summary>
public sealed record OvfDeployment
{
    /// <summary>The new VM's name; a name already used in the destination folder is a Conflict.</summary>
    public required string Name { get; init; }

    /// <summary>The package to read.</summary>
    public required OvfPackage Package { get; init; }

    /// <summary>The datastore for the VM's files; null for the target's default, else the one with most free space.</summary>
    public string? Datastore { get; init; }

    /// <summary>The VM folder (vCenter); null for the datacenter's root VM folder.</summary>
    public string? Folder { get; init; }

    /// <summary>A resource pool by path or name; null for the cluster's (or host's) root pool.</summary>
    public string? ResourcePool { get; init; }

    /// <summary>The cluster whose root pool takes the VM when no pool is named (vCenter).</summary>
    public string? Cluster { get; init; }

    /// <summary>The network for every OVF network not in <see cref="NetworkMapping"/>; null for the target's default.</summary>
    public string? Network { get; init; }

    /// <summary>OVF network name (from the descriptor's NetworkSection) to vSphere network or port group name.</summary>
    public IReadOnlyDictionary<string, string>? NetworkMapping { get; init; }

    /// <summary><c>thin</c> (the default), <c>thick</c> or <c>eager_zeroed</c>.</summary>
    public string? DiskProvisioning { get; init; }

    /// <summary>The descriptor's DeploymentOptionSection configuration to use; null for its default.</summary>
    public string? DeploymentOption { get; init; }

    /// <summary>Values for the descriptor's ProductSection properties, by key.</summary>
    public IReadOnlyDictionary<string, string>? Properties { get; init; }

    /// <summary>Power the VM on once its disks are uploaded.</summary>
    public bool PowerOn { get; init; }
}
