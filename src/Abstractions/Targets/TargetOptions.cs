namespace VmwareMcp.Abstractions.Targets;

/// <summary>One configured vCenter or ESXi endpoint, with the original's per-target keys.</summary>
/// <remarks>The flat keys of an original <c>settings.yml</c> define the target named <c>default</c>.</remarks>
public sealed class TargetOptions
{
    /// <summary>The target's name, as tools and routes select it (<c>target</c> parameter).</summary>
    public required string Name { get; init; }

    /// <summary>The endpoint as https URL; <c>vcenter_endpoint</c> given as <c>host</c> or <c>host:port</c> is normalised to <c>https://host[:port]/sdk</c>.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary><c>login_credential</c>: the user principal.</summary>
    public required string User { get; init; }

    /// <summary><c>secret_key</c>: the password. Never log or return it.</summary>
    public required string Password { get; init; }

    /// <summary><c>kind</c>: <c>vcenter</c>, <c>esxi</c>, or null to detect it from the endpoint.</summary>
    public string? Kind { get; init; }

    /// <summary><c>resource_datacenter</c>: the datacenter to work in; null means the first one.</summary>
    public string? Datacenter { get; init; }

    /// <summary><c>resource_compute_pool</c>: the cluster for new VMs; null means the first one.</summary>
    public string? Cluster { get; init; }

    /// <summary><c>resource_storage</c>: the datastore for new VMs; null means the one with the most free space.</summary>
    public string? Datastore { get; init; }

    /// <summary><c>default_port_group</c>: the network for new NICs.</summary>
    public string Network { get; init; } = "VM Network";

    /// <summary><c>verify_ssl_cert</c>: whether the endpoint's certificate chain is validated.</summary>
    public bool VerifySsl { get; init; }

    /// <summary><c>ssl_thumbprint</c>: SHA-256 fingerprint (hex, colons optional) that pins the endpoint's certificate.</summary>
    public string? SslThumbprint { get; init; }

    /// <summary><c>read_only</c>: refuse every change to this target (global <c>read_only</c> sets it for all).</summary>
    public bool ReadOnly { get; init; }

    /// <summary><c>inventory_cache</c>: serve VM lists from a live cache kept current by the endpoint's change feed.</summary>
    public bool InventoryCache { get; init; } = true;

    /// <summary><c>max_concurrent_calls</c>: calls in flight to the endpoint at once; more wait briefly, then get 503.</summary>
    public int MaxConcurrentCalls { get; init; } = 16;

    /// <summary><c>operation_timeout_seconds</c>: the longest one call to the endpoint may take.</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Endpoint})";
}
